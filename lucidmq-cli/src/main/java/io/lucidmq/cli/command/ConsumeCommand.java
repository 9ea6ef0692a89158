package io.lucidmq.cli.command;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.cli.ExitCodes;
import io.lucidmq.cli.InterruptHook;
import io.lucidmq.cli.output.RecordFormat;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.RebalanceListener;
import io.lucidmq.topic.TopicDescription;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lucidmq consume TOPIC}: prints a topic's records, one a line.
 *
 * <p>Without {@code --group} it reads through a read-only instance, beside any application
 * that writes the directory, from the position the start options give. With {@code --group}
 * it joins the group through a writable instance, starts at the group's committed offsets and
 * commits what it printed. Without {@code --follow} it stops at the end offsets the partitions
 * had when it started. With it, it prints new records until interrupted (Ctrl-C), then closes
 * cleanly and exits with status 0.
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Prints a topic's records, one a line.")
final class ConsumeCommand extends DirectoryCommand {

    private static final String CLIENT_ID = "lucidmq-cli";

    @Parameters(index = "0", paramLabel = "TOPIC", description = "The topic.")
    String topic;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Read as a member of GROUP from its committed offsets and commit the "
                    + "records printed; needs the directory's writer lock.")
    String group;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StartOptions start;

    @Option(names = "--partition", paramLabel = "N",
            description = "Read only partition N; not with --group.")
    Integer partition;

    @Option(names = "--max-records", paramLabel = "N",
            description = "Stop after printing N records.")
    Long maxRecords;

    @Option(names = {"-f", "--follow"},
            description = "Keep printing new records until interrupted (Ctrl-C).")
    boolean follow;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "value",
            converter = RecordFormatConverter.class,
            description = "value (the default: the value alone), key-value (key, tab, value) "
                    + "or json (one JSON object a line, binary data as Base64).")
    RecordFormat format;

    @Override
    public Integer call() {
        validateOptions();
        try (LucidMQ lucid = group == null ? openReadOnly() : openWritable()) {
            TopicDescription description = requireTopic(lucid, topic);
            List<TopicPartition> partitions = selectPartitions(description, partition);
            if (start != null && partition != null) {
                String outOfRange = start.offsetOutOfRange(description, partition);
                if (outOfRange != null) {
                    throw usageError(outOfRange);
                }
            }
            consume(lucid, partitions, endOffsets(description));
        }
        return ExitCodes.OK;
    }

    private void validateOptions() {
        if (maxRecords != null && maxRecords < 1) {
            throw usageError("--max-records must be at least 1, but was " + maxRecords);
        }
        if (group != null && start != null) {
            throw usageError("--group starts at the group's committed offsets, so it takes no "
                    + "start option; move them with 'groups reset'");
        }
        if (group != null && partition != null) {
            throw usageError("--group reads every partition of the topic, so it takes no "
                    + "--partition");
        }
        if (start != null && start.offset != null && partition == null) {
            throw usageError("--offset needs --partition");
        }
    }

    private void consume(LucidMQ lucid, List<TopicPartition> partitions,
            Map<TopicPartition, Long> endOffsets) {
        try (Consumer consumer = lucid.consumer(consumerConfig(partitions))) {
            if (group == null) {
                // Without a start option, StartOptions' defaults seek to the beginning.
                StartOptions startAt = start == null ? new StartOptions() : start;
                startAt.seek(consumer, partitions);
            }
            ConsumeLoop loop = new ConsumeLoop(consumer, format, out(), recordLimit(),
                    follow ? null : endOffsets);
            InterruptHook.Registration registration =
                    environment().interrupts().onInterrupt(loop::requestStop);
            try {
                loop.run();
            } finally {
                registration.close();
            }
        }
    }

    private ConsumerConfig consumerConfig(List<TopicPartition> partitions) {
        int maxPollRecords =
                (int) Math.min(recordLimit(), ConsumerConfig.DEFAULT_MAX_POLL_RECORDS);
        ConsumerConfig.Builder config = group == null
                ? ConsumerConfig.reader().assign(partitions)
                : ConsumerConfig.group(group).topics(topic);
        return config.maxPollRecords(maxPollRecords).clientId(CLIENT_ID)
                .rebalanceListener(new ResetReporter(spec.commandLine().getErr()))
                .build();
    }

    /**
     * Prints each position that the consumer moved because it was outside the partition's
     * offsets. The consumer's own warning about it is turned off in the CLI's logging
     * settings, together with its warning about damaged batches.
     */
    private record ResetReporter(PrintWriter err) implements RebalanceListener {

        @Override
        public void onOffsetReset(TopicPartition partition, long fromOffset, long toOffset) {
            err.println("lucidmq: offset " + fromOffset + " of " + partition + " is outside "
                    + "the partition's offsets, so reading continues at offset " + toOffset);
            err.flush();
        }
    }

    private long recordLimit() {
        return maxRecords == null ? Long.MAX_VALUE : maxRecords;
    }

    private static Map<TopicPartition, Long> endOffsets(TopicDescription description) {
        Map<TopicPartition, Long> endOffsets = new HashMap<>();
        description.partitions().forEach(partition -> endOffsets.put(
                new TopicPartition(description.name(), partition.partition()),
                partition.endOffset()));
        return endOffsets;
    }
}
