package io.lucidmq.spring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.Header;
import io.lucidmq.record.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class RecordMessageConverterTests {

    private final RecordMessageConverter converter = new RecordMessageConverter();

    record Point(int x, int y) {
    }

    @Test
    void objectPayloadBecomesTypedJson() {
        ProducerRecord record = converter.toProducerRecord(MessageBuilder
                .withPayload(new Point(1, 2))
                .setHeader(LucidHeaders.TOPIC, "points")
                .setHeader(LucidHeaders.KEY, 42)
                .setHeader(LucidHeaders.PARTITION, "3")
                .setHeader(LucidHeaders.TIMESTAMP, 1_700_000_000_000L)
                .build(), null);

        assertThat(record.topic()).isEqualTo("points");
        assertThat(record.key()).isEqualTo("42".getBytes(StandardCharsets.UTF_8));
        assertThat(record.partition()).isEqualTo(3);
        assertThat(record.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"x\":1,\"y\":2}");
        assertThat(headerNames(record)).containsExactlyInAnyOrder(LucidHeaders.TYPE_ID,
                "contentType");
        assertThat(header(record, LucidHeaders.TYPE_ID)).isEqualTo(Point.class.getName());
        assertThat(header(record, "contentType")).isEqualTo("application/json");
    }

    @Test
    void bytesAndStringsPassUnchanged() {
        byte[] raw = {0, 1, 2, (byte) 0xff};
        ProducerRecord bytes = converter.toProducerRecord(
                MessageBuilder.withPayload(raw).build(), "fallback");
        ProducerRecord text = converter.toProducerRecord(
                MessageBuilder.withPayload("héllo").build(), "fallback");

        assertThat(bytes.topic()).isEqualTo("fallback");
        assertThat(bytes.value()).isEqualTo(raw);
        assertThat(bytes.headers()).isEmpty();
        assertThat(text.value()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(text.headers()).isEmpty();
    }

    @Test
    void userHeadersCopiedReservedDropped() {
        ProducerRecord record = converter.toProducerRecord(MessageBuilder.withPayload("v")
                .setHeader(LucidHeaders.TOPIC, "t")
                .setHeader("trace", "abc")
                .setHeader("binary", new byte[] {7, 8})
                .setHeader("count", 12)
                .setHeader(LucidHeaders.OFFSET, 99L)
                .build(), null);

        assertThat(headerNames(record)).containsExactlyInAnyOrder("trace", "binary", "count");
        assertThat(header(record, "trace")).isEqualTo("abc");
        assertThat(record.headers().stream().filter(h -> h.name().equals("binary"))
                .findFirst().orElseThrow().value()).isEqualTo(new byte[] {7, 8});
        assertThat(header(record, "count")).isEqualTo("12");
    }

    @Test
    void missingTopicIsRejected() {
        Message<String> message = MessageBuilder.withPayload("v").build();

        assertThatThrownBy(() -> converter.toProducerRecord(message, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(LucidHeaders.TOPIC)
                .hasMessageContaining("lucidmq.template.default-topic");
    }

    @Test
    void invalidPartitionHeaderIsRejected() {
        Message<String> message = MessageBuilder.withPayload("v")
                .setHeader(LucidHeaders.TOPIC, "t").setHeader(LucidHeaders.PARTITION, "two")
                .build();

        assertThatThrownBy(() -> converter.toProducerRecord(message, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'two'");
    }

    @Test
    void receivedRecordBecomesMessageWithTypedHeaders() {
        ConsumerRecord record = new ConsumerRecord("orders", 2, 41, 1_000, "k".getBytes(),
                "{}".getBytes(), List.of(Header.of("contentType", "application/json"),
                        Header.of("trace", "abc"), Header.of("id", "ignored")));

        Message<byte[]> message = converter.toMessage(record,
                Map.of(LucidHeaders.GROUP_ID, "g"));

        assertThat(message.getPayload()).isEqualTo("{}".getBytes());
        assertThat(message.getHeaders()).containsEntry(LucidHeaders.RECEIVED_TOPIC, "orders")
                .containsEntry(LucidHeaders.RECEIVED_PARTITION, 2)
                .containsEntry(LucidHeaders.OFFSET, 41L)
                .containsEntry(LucidHeaders.RECEIVED_TIMESTAMP, 1_000L)
                .containsEntry(LucidHeaders.GROUP_ID, "g")
                .containsEntry("contentType", "application/json")
                .containsEntry(LucidHeaders.RAW_RECORD, record);
        assertThat((byte[]) message.getHeaders().get("trace")).isEqualTo("abc".getBytes());
        assertThat((byte[]) message.getHeaders().get(LucidHeaders.RECEIVED_KEY))
                .isEqualTo("k".getBytes());
        assertThat(message.getHeaders().getId()).isNotNull();
    }

    @Test
    void nullValueBecomesEmptyPayload() {
        ConsumerRecord tombstone = new ConsumerRecord("t", 0, 0, 0, null, null, List.of());

        Message<byte[]> message = converter.toMessage(tombstone, Map.of());

        assertThat(message.getPayload()).isEmpty();
        assertThat(message.getHeaders()).doesNotContainKey(LucidHeaders.RECEIVED_KEY);
    }

    private static List<String> headerNames(ProducerRecord record) {
        return record.headers().stream().map(Header::name).toList();
    }

    private static String header(ProducerRecord record, String name) {
        return record.headers().stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow().valueAsString();
    }
}
