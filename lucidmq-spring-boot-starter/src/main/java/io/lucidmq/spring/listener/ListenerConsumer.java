package io.lucidmq.spring.listener;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.ConsumerRecords;
import io.lucidmq.consumer.RebalanceListener;
import io.lucidmq.spring.metrics.ListenerMetrics;
import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread of a container: creates a group member, polls, dispatches and
 * commits until a stop is requested, then commits what was processed, leaves the group and
 * reports its exit. Commits after a poll are asynchronous, so the next poll does not wait for
 * the offsets file to be forced; commits on revocation and on stop wait. Any unexpected exception ends the thread; it is logged with the client id
 * and recorded as the container's failure.
 */
final class ListenerConsumer implements Runnable {

    private static final Logger logger = LoggerFactory.getLogger(ListenerConsumer.class);

    /** The settings and collaborators the container hands each consumer thread. */
    record Setup(LucidMQ lucidMQ, String listenerId, ContainerProperties properties,
            Object listener, LucidErrorHandler errorHandler, ListenerMetrics metrics) {
    }

    private final Setup setup;
    private final String clientId;
    private final ContainerRunState runState;
    private final PendingOffsets offsets;
    private volatile @Nullable Consumer consumer;
    private volatile Set<TopicPartition> assignment = Set.of();

    ListenerConsumer(Setup setup, String clientId, ContainerRunState runState) {
        this.setup = setup;
        this.clientId = clientId;
        this.runState = runState;
        this.offsets = new PendingOffsets(clientId);
    }

    String clientId() {
        return clientId;
    }

    /** Returns the partitions this thread owned after its last poll. */
    Set<TopicPartition> assignment() {
        return assignment;
    }

    /** Makes a blocked poll return; called by the stopping thread. */
    void wakeup() {
        Consumer current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        Consumer current = null;
        try {
            current = setup.lucidMQ().consumer(consumerConfig());
            consumer = current;
            logger.info("[{}] Consumer started in group {} on topics {}", clientId,
                    setup.properties().groupId(), setup.properties().topics());
            pollUntilStopped(current, dispatcherFor(current));
        } catch (Throwable failure) {
            logger.error("[{}] Consumer thread failed and stopped; the container reports "
                    + "FAILED until it is restarted", clientId, failure);
            runState.threadFailed(failure);
        } finally {
            close(current);
            runState.threadExited();
        }
    }

    private void pollUntilStopped(Consumer current, Dispatcher dispatcher) {
        while (!runState.isStopRequested()) {
            offsets.commitAsync(current, current.assignment());
            // NOTE: a paused thread does not poll, so a rebalance of its group (another
            // member joining or leaving) waits until the container resumes.
            if (!runState.awaitWhilePaused()) {
                break;
            }
            ConsumerRecords records = current.poll(setup.properties().pollTimeout());
            assignment = Set.copyOf(current.assignment());
            if (!records.isEmpty()) {
                dispatcher.dispatch(records);
                offsets.commitAsync(current, current.assignment());
            }
        }
    }

    private Dispatcher dispatcherFor(Consumer current) {
        Dispatcher.Context context = new Dispatcher.Context(setup.listenerId(),
                setup.properties().groupId(), setup.properties(), setup.errorHandler(),
                setup.metrics(), runState, current, offsets);
        if (setup.listener() instanceof BatchListener batch) {
            return new BatchDispatcher(context, batch);
        }
        return new RecordDispatcher(context, (RecordListener) setup.listener());
    }

    private ConsumerConfig consumerConfig() {
        ContainerProperties properties = setup.properties();
        return ConsumerConfig.group(properties.groupId())
                .topics(properties.topics())
                .maxPollRecords(properties.maxPollRecords())
                .offsetReset(properties.offsetReset())
                .rebalanceListener(new CommittingRebalanceListener())
                .clientId(clientId)
                .build();
    }

    private void close(@Nullable Consumer current) {
        if (current == null) {
            return;
        }
        try {
            offsets.commit(current, current.assignment());
        } catch (RuntimeException ex) {
            logger.error("[{}] Final commit failed; records after the last commit will be "
                    + "delivered again", clientId, ex);
        }
        try {
            current.close();
            logger.info("[{}] Consumer stopped", clientId);
        } catch (RuntimeException ex) {
            logger.error("[{}] Closing the consumer failed", clientId, ex);
        }
        consumer = null;
        assignment = Set.of();
    }

    /** Commits the processed offsets of partitions before they go to another member. */
    private final class CommittingRebalanceListener implements RebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Consumer current = consumer;
            if (current != null) {
                offsets.commitRevoked(current, partitions);
            }
            logger.info("[{}] Partitions revoked: {}", clientId, partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            logger.info("[{}] Partitions assigned: {}", clientId, partitions);
        }
    }
}
