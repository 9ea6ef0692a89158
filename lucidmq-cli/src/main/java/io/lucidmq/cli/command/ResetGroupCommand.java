package io.lucidmq.cli.command;

import io.lucidmq.GroupActiveException;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.cli.CommandFailedException;
import io.lucidmq.cli.ExitCodes;
import io.lucidmq.cli.output.TextTable;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.topic.Names;
import io.lucidmq.topic.PartitionDescription;
import io.lucidmq.topic.TopicDescription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lucidmq groups reset GROUP --topic T}: replaces the group's committed offsets for the
 * topic's partitions. It needs the directory's writer lock, so it fails while an application
 * holds the directory, and the engine rejects it while a member of the group is active.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Moves a group's committed offsets for a topic; rejected while an "
                + "application holds the directory or a member of the group is active.")
final class ResetGroupCommand extends DirectoryCommand {

    @Parameters(index = "0", paramLabel = "GROUP", description = "The group id.")
    String group;

    @Option(names = "--topic", required = true, paramLabel = "T",
            description = "The topic whose offsets are reset.")
    String topic;

    @Option(names = "--partition", paramLabel = "N",
            description = "Reset only partition N; default: every partition of the topic.")
    Integer partition;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ResetTarget target;

    @Override
    public Integer call() {
        Names.requireValidGroupId(group);
        Map<TopicPartition, Long> previous = new HashMap<>();
        Map<TopicPartition, Long> offsets;
        try (LucidMQ lucid = openWritable()) {
            TopicDescription description = requireTopic(lucid, topic);
            offsets = targetOffsets(lucid, description, selectPartitions(description, partition));
            lucid.describeGroup(group).ifPresent(state -> state.partitions()
                    .forEach(partitionState -> recordPrevious(previous, partitionState)));
            resetOffsets(lucid, offsets);
        }
        printResult(previous, offsets);
        return ExitCodes.OK;
    }

    private Map<TopicPartition, Long> targetOffsets(LucidMQ lucid, TopicDescription description,
            List<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new TreeMap<>();
        if (target.toTime != null) {
            ConsumerConfig config = ConsumerConfig.reader().assign(partitions).build();
            try (Consumer reader = lucid.consumer(config)) {
                partitions.forEach(tp -> offsets.put(tp, reader.seekToTime(tp, target.toTime)));
            }
            return offsets;
        }
        for (TopicPartition tp : partitions) {
            PartitionDescription state = partition(description, tp.partition());
            offsets.put(tp, offsetFor(tp, state));
        }
        return offsets;
    }

    private long offsetFor(TopicPartition tp, PartitionDescription state) {
        if (target.toEarliest) {
            return state.startOffset();
        }
        if (target.toLatest) {
            return state.endOffset();
        }
        long offset = target.toOffset;
        if (offset < state.startOffset() || offset > state.endOffset()) {
            throw usageError("--to-offset " + offset + " is outside partition " + tp
                    + ", which holds offsets " + state.startOffset() + " to "
                    + state.endOffset());
        }
        return offset;
    }

    private void resetOffsets(LucidMQ lucid, Map<TopicPartition, Long> offsets) {
        try {
            lucid.resetGroupOffsets(group, offsets);
        } catch (GroupActiveException e) {
            throw new CommandFailedException("group '" + group + "' has an active member, so "
                    + "its offsets were not reset; close the group's consumers and retry ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void recordPrevious(Map<TopicPartition, Long> previous,
            GroupPartitionState state) {
        if (state.committedOffset().isPresent()) {
            previous.put(state.topicPartition(), state.committedOffset().getAsLong());
        }
    }

    private void printResult(Map<TopicPartition, Long> previous,
            Map<TopicPartition, Long> offsets) {
        TextTable table = new TextTable("TOPIC", "PARTITION", "PREVIOUS", "NEW");
        offsets.forEach((tp, offset) -> table.addRow(tp.topic(), tp.partition(),
                previous.containsKey(tp) ? Long.toString(previous.get(tp)) : "-", offset));
        table.print(out());
    }
}
