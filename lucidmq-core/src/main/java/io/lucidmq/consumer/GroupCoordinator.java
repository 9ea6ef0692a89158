package io.lucidmq.consumer;

import io.lucidmq.engine.ChangeSignal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The consumer groups with members in this instance. Groups of other processes are not
 * coordinated: two processes cannot share a group's partitions, because only one of them can
 * write the directory. Thread-safe.
 */
public final class GroupCoordinator {

    private final Map<String, ConsumerGroup> groups = new ConcurrentHashMap<>();
    private final ToIntFunction<String> partitionCount;
    private final ChangeSignal signal;

    /**
     * Creates a coordinator.
     *
     * @param partitionCount the partition count of a topic, 0 when it does not exist
     */
    public GroupCoordinator(ToIntFunction<String> partitionCount, ChangeSignal signal) {
        this.partitionCount = partitionCount;
        this.signal = signal;
    }

    /** Returns the group {@code groupId}, creating it empty if needed. */
    public ConsumerGroup group(String groupId) {
        return groups.computeIfAbsent(groupId,
                id -> new ConsumerGroup(id, partitionCount, signal));
    }

    /** Returns the group {@code groupId} if a member ever joined it in this instance. */
    public Optional<ConsumerGroup> find(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    /** Returns the number of members of {@code groupId} open in this instance. */
    public int activeMembers(String groupId) {
        ConsumerGroup group = groups.get(groupId);
        return group == null ? 0 : group.memberCount();
    }
}
