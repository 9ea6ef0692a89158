package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import java.util.Collection;

/**
 * Callbacks for changes of a group member's assignment. Both run on the consumer's thread,
 * inside {@link Consumer#poll}, so the listener may call the consumer (for example to commit
 * in {@link #onPartitionsRevoked}).
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
}
