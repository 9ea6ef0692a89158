package io.lucidmq.record;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A record to send: topic, optional partition, optional key, value, headers and optional
 * timestamp. Immutable; the byte arrays are not copied, so callers must not change them after
 * sending.
 *
 * <p>Without a partition, a record with a key goes to the partition chosen by a stable hash of
 * the key (the same key always maps to the same partition of a topic, across restarts), and a
 * record without a key goes to partitions in turn. Without a timestamp, the producer stamps the
 * record with the instance clock's time.
 */
public final class ProducerRecord {

    private final String topic;
    private final Integer partition;
    private final byte[] key;
    private final byte[] value;
    private final List<Header> headers;
    private final Long timestamp;

    private ProducerRecord(Builder builder) {
        this.topic = builder.topic;
        this.partition = builder.partition;
        this.key = builder.key;
        this.value = builder.value;
        this.headers = List.copyOf(builder.headers);
        this.timestamp = builder.timestamp;
    }

    /** Creates a record with only a value. */
    public static ProducerRecord of(String topic, byte[] value) {
        return builder(topic).value(value).build();
    }

    /** Creates a record with a key and a value. */
    public static ProducerRecord of(String topic, byte[] key, byte[] value) {
        return builder(topic).key(key).value(value).build();
    }

    /** Creates a record whose value is {@code value} in UTF-8; {@code null} for no value. */
    public static ProducerRecord of(String topic, String value) {
        return builder(topic).value(value).build();
    }

    /** Starts a record for {@code topic}. */
    public static Builder builder(String topic) {
        return new Builder(topic);
    }

    /** The topic. */
    public String topic() {
        return topic;
    }

    /** The requested partition, or {@code null} to let the producer choose. */
    public Integer partition() {
        return partition;
    }

    /** The key, or {@code null}. */
    public byte[] key() {
        return key;
    }

    /** The value, or {@code null}; an empty array is a value distinct from {@code null}. */
    public byte[] value() {
        return value;
    }

    /** The headers, in order; repeated names are allowed. */
    public List<Header> headers() {
        return headers;
    }

    /** The timestamp in milliseconds since the epoch, or {@code null} for the current time. */
    public Long timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "ProducerRecord{topic=" + topic + ", partition=" + partition
                + ", key=" + (key == null ? "null" : key.length + " bytes")
                + ", value=" + (value == null ? "null" : value.length + " bytes")
                + ", headers=" + headers + ", timestamp=" + timestamp + "}";
    }

    /** A mutable builder of {@link ProducerRecord}; not thread-safe. */
    public static final class Builder {

        private final String topic;
        private Integer partition;
        private byte[] key;
        private byte[] value;
        private final List<Header> headers = new ArrayList<>();
        private Long timestamp;

        private Builder(String topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
        }

        /** Sets the partition; {@code null} lets the producer choose. */
        public Builder partition(Integer partition) {
            if (partition != null && partition < 0) {
                throw new IllegalArgumentException(
                        "partition must be 0 or more, but was " + partition);
            }
            this.partition = partition;
            return this;
        }

        /** Sets the key; may be {@code null}. */
        public Builder key(byte[] key) {
            this.key = key;
            return this;
        }

        /** Sets the key to {@code key} in UTF-8; may be {@code null}. */
        public Builder key(String key) {
            this.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** Sets the value; may be {@code null}. */
        public Builder value(byte[] value) {
            this.value = value;
            return this;
        }

        /** Sets the value to {@code value} in UTF-8; may be {@code null}. */
        public Builder value(String value) {
            this.value = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** Adds a header after those already added. */
        public Builder header(String name, byte[] value) {
            headers.add(Header.of(name, value));
            return this;
        }

        /** Adds a header whose value is {@code value} in UTF-8. */
        public Builder header(String name, String value) {
            headers.add(Header.of(name, value));
            return this;
        }

        /** Adds headers after those already added. */
        public Builder headers(Iterable<Header> headers) {
            headers.forEach(header -> this.headers.add(Objects.requireNonNull(header, "header")));
            return this;
        }

        /** Sets the timestamp in milliseconds since the epoch; {@code null} for now. */
        public Builder timestamp(Long timestamp) {
            if (timestamp != null && timestamp < 0) {
                throw new IllegalArgumentException(
                        "timestamp must be 0 or more, but was " + timestamp);
            }
            this.timestamp = timestamp;
            return this;
        }

        /** Builds the record. */
        public ProducerRecord build() {
            return new ProducerRecord(this);
        }
    }
}
