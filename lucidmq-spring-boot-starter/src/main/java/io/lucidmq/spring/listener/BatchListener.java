package io.lucidmq.spring.listener;

import io.lucidmq.record.ConsumerRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Receives the records of one poll together from a listener container, on the container's
 * consumer thread. An exception goes to the container's error handler, which retries the
 * whole batch. A {@link BatchConversionException} sends the records it names to the error
 * handler without retries, and the container invokes the listener again with the others.
 */
@FunctionalInterface
public interface BatchListener {

    /**
     * Processes the records of one poll, each partition's records in offset order.
     *
     * @param acknowledgment the batch's acknowledgment in {@link AckMode#MANUAL}, else
     *     {@code null}
     */
    void onBatch(List<ConsumerRecord> records, @Nullable Acknowledgment acknowledgment)
            throws Exception;
}
