package io.lucidmq.cli.command;

import io.lucidmq.LucidMQ;
import io.lucidmq.cli.ExitCodes;
import io.lucidmq.cli.output.TextTable;
import io.lucidmq.topic.PartitionDescription;
import io.lucidmq.topic.TopicConfig;
import io.lucidmq.topic.TopicDescription;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lucidmq topics describe NAME}: a topic's configuration, then one row per partition
 * with its start and end offsets, record count, size and segment count. Read-only.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Prints a topic's configuration and, for each partition, its start and "
                + "end offsets, record count, size in bytes and number of segments.")
final class DescribeTopicCommand extends DirectoryCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The topic.")
    String name;

    @Override
    public Integer call() {
        TopicDescription topic;
        try (LucidMQ lucid = openReadOnly()) {
            topic = requireTopic(lucid, name);
        }
        printConfig(out(), topic);
        out().println();
        printPartitions(out(), topic);
        return ExitCodes.OK;
    }

    private static void printConfig(PrintWriter out, TopicDescription topic) {
        TopicConfig config = topic.config();
        TextTable table = new TextTable("SETTING", "VALUE");
        table.addRow("topic", topic.name());
        table.addRow("partitions", config.partitions());
        table.addRow("segment bytes", config.segmentBytes());
        table.addRow("max record bytes", config.maxRecordBytes());
        table.addRow("retention bytes", limit(config.retentionBytes()));
        table.addRow("retention ms", limit(config.retentionMs()));
        table.addRow("durability", config.durability() == null
                ? "the writing instance's policy" : config.durability());
        table.addRow("size in bytes", topic.sizeInBytes());
        table.print(out);
    }

    private static void printPartitions(PrintWriter out, TopicDescription topic) {
        TextTable table = new TextTable(
                "PARTITION", "START", "END", "RECORDS", "BYTES", "SEGMENTS");
        for (PartitionDescription partition : topic.partitions()) {
            table.addRow(partition.partition(), partition.startOffset(), partition.endOffset(),
                    partition.recordCount(), partition.sizeInBytes(), partition.segmentCount());
        }
        table.print(out);
    }

    private static String limit(long value) {
        return value == -1 ? "none" : Long.toString(value);
    }
}
