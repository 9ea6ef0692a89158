package io.lucidmq.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.LucidMQ;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.core.SendResult;
import io.lucidmq.spring.metrics.LucidMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = DeadLetterTests.App.class, properties = {
    "spring.main.web-application-type=none",
    "lucidmq.listener.dead-letter.enabled=true",
    "lucidmq.listener.retry.max-attempts=3",
    "lucidmq.listener.retry.interval=20ms"
})
@DirtiesContext
class DeadLetterTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void lucidProperties(DynamicPropertyRegistry registry) {
        registry.add("lucidmq.directory", () -> directory.toString());
    }

    @Autowired
    LucidTemplate template;

    @Autowired
    Listeners listeners;

    @Autowired
    MeterRegistry meterRegistry;

    @Autowired
    LucidMQ lucidMQ;

    @Test
    void failingRecordRetriedThenDeadLettered() {
        SendResult<Order> sent = template.send("payments", "customer-1", new Order("p-1", 2))
                .join();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.paymentDeadLetters).hasSize(1));
        ConsumerRecord deadLetter = listeners.paymentDeadLetters.get(0);
        assertThat(listeners.paymentAttempts).hasValue(3);
        assertThat(deadLetter.key()).isEqualTo(sent.producerRecord().key());
        assertThat(deadLetter.value()).isEqualTo(sent.producerRecord().value());
        assertThat(header(deadLetter, LucidHeaders.DLT_EXCEPTION_FQCN))
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(header(deadLetter, LucidHeaders.DLT_EXCEPTION_MESSAGE))
                .isEqualTo("payment service down for p-1");
        assertThat(header(deadLetter, LucidHeaders.DLT_EXCEPTION_STACKTRACE))
                .contains("IllegalStateException").contains("onPayment");
        assertThat(header(deadLetter, LucidHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo("payments");
        assertThat(header(deadLetter, LucidHeaders.DLT_ORIGINAL_PARTITION)).isEqualTo("0");
        assertThat(header(deadLetter, LucidHeaders.DLT_ORIGINAL_OFFSET))
                .isEqualTo(Long.toString(sent.metadata().offset()));
        assertThat(header(deadLetter, LucidHeaders.DLT_ORIGINAL_TIMESTAMP))
                .isEqualTo(Long.toString(sent.metadata().timestamp()));
        assertThat(header(deadLetter, LucidHeaders.DLT_ORIGINAL_GROUP)).isEqualTo("payments");
        assertThat(header(deadLetter, LucidHeaders.DLT_ATTEMPTS)).isEqualTo("3");
        assertThat(header(deadLetter, LucidHeaders.TYPE_ID)).isEqualTo(Order.class.getName());
        assertThat(header(deadLetter, "contentType")).isEqualTo("application/json");
        assertThat(counter(LucidMeters.LISTENER_RETRIES, "payments")).isEqualTo(2.0);
        assertThat(counter(LucidMeters.LISTENER_DEAD_LETTERS, "payments")).isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(lucidMQ.describeGroup("payments").orElseThrow().totalLag()).isZero());
    }

    @Test
    void unconvertibleRecordSkipsRetries() {
        template.send("strict", "not json").join();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.strictDeadLetters).hasSize(1));
        ConsumerRecord deadLetter = listeners.strictDeadLetters.get(0);
        assertThat(deadLetter.valueAsString()).isEqualTo("not json");
        assertThat(header(deadLetter, LucidHeaders.DLT_EXCEPTION_FQCN))
                .isEqualTo(MessageConversionException.class.getName());
        assertThat(header(deadLetter, LucidHeaders.DLT_ATTEMPTS)).isEqualTo("1");
        assertThat(listeners.strictCalls).hasValue(0);
        assertThat(meterRegistry.find(LucidMeters.LISTENER_RETRIES)
                .tag(LucidMeters.TAG_NAME, "strict").counter()).isNull();
        assertThat(counter(LucidMeters.LISTENER_DEAD_LETTERS, "strict")).isEqualTo(1.0);
    }

    private double counter(String name, String listenerId) {
        Counter counter = meterRegistry.find(name).tag(LucidMeters.TAG_NAME, listenerId)
                .tag(LucidMeters.TAG_TOPIC, listenerId).counter();
        assertThat(counter).as(name + " of " + listenerId).isNotNull();
        return counter.count();
    }

    private static String header(ConsumerRecord record, String name) {
        assertThat(record.lastHeader(name)).as("header " + name).isNotNull();
        return record.lastHeader(name).valueAsString();
    }

    static class Listeners {

        final AtomicInteger paymentAttempts = new AtomicInteger();
        final AtomicInteger strictCalls = new AtomicInteger();
        final List<ConsumerRecord> paymentDeadLetters = new CopyOnWriteArrayList<>();
        final List<ConsumerRecord> strictDeadLetters = new CopyOnWriteArrayList<>();

        @LucidListener(id = "payments", topics = "payments")
        void onPayment(Order order) {
            paymentAttempts.incrementAndGet();
            throw new IllegalStateException("payment service down for " + order.id());
        }

        @LucidListener(id = "payments-dlt", topics = "payments-dlt")
        void onPaymentDeadLetter(ConsumerRecord record) {
            paymentDeadLetters.add(record);
        }

        @LucidListener(id = "strict", topics = "strict")
        void onStrict(Order order) {
            strictCalls.incrementAndGet();
        }

        @LucidListener(id = "strict-dlt", topics = "strict-dlt")
        void onStrictDeadLetter(ConsumerRecord record) {
            strictDeadLetters.add(record);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Listeners.class)
    static class App {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
