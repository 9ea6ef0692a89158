package io.lucidmq.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.listener.Acknowledgment;
import io.lucidmq.spring.listener.LucidListenerEndpointRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = BatchAndManualAckTests.App.class, properties = {
    "spring.main.web-application-type=none",
    "lucidmq.listener.dead-letter.enabled=true",
    "lucidmq.listener.retry.interval=10ms"
})
@DirtiesContext
class BatchAndManualAckTests {

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
    LucidListenerEndpointRegistry registry;

    @Autowired
    LucidMQ lucidMQ;

    @Test
    void batchListenerReceivesTypedList() {
        for (int i = 0; i < 10; i++) {
            template.send("batch-orders", new Order("b-" + i, i)).join();
        }
        registry.start("batch-orders");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.batches).hasSize(1));
        assertThat(listeners.batches.get(0)).hasSize(10);
        assertThat(listeners.batches.get(0).get(3)).isEqualTo(new Order("b-3", 3));
        assertThat(listeners.batchOffsets.get(0))
                .containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList());
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(committed("batch-orders", "batch-orders"))
                        .hasValue(10));
    }

    @Test
    void batchListenerReceivesRawRecords() {
        template.send("batch-raw", "k", "first").join();
        template.send("batch-raw", "k", "second").join();
        registry.start("batch-raw");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.rawBatches).hasSize(1));
        assertThat(listeners.rawBatches.get(0)).extracting(ConsumerRecord::valueAsString)
                .containsExactly("first", "second");
        assertThat(listeners.rawBatches.get(0)).extracting(ConsumerRecord::keyAsString)
                .containsOnly("k");
    }

    @Test
    void unconvertibleRecordLeavesBatch() {
        template.send("batch-mixed", new Order("m-0", 0)).join();
        template.send("batch-mixed", "garbage").join();
        template.send("batch-mixed", new Order("m-2", 2)).join();
        registry.start("batch-mixed");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.mixedDeadLetters).hasSize(1));
        assertThat(listeners.mixedDeadLetters.get(0)).isEqualTo("garbage");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(listeners.mixedBatches).hasSize(1));
        assertThat(listeners.mixedBatches.get(0)).extracting(Message::getPayload)
                .containsExactly(new Order("m-0", 0), new Order("m-2", 2));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(committed("batch-mixed", "batch-mixed"))
                        .hasValue(3));
    }

    @Test
    void manualAckCommitsAcknowledgedOnly() {
        template.send("manual", "a").join();
        template.send("manual", "b").join();
        template.send("manual", "hold-c").join();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.manual).hasSize(3));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(committed("manual", "manual")).hasValue(2));

        registry.stop("manual");
        assertThat(committed("manual", "manual")).hasValue(2);
        registry.start("manual");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listeners.manual)
                        .containsExactly("a", "b", "hold-c", "hold-c"));
    }

    private OptionalLong committed(String group, String topic) {
        return lucidMQ.describeGroup(group).orElseThrow().partitions().stream()
                .filter(state -> state.topicPartition().equals(new TopicPartition(topic, 0)))
                .map(GroupPartitionState::committedOffset)
                .findFirst().orElse(OptionalLong.empty());
    }

    static class Listeners {

        final List<List<Order>> batches = new CopyOnWriteArrayList<>();
        final List<List<Long>> batchOffsets = new CopyOnWriteArrayList<>();
        final List<List<Message<Order>>> mixedBatches = new CopyOnWriteArrayList<>();
        final List<String> mixedDeadLetters = new CopyOnWriteArrayList<>();
        final List<String> manual = new CopyOnWriteArrayList<>();
        final List<List<ConsumerRecord>> rawBatches = new CopyOnWriteArrayList<>();

        @LucidListener(id = "batch-raw", topics = "batch-raw", batch = "true",
                autoStartup = "false")
        void onRawBatch(List<ConsumerRecord> records) {
            rawBatches.add(List.copyOf(records));
        }

        @LucidListener(id = "batch-orders", topics = "batch-orders", batch = "true",
                autoStartup = "false")
        void onBatch(List<Order> orders, @Header(LucidHeaders.OFFSET) List<Long> offsets) {
            batches.add(List.copyOf(orders));
            batchOffsets.add(List.copyOf(offsets));
        }

        @LucidListener(id = "batch-mixed", topics = "batch-mixed", batch = "true",
                autoStartup = "false")
        void onMixed(List<Message<Order>> orders) {
            mixedBatches.add(List.copyOf(orders));
        }

        @LucidListener(id = "batch-mixed-dlt", topics = "batch-mixed-dlt")
        void onMixedDeadLetter(String value) {
            mixedDeadLetters.add(value);
        }

        @LucidListener(id = "manual", topics = "manual", ackMode = "MANUAL")
        void onManual(String value, Acknowledgment acknowledgment) {
            manual.add(value);
            if (!value.startsWith("hold")) {
                acknowledgment.acknowledge();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Listeners.class)
    static class App {
    }
}
