package io.lucidmq.cli.command;

import io.lucidmq.LucidMQ;
import io.lucidmq.cli.CommandFailedException;
import io.lucidmq.cli.ExitCodes;
import io.lucidmq.cli.output.TextTable;
import io.lucidmq.consumer.GroupDescription;
import io.lucidmq.consumer.GroupPartitionState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lucidmq groups describe GROUP}: per partition, the group's committed offset, the
 * partition's start and end offsets, and the lag. Read-only.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Prints, for each partition of the group's topics, the committed offset "
                + "('-' when none), the partition's start and end offsets and the lag.")
final class DescribeGroupCommand extends DirectoryCommand {

    @Parameters(index = "0", paramLabel = "GROUP", description = "The group id.")
    String group;

    @Override
    public Integer call() {
        GroupDescription description;
        try (LucidMQ lucid = openReadOnly()) {
            description = lucid.describeGroup(group).orElseThrow(() ->
                    new CommandFailedException("group '" + group + "' not found in "
                            + directory()));
        }
        TextTable table = new TextTable(
                "TOPIC", "PARTITION", "COMMITTED", "START", "END", "LAG");
        for (GroupPartitionState state : description.partitions()) {
            table.addRow(state.topicPartition().topic(), state.topicPartition().partition(),
                    state.committedOffset().isPresent()
                            ? Long.toString(state.committedOffset().getAsLong()) : "-",
                    state.startOffset(), state.endOffset(), state.lag());
        }
        table.print(out());
        out().println();
        out().println("total lag " + description.totalLag());
        return ExitCodes.OK;
    }
}
