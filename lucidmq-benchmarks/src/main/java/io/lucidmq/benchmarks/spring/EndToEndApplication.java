package io.lucidmq.benchmarks.spring;

import io.lucidmq.DurabilityPolicy;
import java.nio.file.Path;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The Boot application of the Spring end-to-end benchmarks: the starter's auto-configuration
 * and one {@link BenchListener}. It scans no packages.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EndToEndApplication {

    /** Declares the listener bean. */
    @Bean
    BenchListener benchListener() {
        return new BenchListener();
    }

    /**
     * Starts the application on {@code directory} with durability OS, as the produce-to-poll
     * benchmark of the core uses, {@code extraProperties} ({@code name=value}), and the
     * starter's defaults for everything else.
     */
    public static ConfigurableApplicationContext start(Path directory,
            String... extraProperties) {
        return new SpringApplicationBuilder(EndToEndApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(SpringProperties.directory(directory),
                        SpringProperties.DURABILITY + "=" + DurabilityPolicy.OS,
                        SpringProperties.topicPartitions(BenchListener.TOPIC, 1))
                .properties(extraProperties)
                .run();
    }
}
