package io.lucidmq.topic;

import java.util.List;

/**
 * A topic's configuration and the state of its partitions at the moment it was described.
 *
 * @param name the topic name
 * @param config the topic configuration
 * @param partitions one entry per partition, in partition order
 */
public record TopicDescription(String name, TopicConfig config,
        List<PartitionDescription> partitions) {

    public TopicDescription {
        partitions = List.copyOf(partitions);
    }

    /** The total size of all partitions' segment files. */
    public long sizeInBytes() {
        return partitions.stream().mapToLong(PartitionDescription::sizeInBytes).sum();
    }
}
