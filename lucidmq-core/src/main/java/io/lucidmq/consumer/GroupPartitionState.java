package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import java.util.OptionalLong;

/**
 * A group's progress in one partition.
 *
 * @param topicPartition the partition
 * @param committedOffset the committed offset (the next offset the group will read), or empty
 *     if the group never committed one
 * @param startOffset the partition's start offset
 * @param endOffset the partition's end offset
 * @param lag the records between the committed offset (or the start offset without one) and
 *     the end offset
 */
public record GroupPartitionState(TopicPartition topicPartition, OptionalLong committedOffset,
        long startOffset, long endOffset, long lag) {
}
