package io.lucidmq.spring.listener;

/**
 * Acknowledges a record, or every record of a batch, in {@link AckMode#MANUAL}.
 *
 * <p>Acknowledging a record acknowledges every earlier record of its partition, because a
 * commit stores one offset per partition. The container commits acknowledged offsets on its
 * consumer thread: at the end of the current poll's records, or within one poll timeout when
 * {@link #acknowledge()} is called later from another thread, and when it stops. An
 * acknowledgement that arrives after the partition was handed to another consumer is dropped
 * with a warning, and the new owner redelivers the record. Thread-safe.
 */
@FunctionalInterface
public interface Acknowledgment {

    /** Marks the record, or the batch, as processed. */
    void acknowledge();
}
