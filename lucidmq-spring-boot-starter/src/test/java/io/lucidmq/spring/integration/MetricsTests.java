package io.lucidmq.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.metrics.LucidMeters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = MetricsTests.App.class, properties = {
    "spring.main.web-application-type=none",
    "lucidmq.listener.retry.interval=10ms",
    "lucidmq.metrics.refresh-interval=100ms"
})
@DirtiesContext
class MetricsTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void lucidProperties(DynamicPropertyRegistry registry) {
        registry.add("lucidmq.directory", () -> directory.toString());
    }

    @Autowired
    LucidTemplate template;

    @Autowired
    FlakyListener listener;

    @Autowired
    MeterRegistry registry;

    @Test
    void metersCarryTheirTags() {
        template.send("metered", new Order("m-1", 1)).join();
        template.send("metered", new Order("m-2", 2)).join();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listener.successes).hasValue(2));

        Timer send = registry.find(LucidMeters.TEMPLATE).tag("topic", "metered")
                .tag("result", "success").tag("exception", "none").timer();
        assertThat(send).isNotNull();
        assertThat(send.count()).isEqualTo(2);
        Timer success = registry.find(LucidMeters.LISTENER).tag("name", "metered")
                .tag("topic", "metered").tag("result", "success").tag("exception", "none")
                .timer();
        assertThat(success).isNotNull();
        assertThat(success.count()).isEqualTo(2);
        Timer failure = registry.find(LucidMeters.LISTENER).tag("name", "metered")
                .tag("result", "failure").tag("exception", "IllegalStateException").timer();
        assertThat(failure).isNotNull();
        assertThat(failure.count()).isEqualTo(1);
        assertThat(registry.get(LucidMeters.LISTENER_RETRIES).tag("name", "metered")
                .tag("topic", "metered").counter().count()).isEqualTo(1.0);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Gauge endOffset = registry.find(LucidMeters.PARTITION_END_OFFSET)
                    .tag("topic", "metered").tag("partition", "0").gauge();
            assertThat(endOffset).isNotNull();
            assertThat(endOffset.value()).isEqualTo(2.0);
            Gauge size = registry.find(LucidMeters.PARTITION_SIZE)
                    .tag("topic", "metered").tag("partition", "0").gauge();
            assertThat(size).isNotNull();
            assertThat(size.value()).isPositive();
            Gauge lag = registry.find(LucidMeters.CONSUMER_LAG).tag("group", "metered")
                    .tag("topic", "metered").tag("partition", "0").gauge();
            assertThat(lag).isNotNull();
            assertThat(lag.value()).isZero();
        });
    }

    static class FlakyListener {

        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger successes = new AtomicInteger();

        @LucidListener(id = "metered", topics = "metered")
        void onOrder(Order order) {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            successes.incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(FlakyListener.class)
    static class App {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
