package io.lucidmq.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.core.LucidTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.handler.annotation.Header;

class RestartResumeTests {

    @TempDir
    Path directory;

    @Test
    void restartResumesAfterLastCommit() {
        try (ConfigurableApplicationContext first = start()) {
            LucidTemplate template = first.getBean(LucidTemplate.class);
            for (int i = 0; i < 5; i++) {
                template.send("events", "event-" + i).join();
            }
            EventListener listener = first.getBean(EventListener.class);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(listener.offsets).hasSize(5));
        }

        try (ConfigurableApplicationContext second = start()) {
            LucidTemplate template = second.getBean(LucidTemplate.class);
            template.send("events", "event-5").join();
            template.send("events", "event-6").join();
            EventListener listener = second.getBean(EventListener.class);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(listener.values)
                            .containsExactly("event-5", "event-6"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(listener.offsets).containsExactly(5L, 6L));
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("lucidmq.directory=" + directory)
                .run();
    }

    static class EventListener {

        final List<String> values = new CopyOnWriteArrayList<>();
        final List<Long> offsets = new CopyOnWriteArrayList<>();

        @LucidListener(id = "events-listener", topics = "events")
        void onEvent(String value, @Header(LucidHeaders.OFFSET) long offset) {
            values.add(value);
            offsets.add(offset);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(EventListener.class)
    static class App {
    }
}
