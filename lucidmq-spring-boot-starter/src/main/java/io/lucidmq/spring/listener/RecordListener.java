package io.lucidmq.spring.listener;

import io.lucidmq.record.ConsumerRecord;
import org.jspecify.annotations.Nullable;

/**
 * Receives records one at a time from a listener container, on the container's consumer
 * thread. An exception goes to the container's error handler.
 */
@FunctionalInterface
public interface RecordListener {

    /**
     * Processes one record.
     *
     * @param acknowledgment the record's acknowledgment in {@link AckMode#MANUAL}, else
     *     {@code null}
     */
    void onRecord(ConsumerRecord record, @Nullable Acknowledgment acknowledgment)
            throws Exception;
}
