package io.lucidmq.reliability;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.topic.PartitionDescription;
import io.lucidmq.topic.TopicConfig;
import io.lucidmq.topic.TopicDescription;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an application can observe of a directory through the public API, with value
 * equality: every topic with its configuration and the image of every record of every
 * partition, and every group's committed offsets.
 *
 * @param topics the topics by name
 * @param groups each group's committed offsets by {@code topic/partition}
 */
record DirectorySnapshot(SortedMap<String, TopicImage> topics,
        SortedMap<String, SortedMap<String, Long>> groups) {

    /**
     * One topic.
     *
     * @param config the stored configuration
     * @param partitions each partition's start offset, end offset and records
     */
    record TopicImage(TopicConfig config, List<PartitionImage> partitions) {
    }

    /**
     * One partition.
     *
     * @param startOffset the start offset
     * @param endOffset the end offset
     * @param records the image of every record from the start to the end offset
     */
    record PartitionImage(long startOffset, long endOffset, List<RecordImage> records) {
    }

    /** Captures the state of an open instance. */
    static DirectorySnapshot capture(LucidMQ mq) {
        SortedMap<String, TopicImage> topics = new TreeMap<>();
        for (String name : mq.listTopics()) {
            TopicDescription topic = mq.describeTopic(name).orElseThrow();
            List<PartitionImage> partitions = new ArrayList<>();
            for (PartitionDescription partition : topic.partitions()) {
                List<RecordImage> records = new ArrayList<>();
                for (ConsumerRecord record : EngineTestSupport.readPartition(mq,
                        new TopicPartition(name, partition.partition()),
                        partition.endOffset())) {
                    records.add(RecordImage.of(record));
                }
                partitions.add(new PartitionImage(partition.startOffset(),
                        partition.endOffset(), records));
            }
            topics.put(name, new TopicImage(topic.config(), partitions));
        }
        SortedMap<String, SortedMap<String, Long>> groups = new TreeMap<>();
        for (String groupId : mq.listGroups()) {
            SortedMap<String, Long> committed = new TreeMap<>();
            mq.describeGroup(groupId).ifPresent(group -> {
                for (GroupPartitionState state : group.partitions()) {
                    state.committedOffset().ifPresent(offset -> committed.put(
                            state.topicPartition().toString(), offset));
                }
            });
            groups.put(groupId, committed);
        }
        return new DirectorySnapshot(topics, groups);
    }

    /**
     * Returns a short description for messages: each partition's offsets with a hash of its
     * records, and the groups' offsets.
     */
    String summary() {
        StringBuilder text = new StringBuilder("{");
        topics.forEach((name, topic) -> {
            for (int p = 0; p < topic.partitions().size(); p++) {
                PartitionImage partition = topic.partitions().get(p);
                text.append(name).append('-').append(p).append(" offsets ")
                        .append(partition.startOffset()).append("..")
                        .append(partition.endOffset()).append(" records #")
                        .append(Integer.toHexString(partition.records().hashCode()))
                        .append(", ");
            }
        });
        return text.append("groups ").append(groups).append('}').toString();
    }

    /** Opens {@code directory} with the standard file operations and captures its state. */
    static DirectorySnapshot reopen(Path directory) {
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).build())) {
            return capture(mq);
        }
    }
}
