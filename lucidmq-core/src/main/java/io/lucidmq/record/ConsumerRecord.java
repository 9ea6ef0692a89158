package io.lucidmq.record;

import io.lucidmq.TopicPartition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A record read from a partition. Immutable; the arrays are owned by the record and must not
 * be changed.
 */
public final class ConsumerRecord {

    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestamp;
    private final byte[] key;
    private final byte[] value;
    private final List<Header> headers;

    /**
     * Creates a record; used by the engine and by tests. {@code headers} is copied with
     * {@link List#copyOf}, which in OpenJDK 17 returns a list made by {@link List#of} as it is,
     * so the engine's decoder passes such lists to avoid a copy per record.
     */
    public ConsumerRecord(String topic, int partition, long offset, long timestamp, byte[] key,
            byte[] value, List<Header> headers) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.headers = List.copyOf(headers);
    }

    /** The topic. */
    public String topic() {
        return topic;
    }

    /** The partition. */
    public int partition() {
        return partition;
    }

    /** The topic and partition. */
    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    /** The offset in the partition. */
    public long offset() {
        return offset;
    }

    /** The timestamp in milliseconds since the epoch. */
    public long timestamp() {
        return timestamp;
    }

    /** The key, or {@code null}. */
    public byte[] key() {
        return key;
    }

    /** The key decoded as UTF-8, or {@code null}. */
    public String keyAsString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** The value, or {@code null}. */
    public byte[] value() {
        return value;
    }

    /** The value decoded as UTF-8, or {@code null}. */
    public String valueAsString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The headers, in the order they were sent. */
    public List<Header> headers() {
        return headers;
    }

    /** Returns the last header named {@code name}, or {@code null}. */
    public Header lastHeader(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).name().equals(name)) {
                return headers.get(i);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ConsumerRecord{" + topic + "-" + partition + "@" + offset
                + ", timestamp=" + timestamp
                + ", key=" + (key == null ? "null" : key.length + " bytes")
                + ", value=" + (value == null ? "null" : value.length + " bytes")
                + ", headers=" + headers + "}";
    }
}
