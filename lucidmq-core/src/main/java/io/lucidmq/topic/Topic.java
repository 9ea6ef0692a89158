package io.lucidmq.topic;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.TopicPartition;
import io.lucidmq.log.PartitionLog;
import java.util.ArrayList;
import java.util.List;

/**
 * An open topic: its configuration, its effective durability policy and one
 * {@link PartitionLog} per partition. The partition count never changes while the topic is
 * open. Thread-safe, because the logs are.
 */
public final class Topic {

    private final String name;
    private final TopicConfig config;
    private final DurabilityPolicy durability;
    private final boolean readOnly;
    private final List<PartitionLog> partitions;

    /**
     * Creates an open topic.
     *
     * @param durability the policy in effect: the topic's own, or the instance's default
     * @param readOnly whether the logs were opened read-only
     */
    public Topic(String name, TopicConfig config, DurabilityPolicy durability, boolean readOnly,
            List<PartitionLog> partitions) {
        if (partitions.size() != config.partitions()) {
            throw new IllegalArgumentException("topic " + name + " has " + config.partitions()
                    + " partitions in its configuration but " + partitions.size() + " logs");
        }
        this.name = name;
        this.config = config;
        this.durability = durability;
        this.readOnly = readOnly;
        this.partitions = List.copyOf(partitions);
    }

    /** The topic name. */
    public String name() {
        return name;
    }

    /** The configuration stored in the topic metadata. */
    public TopicConfig config() {
        return config;
    }

    /** The durability policy in effect for this topic. */
    public DurabilityPolicy durability() {
        return durability;
    }

    /** The number of partitions. */
    public int partitionCount() {
        return partitions.size();
    }

    /**
     * The log of one partition.
     *
     * @throws IllegalArgumentException if the topic has no such partition
     */
    public PartitionLog log(int partition) {
        if (partition < 0 || partition >= partitions.size()) {
            throw new IllegalArgumentException("partition " + partition + " does not exist in "
                    + "topic " + name + ": it has partitions 0 to " + (partitions.size() - 1));
        }
        return partitions.get(partition);
    }

    /** The logs of all partitions, in partition order. */
    public List<PartitionLog> logs() {
        return partitions;
    }

    /** The partitions of this topic, in order. */
    public List<TopicPartition> topicPartitions() {
        List<TopicPartition> result = new ArrayList<>(partitions.size());
        for (int i = 0; i < partitions.size(); i++) {
            result.add(new TopicPartition(name, i));
        }
        return result;
    }

    /**
     * The offset below which consumers of this instance may read a partition. Under
     * {@link DurabilityPolicy#SYNC} that is the forced offset, so nothing a consumer reads or
     * commits can be lost on a power loss; otherwise it is the end offset.
     */
    public long readableEndOffset(int partition) {
        PartitionLog log = log(partition);
        if (durability == DurabilityPolicy.SYNC && !readOnly) {
            return Math.min(log.flushedOffset(), log.endOffset());
        }
        return log.endOffset();
    }

    /** Describes every partition at this moment. */
    public TopicDescription describe() {
        List<PartitionDescription> descriptions = new ArrayList<>(partitions.size());
        for (int i = 0; i < partitions.size(); i++) {
            PartitionLog log = partitions.get(i);
            descriptions.add(new PartitionDescription(i, log.startOffset(), log.endOffset(),
                    log.sizeInBytes(), log.segmentCount()));
        }
        return new TopicDescription(name, config, descriptions);
    }

    @Override
    public String toString() {
        return "Topic{" + name + ", " + config + "}";
    }
}
