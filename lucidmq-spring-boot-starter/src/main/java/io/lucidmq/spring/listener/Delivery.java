package io.lucidmq.spring.listener;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.spring.metrics.ListenerMetrics;
import java.util.List;

/** The {@link FailedDelivery} a dispatcher hands to the error handler. */
final class Delivery implements FailedDelivery {

    /** One invocation of the listener on the delivery's records. */
    @FunctionalInterface
    interface Invocation {
        void invoke() throws Exception;
    }

    private final String listenerId;
    private final String groupId;
    private final List<ConsumerRecord> records;
    private final Exception exception;
    private final Invocation invocation;
    private final ContainerRunState runState;
    private final ListenerMetrics metrics;
    private int attempts = 1;

    Delivery(String listenerId, String groupId, List<ConsumerRecord> records, Exception exception,
            Invocation invocation, ContainerRunState runState, ListenerMetrics metrics) {
        this.listenerId = listenerId;
        this.groupId = groupId;
        this.records = List.copyOf(records);
        this.exception = exception;
        this.invocation = invocation;
        this.runState = runState;
        this.metrics = metrics;
    }

    @Override
    public String listenerId() {
        return listenerId;
    }

    @Override
    public String groupId() {
        return groupId;
    }

    @Override
    public List<ConsumerRecord> records() {
        return records;
    }

    @Override
    public Exception exception() {
        return exception;
    }

    @Override
    public int attempts() {
        return attempts;
    }

    @Override
    public void retry() throws Exception {
        attempts++;
        invocation.invoke();
    }

    @Override
    public boolean awaitBackOff(long millis) {
        return runState.sleep(millis);
    }

    @Override
    public ListenerMetrics metrics() {
        return metrics;
    }
}
