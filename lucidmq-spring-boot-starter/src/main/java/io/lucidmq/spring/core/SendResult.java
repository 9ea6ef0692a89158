package io.lucidmq.spring.core;

import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;

/**
 * The outcome of an acknowledged send: where the record was written, the record sent and the
 * message it came from. Immutable.
 *
 * @param <T> the payload type
 * @param metadata the topic, partition, offset and timestamp of the written record
 * @param producerRecord the record that was sent
 * @param message the message that was sent, or {@code null} when a {@link ProducerRecord} or
 *     a {@code null} payload was sent directly
 */
public record SendResult<T>(RecordMetadata metadata, ProducerRecord producerRecord,
        @Nullable Message<T> message) {
}
