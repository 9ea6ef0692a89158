package io.lucidmq;

import java.util.Objects;

/**
 * One partition of a topic. Immutable and thread-safe.
 *
 * @param topic the topic name
 * @param partition the partition number, from 0 to the topic's partition count minus one
 */
public record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {

    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
        if (partition < 0) {
            throw new IllegalArgumentException(
                    "partition must be 0 or more, but was " + partition + " for topic " + topic);
        }
    }

    @Override
    public int compareTo(TopicPartition other) {
        int byTopic = topic.compareTo(other.topic);
        return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
    }

    /** Returns {@code topic-partition}, the form used in logs and messages. */
    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
