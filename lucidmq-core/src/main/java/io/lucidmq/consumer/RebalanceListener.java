package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import java.util.Collection;

/**
 * Callbacks for changes of a consumer's assignment and positions. They run on the consumer's
 * thread, inside {@link Consumer#poll} (and {@link Consumer#close()} for
 * {@link #onPartitionsRevoked}), so the listener may call the consumer, for example to commit
 * in {@link #onPartitionsRevoked}. An exception thrown by a callback is logged and rethrown
 * from the poll after the assignment change is complete.
 */
public interface RebalanceListener {

    /**
     * Called before partitions are taken from this member; a commit here is the last one the
     * member makes for them.
     */
    default void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    }

    /** Called after partitions are given to this member, before records of them are read. */
    default void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    }

    /**
     * Called when a position was outside the partition's offsets (deleted by retention, or
     * past the end) and was moved by {@link ConsumerConfig#offsetReset()}, before records from
     * the new position are returned. Also called for plain readers. Records between
     * {@code fromOffset} and {@code toOffset} were skipped when {@code toOffset} is larger.
     *
     * @param partition the partition
     * @param fromOffset the position that was out of range
     * @param toOffset the new position
     */
    default void onOffsetReset(TopicPartition partition, long fromOffset, long toOffset) {
    }
}
