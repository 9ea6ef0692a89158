package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Reads records from partitions, as a member of a consumer group or as a plain reader.
 *
 * <p><b>Positions and commits.</b> The position of a partition is the offset of the next record
 * {@link #poll} returns from it. A group member starts each partition at the group's committed
 * offset, or by {@link ConsumerConfig#offsetReset()} without one. Committing stores the
 * position (the offset after the last record processed) durably: a committed offset survives
 * restarts and crashes. Delivery is at-least-once: records after the last commit are read again
 * by whichever member owns the partition next.
 *
 * <p><b>Groups.</b> The members of one group in one instance split the partitions of their
 * topics between them by range: for each topic, the members subscribed to it, in join order,
 * get consecutive ranges of its partitions, the first members one more when the count does not
 * divide evenly. The split is recomputed when a member joins or closes and when a subscribed
 * topic is created or deleted. A partition is
 * never owned by two members at once: a member gives up a partition inside its next poll (after
 * {@link RebalanceListener#onPartitionsRevoked}), and only then does the new owner start it, at
 * the committed offset.
 *
 * <p><b>Waiting.</b> {@link #poll} returns as soon as any assigned partition has records. An
 * append in the same instance wakes it at once; records written by another process are seen
 * within {@link io.lucidmq.LucidConfig#externalPollInterval()}.
 *
 * <p><b>Thread-safety.</b> Not thread-safe: one thread at a time, except {@link #wakeup()},
 * which any thread may call.
 */
public interface Consumer extends AutoCloseable {

    /** The group id, or {@code null} for a plain reader. */
    String groupId();

    /** The partitions this consumer owns now. */
    Set<TopicPartition> assignment();

    /**
     * Returns the next records of the assigned partitions, waiting up to {@code timeout} for
     * at least one. Returns at most {@link ConsumerConfig#maxPollRecords()} records, and an
     * empty result on timeout, on {@link #wakeup()} or when the instance closes meanwhile.
     * Positions advance past the returned records. A position outside its partition is first
     * moved by the reset policy, with
     * {@link RebalanceListener#onOffsetReset(TopicPartition, long, long)}.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws io.lucidmq.LucidException if the thread is interrupted while waiting; the
     *     interrupt flag stays set
     * @throws io.lucidmq.OffsetOutOfRangeException if a position is out of range under
     *     {@link OffsetResetPolicy#NONE}
     * @throws io.lucidmq.CorruptRecordException if stored bytes fail their checksum at a
     *     partition's position; that position stays at the corrupt batch. Records before the
     *     damage, and records of other partitions, are returned by earlier polls first.
     */
    ConsumerRecords poll(Duration timeout);

    /** Commits the current position of every assigned partition and waits for it. */
    void commitSync();

    /**
     * Commits the given offsets (each the next offset to read) and waits for it.
     *
     * @throws IllegalArgumentException if an offset is negative or beyond the end offset
     * @throws IllegalStateException for a plain reader
     */
    void commitSync(Map<TopicPartition, Long> offsets);

    /** Commits the current positions without waiting; the future completes when stored. */
    CompletableFuture<Void> commitAsync();

    /** Commits the given offsets without waiting; the future completes when stored. */
    CompletableFuture<Void> commitAsync(Map<TopicPartition, Long> offsets);

    /**
     * Sets the position of an assigned partition. An offset outside the partition is handled
     * by the reset policy at the next poll.
     *
     * @throws IllegalArgumentException if {@code offset} is negative
     * @throws IllegalStateException if the partition is not assigned
     */
    void seek(TopicPartition partition, long offset);

    /** Moves the positions of the given assigned partitions to their start offsets. */
    void seekToBeginning(Collection<TopicPartition> partitions);

    /** Moves the positions of the given assigned partitions to their end offsets. */
    void seekToEnd(Collection<TopicPartition> partitions);

    /**
     * Moves the position of an assigned partition to the first record whose timestamp is at or
     * after {@code time}, or to the end offset when there is none.
     *
     * @return the new position
     */
    long seekToTime(TopicPartition partition, Instant time);

    /** The position of an assigned partition. */
    long position(TopicPartition partition);

    /** The group's committed offset for a partition, or empty. Empty for a plain reader. */
    OptionalLong committed(TopicPartition partition);

    /** The start offset of any partition. */
    long beginningOffset(TopicPartition partition);

    /** The end offset of any partition. */
    long endOffset(TopicPartition partition);

    /** The records between the position and the end offset of an assigned partition. */
    long lag(TopicPartition partition);

    /** Makes a blocked or the next {@link #poll} return at once. Thread-safe. */
    void wakeup();

    /**
     * Leaves the group, handing this member's partitions to the others at the committed
     * offsets, after calling {@link RebalanceListener#onPartitionsRevoked} for them. Does not
     * commit itself. Idempotent.
     */
    @Override
    void close();
}
