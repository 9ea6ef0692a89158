package io.lucidmq.spring.listener;

import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerRecords;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.spring.metrics.ListenerMetrics;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Delivers the records of one poll to the listener on a consumer thread, hands failures to
 * the error handler and marks processed records in {@link PendingOffsets}. Subclasses decide
 * between one record at a time and the whole batch. Used by one consumer thread only.
 */
abstract class Dispatcher {

    /** The parts of a consumer thread a dispatcher works with. */
    record Context(String listenerId, String groupId, ContainerProperties properties,
            LucidErrorHandler errorHandler, ListenerMetrics metrics, ContainerRunState runState,
            Consumer consumer, PendingOffsets offsets) {
    }

    protected final Context context;

    Dispatcher(Context context) {
        this.context = context;
    }

    /** Delivers {@code records}; returns early when a stop is requested. */
    abstract void dispatch(ConsumerRecords records);

    /** Returns whether listener success marks records processed, not only acknowledgements. */
    protected boolean commitsOnSuccess() {
        return context.properties().ackMode() != AckMode.MANUAL;
    }

    /** Invokes the listener once on {@code records}, timing it. */
    protected void invokeTimed(List<ConsumerRecord> records, Delivery.Invocation invocation)
            throws Exception {
        long start = System.nanoTime();
        try {
            invocation.invoke();
            context.metrics().recordInvocation(topicsOf(records), System.nanoTime() - start,
                    null);
        } catch (Exception | Error ex) {
            context.metrics().recordInvocation(topicsOf(records), System.nanoTime() - start,
                    ex);
            throw ex;
        }
    }

    /** Hands a failed invocation on {@code records} to the error handler. */
    protected ErrorOutcome handleFailure(List<ConsumerRecord> records, Exception exception,
            Delivery.Invocation invocation) {
        Delivery delivery = new Delivery(context.listenerId(), context.groupId(), records,
                exception, () -> invokeTimed(records, invocation), context.runState(),
                context.metrics());
        return context.errorHandler().handle(delivery);
    }

    /**
     * Moves the position of each partition in {@code records} back to its first record, then
     * waits one poll timeout (less when a stop is requested), so that a recoverer that keeps
     * failing does not turn redelivery into a busy loop.
     */
    protected void seekBack(List<ConsumerRecord> records) {
        records.stream()
                .collect(Collectors.toMap(ConsumerRecord::topicPartition,
                        ConsumerRecord::offset, Math::min))
                .forEach(context.consumer()::seek);
        context.runState().sleep(context.properties().pollTimeout().toMillis());
    }

    /** Returns an acknowledgment of {@code records} in manual mode, else {@code null}. */
    protected @Nullable Acknowledgment acknowledgmentOf(List<ConsumerRecord> records) {
        if (context.properties().ackMode() != AckMode.MANUAL) {
            return null;
        }
        List<ConsumerRecord> acknowledged = List.copyOf(records);
        return () -> acknowledged.forEach(context.offsets()::markProcessed);
    }

    /** Returns the records of {@code records} from {@code partition} on, in poll order. */
    protected static List<ConsumerRecord> remainingFrom(ConsumerRecords records,
            TopicPartition partition, long offset) {
        return records.partitions().stream()
                .flatMap(tp -> records.records(tp).stream())
                .dropWhile(record -> !(record.topicPartition().equals(partition)
                        && record.offset() == offset))
                .toList();
    }

    private static String topicsOf(List<ConsumerRecord> records) {
        return records.stream().map(ConsumerRecord::topic).distinct().sorted()
                .collect(Collectors.joining(","));
    }
}
