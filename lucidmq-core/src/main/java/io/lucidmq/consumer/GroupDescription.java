package io.lucidmq.consumer;

import java.util.List;

/**
 * A consumer group at the moment it was described.
 *
 * @param groupId the group id
 * @param activeMembers the number of members currently open in this instance
 * @param partitions one entry per partition of every topic the group has committed offsets
 *     for or is subscribed to, sorted by topic and partition
 */
public record GroupDescription(String groupId, int activeMembers,
        List<GroupPartitionState> partitions) {

    public GroupDescription {
        partitions = List.copyOf(partitions);
    }

    /** The sum of the lag of every partition. */
    public long totalLag() {
        return partitions.stream().mapToLong(GroupPartitionState::lag).sum();
    }
}
