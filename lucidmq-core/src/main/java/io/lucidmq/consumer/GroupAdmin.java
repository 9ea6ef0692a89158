package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.topic.Names;
import io.lucidmq.topic.Topic;
import io.lucidmq.topic.TopicRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer-group operations of {@link io.lucidmq.LucidMQ}: list, describe, reset and
 * delete committed offsets. Resets and deletions run while the group has no member in this
 * instance and keep members from joining meanwhile. Thread-safe.
 */
public final class GroupAdmin {

    private static final Logger logger = LoggerFactory.getLogger(GroupAdmin.class);

    private final TopicRegistry topics;
    private final OffsetStore offsets;
    private final GroupCoordinator groups;

    /** Creates the group operations over the given components. */
    public GroupAdmin(TopicRegistry topics, OffsetStore offsets, GroupCoordinator groups) {
        this.topics = topics;
        this.offsets = offsets;
        this.groups = groups;
    }

    /** Returns the ids of groups with committed offsets, sorted. */
    public List<String> listGroups() {
        return offsets.groupIds();
    }

    /** Describes a group, or returns empty when it has neither offsets nor members. */
    public Optional<GroupDescription> describe(String groupId) {
        Names.requireValidGroupId(groupId);
        SortedMap<TopicPartition, Long> committed = offsets.committed(groupId);
        int active = groups.activeMembers(groupId);
        if (committed.isEmpty() && active == 0) {
            return Optional.empty();
        }
        Set<String> topicNames = new TreeSet<>();
        committed.keySet().forEach(partition -> topicNames.add(partition.topic()));
        groups.find(groupId).ifPresent(group -> topicNames.addAll(group.subscribedTopics()));

        List<GroupPartitionState> states = new ArrayList<>();
        for (String name : topicNames) {
            Optional<Topic> topic = topics.topic(name);
            if (topic.isEmpty()) {
                continue;
            }
            for (TopicPartition partition : topic.get().topicPartitions()) {
                states.add(state(topic.get(), partition, committed.get(partition)));
            }
        }
        return Optional.of(new GroupDescription(groupId, active, states));
    }

    /**
     * Sets the committed offsets of the given partitions; other partitions keep theirs.
     *
     * @throws io.lucidmq.GroupActiveException if the group has a member in this instance
     * @throws IllegalArgumentException if an offset is negative or beyond its end offset
     */
    public void reset(String groupId, Map<TopicPartition, Long> newOffsets) {
        Names.requireValidGroupId(groupId);
        Map<TopicPartition, Long> copy = new LinkedHashMap<>(
                Objects.requireNonNull(newOffsets, "offsets"));
        OffsetValidation.requireCommittable(copy, topics);
        groups.group(groupId).runWhileIdle("reset the offsets", () -> {
            offsets.commit(groupId, copy);
            logger.info("Reset the committed offsets of group {} to {}", groupId, copy);
        });
    }

    /**
     * Deletes the committed offsets of {@code topics}, or all when it is empty.
     *
     * @throws io.lucidmq.GroupActiveException if the group has a member in this instance
     */
    public void delete(String groupId, Collection<String> topicNames) {
        Names.requireValidGroupId(groupId);
        List<String> names = List.copyOf(Objects.requireNonNull(topicNames, "topics"));
        groups.group(groupId).runWhileIdle("delete the offsets", () -> {
            offsets.delete(groupId, names);
            logger.info("Deleted the committed offsets of group {} for {}", groupId,
                    names.isEmpty() ? "all topics" : names);
        });
    }

    private static GroupPartitionState state(Topic topic, TopicPartition partition,
            Long committed) {
        PartitionLog log = topic.log(partition.partition());
        long start = log.startOffset();
        long end = log.endOffset();
        long from = committed == null ? start : Math.max(committed, start);
        OptionalLong committedOffset = committed == null ? OptionalLong.empty()
                : OptionalLong.of(committed);
        return new GroupPartitionState(partition, committedOffset, start, end,
                Math.max(0, end - from));
    }
}
