package io.lucidmq.sample;

import io.lucidmq.sample.reading.ReadingParser;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/**
 * A telemetry pipeline on LucidMQ: machine readings and readings posted by other devices flow
 * through the {@code readings} topic into per-minute statistics and threshold alerts.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

    /** Starts the application; Spring Boot reads {@code args} as properties. */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReadingParser readingParser(JsonMapper jsonMapper, Clock clock) {
        return new ReadingParser(jsonMapper, clock);
    }
}
