package io.lucidmq.consumer;

import io.lucidmq.GroupActiveException;
import io.lucidmq.TopicPartition;
import io.lucidmq.engine.ChangeSignal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members of one consumer group in this instance and which member owns which partition.
 *
 * <p>The target split is recomputed by {@link RangeAssignor} from the members (in join
 * order) and the current partition counts on every call, so it follows joins, leaves and
 * topics created later. Ownership changes in two steps: a member whose partition is now
 * targeted at another member {@link #release releases} it from its own poll, and only then
 * can the new member {@link #acquire} it. So a partition never has two owners.
 *
 * <p>Thread-safe: every method runs under the group's monitor and publishes the
 * {@link ChangeSignal} when ownership or membership changes, which wakes waiting members.
 */
public final class ConsumerGroup {

    private static final Logger logger = LoggerFactory.getLogger(ConsumerGroup.class);

    private final String groupId;
    private final ToIntFunction<String> partitionCount;
    private final ChangeSignal signal;
    private final List<RangeAssignor.Member> members = new ArrayList<>();
    private final Map<TopicPartition, String> owners = new HashMap<>();

    /**
     * Creates an empty group.
     *
     * @param partitionCount the partition count of a topic, 0 when it does not exist
     */
    public ConsumerGroup(String groupId, ToIntFunction<String> partitionCount,
            ChangeSignal signal) {
        this.groupId = groupId;
        this.partitionCount = partitionCount;
        this.signal = signal;
    }

    /** The group id. */
    public String groupId() {
        return groupId;
    }

    /** Adds a member after those already joined. */
    public synchronized void join(RangeAssignor.Member member) {
        members.add(member);
        logger.info("Consumer {} joined group {} subscribed to {}; the group has {} members",
                member.memberId(), groupId, member.topics(), members.size());
        signal.publish();
    }

    /**
     * Removes a member and frees every partition it owns.
     *
     * @return the partitions it owned
     */
    public synchronized Set<TopicPartition> leave(String memberId) {
        boolean removed = members.removeIf(member -> member.memberId().equals(memberId));
        Set<TopicPartition> released = owned(memberId);
        released.forEach(owners::remove);
        if (removed) {
            logger.info("Consumer {} left group {}, releasing {}; {} members remain", memberId,
                    groupId, released, members.size());
            signal.publish();
        }
        return released;
    }

    /** Returns whether {@code memberId} is still a member. */
    public synchronized boolean isMember(String memberId) {
        return members.stream().anyMatch(member -> member.memberId().equals(memberId));
    }

    /** Returns the partitions {@code memberId} owns that the current split gives to others. */
    public synchronized Set<TopicPartition> partitionsToRevoke(String memberId) {
        Map<TopicPartition, String> target = RangeAssignor.assign(members, partitionCount);
        Set<TopicPartition> revoke = owned(memberId);
        revoke.removeIf(partition -> memberId.equals(target.get(partition)));
        return revoke;
    }

    /** Frees partitions that {@code memberId} owns, so their new owner can take them. */
    public synchronized void release(String memberId, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            owners.remove(partition, memberId);
        }
        signal.publish();
    }

    /**
     * Gives {@code memberId} every partition the current split targets at it that no member
     * owns now.
     *
     * @return the partitions newly owned, sorted
     */
    public synchronized Set<TopicPartition> acquire(String memberId) {
        Set<TopicPartition> acquired = new TreeSet<>();
        if (!isMember(memberId)) {
            return acquired;
        }
        Map<TopicPartition, String> target = RangeAssignor.assign(members, partitionCount);
        for (Map.Entry<TopicPartition, String> entry : target.entrySet()) {
            if (entry.getValue().equals(memberId) && !owners.containsKey(entry.getKey())) {
                owners.put(entry.getKey(), memberId);
                acquired.add(entry.getKey());
            }
        }
        return acquired;
    }

    /** Returns the number of members. */
    public synchronized int memberCount() {
        return members.size();
    }

    /** Returns the topics at least one member subscribes to, sorted. */
    public synchronized Set<String> subscribedTopics() {
        Set<String> topics = new TreeSet<>();
        members.forEach(member -> topics.addAll(member.topics()));
        return topics;
    }

    /**
     * Runs {@code action} while no member can join.
     *
     * @throws GroupActiveException if the group has a member
     */
    public synchronized void runWhileIdle(String operation, Runnable action) {
        if (!members.isEmpty()) {
            throw new GroupActiveException("cannot " + operation + " of group " + groupId
                    + ": it has " + members.size() + " active members in this instance "
                    + members.stream().map(RangeAssignor.Member::memberId).toList()
                    + "; close them first");
        }
        action.run();
    }

    private Set<TopicPartition> owned(String memberId) {
        Set<TopicPartition> result = new TreeSet<>();
        owners.forEach((partition, owner) -> {
            if (owner.equals(memberId)) {
                result.add(partition);
            }
        });
        return result;
    }
}
