package io.lucidmq.record;

import io.lucidmq.TopicPartition;

/**
 * Where an acknowledged record was written.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the record's offset in the partition
 * @param timestamp the record's timestamp, in milliseconds since the epoch
 */
public record RecordMetadata(String topic, int partition, long offset, long timestamp) {

    /** The topic and partition. */
    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }
}
