package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.topic.TopicRegistry;
import java.util.Map;
import java.util.Objects;

/** Validation of offsets before they are committed. Stateless. */
final class OffsetValidation {

    private OffsetValidation() {
    }

    /**
     * Checks that every offset is within its partition: from 0 to the end offset.
     *
     * @throws io.lucidmq.UnknownTopicException if a topic does not exist
     * @throws IllegalArgumentException if a partition does not exist or an offset is
     *     negative or beyond the end offset
     */
    static void requireCommittable(Map<TopicPartition, Long> offsets, TopicRegistry topics) {
        Objects.requireNonNull(offsets, "offsets");
        for (Map.Entry<TopicPartition, Long> entry : offsets.entrySet()) {
            TopicPartition partition = Objects.requireNonNull(entry.getKey(), "partition");
            Long offset = Objects.requireNonNull(entry.getValue(),
                    () -> "offset for partition " + partition);
            if (offset < 0) {
                throw new IllegalArgumentException("offset " + offset + " for partition "
                        + partition + " is negative; offsets start at 0");
            }
            PartitionLog log = topics.require(partition.topic()).log(partition.partition());
            long end = log.endOffset();
            if (offset > end) {
                throw new IllegalArgumentException("offset " + offset + " for partition "
                        + partition + " is beyond the end offset " + end
                        + "; commit at most the end offset");
            }
        }
    }
}
