package io.lucidmq.cli.command;

import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.topic.PartitionDescription;
import io.lucidmq.topic.TopicDescription;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where {@code consume} without a group starts: at most one of these options. Without any, it
 * starts at the beginning of each partition.
 */
final class StartOptions {

    @Option(names = "--from-beginning", required = true,
            description = "Start at the oldest retained record (the default without --group).")
    boolean fromBeginning;

    @Option(names = "--from-end", required = true,
            description = "Start at the end offset: print only records appended from now on, "
                    + "with --follow.")
    boolean fromEnd;

    @Option(names = "--offset", required = true, paramLabel = "N",
            description = "Start at offset N of the partition given by --partition.")
    Long offset;

    @Option(names = "--from-time", required = true, paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "Start at the first record whose timestamp is at or after TIME, an "
                    + "ISO-8601 instant such as 2024-05-01T12:00:00Z.")
    Instant fromTime;

    /** Moves the positions of {@code partitions}, which {@code consumer} has assigned. */
    void seek(Consumer consumer, List<TopicPartition> partitions) {
        if (fromEnd) {
            consumer.seekToEnd(partitions);
        } else if (offset != null) {
            partitions.forEach(partition -> consumer.seek(partition, offset));
        } else if (fromTime != null) {
            partitions.forEach(partition -> consumer.seekToTime(partition, fromTime));
        } else {
            consumer.seekToBeginning(partitions);
        }
    }

    /**
     * Returns a message when {@code --offset} is outside partition {@code partition} of
     * {@code topic}, or {@code null} when it is inside or not given.
     */
    String offsetOutOfRange(TopicDescription topic, int partition) {
        if (offset == null) {
            return null;
        }
        PartitionDescription description = DirectoryCommand.partition(topic, partition);
        if (offset >= description.startOffset() && offset <= description.endOffset()) {
            return null;
        }
        return "--offset " + offset + " is outside partition " + topic.name() + "-" + partition
                + ", which holds offsets " + description.startOffset() + " to "
                + description.endOffset() + " (the end offset reads from the next record)";
    }
}
