package io.lucidmq.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.LucidMQ;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.spring.annotation.LucidListener;
import io.lucidmq.spring.core.LucidHeaders;
import io.lucidmq.spring.core.LucidTemplate;
import io.lucidmq.spring.core.SendResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = ListenerEndToEndTests.App.class, properties = {
    "spring.main.web-application-type=none",
    "lucidmq.topics.orders.partitions=2",
    "test.topics=orders"
})
@DirtiesContext
class ListenerEndToEndTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void lucidProperties(DynamicPropertyRegistry registry) {
        registry.add("lucidmq.directory", () -> directory.toString());
    }

    @Autowired
    LucidTemplate template;

    @Autowired
    OrderListener listener;

    @Autowired
    LucidMQ lucidMQ;

    @Test
    void jsonOrdersArriveTypedAndCommitted() {
        SendResult<Order> first = template.send(MessageBuilder.withPayload(new Order("o-1", 3))
                .setHeader(LucidHeaders.TOPIC, "orders")
                .setHeader(LucidHeaders.KEY, "customer-7")
                .setHeader(LucidHeaders.PARTITION, 1)
                .setHeader("source", "web")
                .build()).join();
        SendResult<Order> second = template.send("orders", "customer-8", new Order("o-2", 5))
                .join();

        assertThat(first.metadata().topic()).isEqualTo("orders");
        assertThat(first.metadata().partition()).isEqualTo(1);
        assertThat(first.metadata().offset()).isZero();
        assertThat(first.message()).isNotNull();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listener.received).hasSize(2));

        Received received = listener.received.stream()
                .filter(item -> item.order().id().equals("o-1")).findFirst().orElseThrow();
        assertThat(received.order()).isEqualTo(new Order("o-1", 3));
        assertThat(received.key()).isEqualTo("customer-7");
        assertThat(received.partition()).isEqualTo(1);
        assertThat(received.offset()).isZero();
        assertThat(received.source()).isEqualTo("web");
        assertThat(received.typeId()).isEqualTo(Order.class.getName());
        assertThat(received.headers()).containsEntry(LucidHeaders.RECEIVED_TOPIC, "orders")
                .containsEntry(LucidHeaders.GROUP_ID, "orders-listener")
                .containsEntry("contentType", "application/json");
        assertThat(listener.records).extracting(ConsumerRecord::offset)
                .contains(first.metadata().offset(), second.metadata().offset());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(committed())
                .containsEntry(first.metadata().partition(), first.metadata().offset() + 1)
                .containsEntry(second.metadata().partition(), second.metadata().offset() + 1));
    }

    @Test
    void messageParameterAndByteArraysPassThrough() {
        template.send("raw", "k", "plain text".getBytes()).join();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listener.raw).hasSize(1));
        Message<String> message = listener.raw.get(0);
        assertThat(message.getPayload()).isEqualTo("plain text");
        assertThat((byte[]) message.getHeaders().get(LucidHeaders.RECEIVED_KEY))
                .isEqualTo("k".getBytes());
    }

    private Map<Integer, Long> committed() {
        return lucidMQ.describeGroup("orders-listener").orElseThrow().partitions().stream()
                .filter(state -> state.committedOffset().isPresent())
                .collect(java.util.stream.Collectors.toMap(
                        state -> state.topicPartition().partition(),
                        state -> state.committedOffset().getAsLong()));
    }

    record Received(Order order, String key, int partition, long offset, String source,
            String typeId, Map<String, Object> headers) {
    }

    static class OrderListener {

        final List<Received> received = new CopyOnWriteArrayList<>();
        final List<ConsumerRecord> records = new CopyOnWriteArrayList<>();
        final List<Message<String>> raw = new CopyOnWriteArrayList<>();

        @LucidListener(id = "orders-listener", topics = "${test.topics}")
        void onOrder(Order order, @Header(LucidHeaders.RECEIVED_KEY) String key,
                @Header(LucidHeaders.RECEIVED_PARTITION) int partition,
                @Header(LucidHeaders.OFFSET) long offset,
                @Header(name = "source", required = false) String source,
                @Header(LucidHeaders.TYPE_ID) String typeId,
                @Headers Map<String, Object> headers, ConsumerRecord record) {
            received.add(new Received(order, key, partition, offset, source, typeId, headers));
            records.add(record);
        }

        @LucidListener(id = "raw-listener", topics = "#{'raw'}")
        void onRaw(Message<String> message) {
            raw.add(message);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(OrderListener.class)
    static class App {
    }
}
