package io.lucidmq.spring.listener;

import io.lucidmq.record.ConsumerRecord;

/**
 * Takes a record that failed every attempt, or failed conversion, so that the partition can
 * move on: for example logs it or publishes it to a dead-letter topic. Must be thread-safe.
 */
@FunctionalInterface
public interface ConsumerRecordRecoverer {

    /**
     * Recovers one record. Returning commits past the record.
     *
     * @param exception the exception of the last attempt
     * @throws RuntimeException when the record could not be recovered; the container then
     *     delivers it again
     */
    void recover(ConsumerRecord record, Exception exception, FailedDelivery delivery);
}
