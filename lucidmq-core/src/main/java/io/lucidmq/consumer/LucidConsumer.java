package io.lucidmq.consumer;

import io.lucidmq.LucidException;
import io.lucidmq.TopicPartition;
import io.lucidmq.log.PartitionLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Consumer} of a LucidMQ instance, as a group member or a plain reader; see
 * {@link Consumer} for the contract.
 *
 * <p>A poll takes the next records from the owned partitions' logs and, when there are none,
 * waits on the instance's {@link io.lucidmq.engine.ChangeSignal}, which appends, forces,
 * assignment changes, {@link #wakeup()} and (for read-only instances) records found on disk
 * publish. A group member first hands over the partitions its group gives to other members
 * and takes those it gained ({@link MemberAssignment}).
 *
 * <p>Not thread-safe: one thread at a time, except {@link #wakeup()} and
 * {@link #closeByInstance()}, which any thread may call.
 */
public final class LucidConsumer implements Consumer {

    private static final Logger logger = LoggerFactory.getLogger(LucidConsumer.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ConsumerConfig config;
    private final ConsumerContext context;
    private final String name;
    private final Map<TopicPartition, Long> positions = new LinkedHashMap<>();
    private final PartitionFetcher fetcher;
    private final MemberAssignment membership;
    private final AtomicBoolean wakeupRequested = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Supplier<PartitionFetcher.Result> fetchOperation;

    private LucidConsumer(ConsumerConfig config, ConsumerContext context) {
        this.config = config;
        this.context = context;
        String base = config.clientId() != null ? config.clientId() : "consumer";
        String id = base + "-" + IDS.incrementAndGet();
        this.name = config.groupId().map(group -> id + " of group " + group).orElse(id);
        this.fetcher = new PartitionFetcher(context.topics(), config.offsetReset(), name);
        this.fetchOperation = () -> fetcher.fetch(positions, config.maxPollRecords());
        this.membership = config.groupId()
                .map(group -> new MemberAssignment(group, id, config, context, positions))
                .orElse(null);
    }

    /**
     * Creates a consumer: a group member joins its group, a plain reader starts each
     * partition by its reset policy.
     *
     * @throws io.lucidmq.UnknownTopicException if a reader's topic does not exist
     * @throws IllegalArgumentException if a reader's partition does not exist
     */
    public static LucidConsumer create(ConsumerConfig config, ConsumerContext context) {
        LucidConsumer consumer = new LucidConsumer(Objects.requireNonNull(config, "config"),
                context);
        if (consumer.membership != null) {
            consumer.membership.join();
        } else {
            consumer.startReader();
        }
        if (consumer.membership == null) {
            logger.debug("Opened consumer {} reading {}", consumer.name, config.assignment());
        }
        return consumer;
    }

    @Override
    public String groupId() {
        return config.groupId().orElse(null);
    }

    @Override
    public Set<TopicPartition> assignment() {
        ensureOpen();
        return Set.copyOf(positions.keySet());
    }

    @Override
    public ConsumerRecords poll(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or more, but was "
                    + timeout);
        }
        ensureOpen();
        long deadline = deadline(timeout);
        while (true) {
            long seenVersion = context.signal().version();
            if (takeWakeup() || closed.get() || context.lifecycle().isClosed()) {
                return ConsumerRecords.empty();
            }
            if (membership != null) {
                membership.rebalance();
            }
            ConsumerRecords records = fetch();
            if (!records.isEmpty()) {
                return records;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return ConsumerRecords.empty();
            }
            awaitChange(seenVersion, remaining);
        }
    }

    @Override
    public void commitSync() {
        commitSync(currentPositions());
    }

    @Override
    public void commitSync(Map<TopicPartition, Long> offsets) {
        String group = requireGroup();
        Map<TopicPartition, Long> copy = validated(offsets);
        if (!copy.isEmpty()) {
            membership.recordCommit(committer().commitAsync(group, copy));
            membership.awaitLastCommit(true);
        }
    }

    @Override
    public CompletableFuture<Void> commitAsync() {
        return commitAsync(currentPositions());
    }

    @Override
    public CompletableFuture<Void> commitAsync(Map<TopicPartition, Long> offsets) {
        String group = requireGroup();
        Map<TopicPartition, Long> copy = validated(offsets);
        if (copy.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> future = committer().commitAsync(group, copy);
        future.whenComplete((ignored, error) -> {
            if (error != null) {
                logger.error("Consumer {}: asynchronous commit of {} failed", name, copy, error);
            }
        });
        membership.recordCommit(future);
        return future;
    }

    @Override
    public void seek(TopicPartition partition, long offset) {
        requireAssigned(partition);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, but was " + offset
                    + " for partition " + partition);
        }
        positions.put(partition, offset);
    }

    @Override
    public void seekToBeginning(Collection<TopicPartition> partitions) {
        partitions.forEach(this::requireAssigned);
        partitions.forEach(partition -> positions.put(partition, beginningOffset(partition)));
    }

    @Override
    public void seekToEnd(Collection<TopicPartition> partitions) {
        partitions.forEach(this::requireAssigned);
        partitions.forEach(partition -> positions.put(partition, endOffset(partition)));
    }

    @Override
    public long seekToTime(TopicPartition partition, Instant time) {
        Objects.requireNonNull(time, "time");
        requireAssigned(partition);
        long position = context.lifecycle().call(() -> {
            PartitionLog log = log(partition);
            return log.offsetForTimestamp(time.toEpochMilli()).orElse(log.endOffset());
        });
        positions.put(partition, position);
        return position;
    }

    @Override
    public long position(TopicPartition partition) {
        requireAssigned(partition);
        long position = positions.get(partition);
        if (position == PartitionFetcher.NO_POSITION) {
            throw new IllegalStateException("partition " + partition + " has no position: "
                    + "there is no committed offset and offsetReset is NONE; seek first");
        }
        return position;
    }

    @Override
    public OptionalLong committed(TopicPartition partition) {
        Objects.requireNonNull(partition, "partition");
        ensureOpen();
        return config.groupId().map(group -> context.offsets().committed(group, partition))
                .orElse(OptionalLong.empty());
    }

    @Override
    public long beginningOffset(TopicPartition partition) {
        ensureOpen();
        return context.lifecycle().call(() -> log(partition).startOffset());
    }

    @Override
    public long endOffset(TopicPartition partition) {
        ensureOpen();
        return context.lifecycle().call(() -> log(partition).endOffset());
    }

    @Override
    public long lag(TopicPartition partition) {
        requireAssigned(partition);
        return context.lifecycle().call(() -> {
            PartitionLog log = log(partition);
            long position = Math.max(positions.get(partition), log.startOffset());
            return Math.max(0, log.endOffset() - position);
        });
    }

    @Override
    public void wakeup() {
        wakeupRequested.set(true);
        context.signal().publish();
    }

    /**
     * Leaves the group after calling {@link RebalanceListener#onPartitionsRevoked} for the
     * owned partitions, on the calling thread. Idempotent.
     */
    @Override
    public void close() {
        if (closed.get()) {
            return;
        }
        if (membership != null && !context.lifecycle().isClosed()) {
            membership.revokeAllBeforeClose();
        }
        closeByInstance();
    }

    /**
     * Closes this consumer from the instance's close, on any thread: leaves the group without
     * calling the listener. Idempotent.
     */
    public void closeByInstance() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (membership != null) {
            membership.leave();
        }
        context.onClose().accept(this);
        context.signal().publish();
        logger.debug("Closed consumer {}", name);
    }

    private ConsumerRecords fetch() {
        PartitionFetcher.Result result;
        try {
            result = context.lifecycle().call(fetchOperation);
        } catch (IllegalStateException e) {
            if (context.lifecycle().isClosed()) {
                // The instance closed during this poll, which then ends empty.
                return ConsumerRecords.empty();
            }
            throw e;
        }
        for (PartitionFetcher.Reset reset : result.resets()) {
            notifyReset(reset);
        }
        return ConsumerRecords.ofFetched(result.records());
    }

    /**
     * Clears a pending {@link #wakeup()}. It reads the flag before it writes it, so a poll
     * without a pending wake-up does no atomic write.
     */
    private boolean takeWakeup() {
        return wakeupRequested.get() && wakeupRequested.getAndSet(false);
    }

    private void notifyReset(PartitionFetcher.Reset reset) {
        try {
            config.rebalanceListener().onOffsetReset(reset.partition(), reset.fromOffset(),
                    reset.toOffset());
        } catch (RuntimeException e) {
            logger.error("Consumer {}: onOffsetReset failed for partition {}", name,
                    reset.partition(), e);
            throw e;
        }
    }

    private void startReader() {
        context.lifecycle().run(() -> {
            for (TopicPartition partition : config.assignment()) {
                PartitionLog log = log(partition);
                positions.put(partition,
                        PartitionFetcher.resetPosition(log, config.offsetReset()));
            }
        });
    }

    private void awaitChange(long seenVersion, long remainingNanos) {
        try {
            context.signal().awaitChange(seenVersion, remainingNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LucidException("consumer " + name + " was interrupted in poll", e);
        }
    }

    private Map<TopicPartition, Long> currentPositions() {
        ensureOpen();
        Map<TopicPartition, Long> current = new LinkedHashMap<>();
        positions.forEach((partition, position) -> {
            // A partition of a deleted topic waits for its revocation and is not committed.
            boolean exists = context.topics().topic(partition.topic()).isPresent();
            if (position != PartitionFetcher.NO_POSITION && exists) {
                current.put(partition, position);
            }
        });
        return current;
    }

    private Map<TopicPartition, Long> validated(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> copy = new LinkedHashMap<>(
                Objects.requireNonNull(offsets, "offsets"));
        context.lifecycle().run(() -> OffsetValidation.requireCommittable(copy,
                context.topics()));
        return copy;
    }

    private String requireGroup() {
        ensureOpen();
        return config.groupId().orElseThrow(() -> new IllegalStateException("consumer " + name
                + " is a plain reader and cannot commit; use ConsumerConfig.group(id)"));
    }

    private OffsetCommitter committer() {
        if (context.committer() == null) {
            throw new IllegalStateException("consumer " + name + " cannot commit: the "
                    + "instance is read-only");
        }
        return context.committer();
    }

    private PartitionLog log(TopicPartition partition) {
        Objects.requireNonNull(partition, "partition");
        return context.topics().require(partition.topic()).log(partition.partition());
    }

    private void requireAssigned(TopicPartition partition) {
        Objects.requireNonNull(partition, "partition");
        ensureOpen();
        if (!positions.containsKey(partition)) {
            throw new IllegalStateException("partition " + partition + " is not assigned to "
                    + "consumer " + name + "; its assignment is " + positions.keySet());
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("consumer " + name + " is closed");
        }
        context.lifecycle().ensureOpen();
    }

    private static long deadline(Duration timeout) {
        long now = System.nanoTime();
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE / 2;
        }
        return now + Math.min(nanos, Long.MAX_VALUE / 2);
    }
}
