package io.lucidmq.spring.listener;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.spring.metrics.ListenerMetrics;
import java.util.List;

/**
 * A delivery of one record, or of one batch, whose listener threw: what an error handler
 * works with. Used only on the consumer thread that made the delivery.
 */
public interface FailedDelivery {

    /** The id of the listener container. */
    String listenerId();

    /** The consumer group of the container. */
    String groupId();

    /** The records of the delivery: one for a record listener, the batch for a batch one. */
    List<ConsumerRecord> records();

    /** The exception of the first attempt. */
    Exception exception();

    /** The number of attempts so far, including the first; grows with each {@link #retry()}. */
    int attempts();

    /**
     * Invokes the listener again on {@link #records()}.
     *
     * @throws Exception the listener's exception when this attempt fails too
     */
    void retry() throws Exception;

    /**
     * Waits {@code millis} before a retry, waking early when the container stops.
     *
     * @return {@code true} after the full wait, {@code false} when the container is stopping
     *     and the records must be redelivered later
     */
    boolean awaitBackOff(long millis);

    /** The metrics of the container, for counting retries and recovered records. */
    ListenerMetrics metrics();
}
