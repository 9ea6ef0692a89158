package io.lucidmq.sample.stats;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.GroupDescription;
import io.lucidmq.consumer.GroupPartitionState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Aligns a consumer group's committed offsets with the offsets a snapshot covers. */
final class CommittedOffsets {

    private static final Logger logger = LoggerFactory.getLogger(CommittedOffsets.class);

    private CommittedOffsets() {
    }

    /**
     * Moves each committed offset of {@code groupId} in {@code topic} that is above the
     * offset {@code state} covers back to that offset, so the readings between them are
     * delivered and counted. Committed offsets at or below the covered offset are kept; the
     * readings between them are delivered again and skipped. Must run while the group has no
     * active member.
     *
     * <p>NOTE: a record that was sent to the dead-letter topic after the covered offset is
     * delivered again too, so after a crash it can reach the dead-letter topic twice.
     */
    static void moveBackTo(LucidMQ lucid, String groupId, String topic, StatisticsState state) {
        Optional<GroupDescription> group = lucid.describeGroup(groupId);
        if (group.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        boolean moved = false;
        for (GroupPartitionState partition : group.get().partitions()) {
            if (!partition.topicPartition().topic().equals(topic)
                    || partition.committedOffset().isEmpty()) {
                continue;
            }
            long committed = partition.committedOffset().getAsLong();
            long covered = state.coveredOffset(partition.topicPartition().partition());
            if (committed > covered) {
                logger.warn("Group {} has committed offset {} in {}, past the snapshot's "
                        + "covered offset {}; moving it back so those readings are counted",
                        groupId, committed, partition.topicPartition(), covered);
                moved = true;
            }
            offsets.put(partition.topicPartition(), Math.min(committed, covered));
        }
        if (moved) {
            lucid.resetGroupOffsets(groupId, offsets);
        }
    }
}
