package io.lucidmq.spring.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.LucidMQ;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.spring.listener.ConcurrentLucidListenerContainerFactory;
import io.lucidmq.spring.listener.LucidListenerEndpointRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class EnableLucidTests {

    @TempDir
    static Path directory;

    @Test
    void enableLucidRunsListenersWithoutSpringBoot() {
        try (AnnotationConfigApplicationContext context =
                new AnnotationConfigApplicationContext(PlainConfig.class)) {
            assertThat(context.getBean(LucidListenerEndpointRegistry.class)
                    .getListenerContainerIds()).containsExactly("plain");

            context.getBean(LucidMQ.class).producer().send(ProducerRecord.of("plain", "hello"));

            Listener listener = context.getBean(Listener.class);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(listener.values).containsExactly("hello"));
        }
    }

    static class Listener {

        final List<String> values = new CopyOnWriteArrayList<>();

        @LucidListener(id = "plain", topics = "plain")
        void onRecord(String value) {
            values.add(value);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableLucid
    static class PlainConfig {

        @Bean(destroyMethod = "close")
        LucidMQ lucidMQ() {
            return LucidMQ.open(directory);
        }

        @Bean
        ConcurrentLucidListenerContainerFactory lucidListenerContainerFactory(LucidMQ lucidMQ) {
            return new ConcurrentLucidListenerContainerFactory(lucidMQ);
        }

        @Bean
        Listener listener() {
            return new Listener();
        }
    }
}
