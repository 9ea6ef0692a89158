package io.lucidmq.spring.listener;

import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.record.ConsumerRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets one consumer thread has processed but not yet committed, per partition: each
 * the offset after the last processed record. {@link #markProcessed} may be called from any
 * thread (manual acknowledgements); {@link #commit} and {@link #commitRevoked} only from the
 * consumer's thread.
 */
final class PendingOffsets {

    private static final Logger logger = LoggerFactory.getLogger(PendingOffsets.class);

    private final String clientId;
    private final Map<TopicPartition, Long> pending = new ConcurrentHashMap<>();

    PendingOffsets(String clientId) {
        this.clientId = clientId;
    }

    /** Marks {@code record} and every earlier record of its partition as processed. */
    void markProcessed(ConsumerRecord record) {
        pending.merge(record.topicPartition(), record.offset() + 1, Math::max);
    }

    /**
     * Commits the pending offsets of the partitions in {@code assignment} without waiting for
     * the force to disk, so the consumer thread polls again at once; a failed commit is logged
     * and its records are delivered again after a restart. Offsets of partitions this consumer
     * no longer owns are dropped with a warning, because the new owner has already started
     * from the last commit.
     */
    void commitAsync(Consumer consumer, Set<TopicPartition> assignment) {
        Map<TopicPartition, Long> offsets = assignedOffsets(assignment);
        if (offsets.isEmpty()) {
            return;
        }
        offsets.forEach(pending::remove);
        consumer.commitAsync(offsets).whenComplete((ignored, failure) -> {
            if (failure != null) {
                logger.error("[{}] Commit of {} failed; those records will be delivered again "
                        + "after a restart", clientId, offsets, failure);
            } else {
                logger.debug("[{}] Committed {}", clientId, offsets);
            }
        });
    }

    /** Commits like {@link #commitAsync} but waits until the offsets are on disk. */
    void commit(Consumer consumer, Set<TopicPartition> assignment) {
        commitOffsets(consumer, assignedOffsets(assignment));
    }

    private Map<TopicPartition, Long> assignedOffsets(Set<TopicPartition> assignment) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        pending.forEach((partition, offset) -> {
            if (assignment.contains(partition)) {
                offsets.put(partition, offset);
            } else if (pending.remove(partition, offset)) {
                logger.warn("[{}] Dropping the acknowledgement of {} up to offset {}: the "
                        + "partition is no longer assigned, so its records will be delivered "
                        + "again", clientId, partition, offset);
            }
        });
        return offsets;
    }

    /** Commits the pending offsets of {@code partitions}, which are being revoked. */
    void commitRevoked(Consumer consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long offset = pending.get(partition);
            if (offset != null) {
                offsets.put(partition, offset);
            }
        }
        commitOffsets(consumer, offsets);
        partitions.forEach(pending::remove);
    }

    private void commitOffsets(Consumer consumer, Map<TopicPartition, Long> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        consumer.commitSync(offsets);
        logger.debug("[{}] Committed {}", clientId, offsets);
        offsets.forEach(pending::remove);
    }
}
