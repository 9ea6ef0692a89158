package io.lucidmq.cli.command;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.cli.CommandFailedException;
import io.lucidmq.cli.ExitCodes;
import io.lucidmq.topic.Names;
import io.lucidmq.topic.TopicConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lucidmq topics create NAME --partitions N}: creates a topic, and the directory when it
 * is missing. Every setting not given takes the default of {@link TopicConfig#defaults()}.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Creates a topic, and the directory if it is missing.")
final class CreateTopicCommand extends DirectoryCommand {

    @Parameters(index = "0", paramLabel = "NAME",
            description = "The topic: 1 to 249 characters of a-z A-Z 0-9 . _ -")
    String name;

    @Option(names = "--partitions", required = true, paramLabel = "N",
            description = "The number of partitions, at least 1.")
    int partitions;

    @Option(names = "--segment-bytes", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "The size at which a segment is sealed and the next one started, in "
                    + "bytes or with a KB, MB or GB suffix (or KiB, MiB, GiB; all powers of "
                    + "1024); default " + TopicConfig.DEFAULT_SEGMENT_BYTES + ".")
    Long segmentBytes;

    @Option(names = "--max-record-bytes", paramLabel = "SIZE",
            converter = ByteSizeConverter.class,
            description = "The maximum encoded size of one record; default "
                    + TopicConfig.DEFAULT_MAX_RECORD_BYTES + ", or what a smaller "
                    + "--segment-bytes can hold.")
    Long maxRecordBytes;

    @Option(names = "--retention-bytes", paramLabel = "SIZE",
            converter = ByteSizeConverter.class,
            description = "The partition size above which the oldest segments are deleted, or "
                    + "-1 for no limit; default -1.")
    Long retentionBytes;

    @Option(names = "--retention-ms", paramLabel = "MS",
            description = "The age in milliseconds after which a sealed segment is deleted, or "
                    + "-1 for no limit; default " + TopicConfig.DEFAULT_RETENTION_MS
                    + " (7 days).")
    Long retentionMs;

    @Option(names = "--durability", paramLabel = "POLICY",
            description = "When appends are forced to disk: ${COMPLETION-CANDIDATES}; default: "
                    + "the policy of the instance that writes.")
    DurabilityPolicy durability;

    @Option(names = "--if-not-exists",
            description = "Succeed when the topic exists with the same configuration.")
    boolean ifNotExists;

    @Override
    public Integer call() {
        Names.requireValidTopic(name);
        TopicConfig config = topicConfig();

        try (LucidMQ lucid = openWritableCreating()) {
            boolean exists = lucid.describeTopic(name).isPresent();
            if (exists && !ifNotExists) {
                throw new CommandFailedException("topic '" + name + "' already exists in "
                        + directory());
            }
            // Returns the existing topic when its configuration is the same, else throws.
            lucid.createTopic(name, config);
            out().println(exists
                    ? "Topic " + name + " already exists with this configuration"
                    : "Created topic " + name + " with " + partitions + " partition(s)");
        }
        return ExitCodes.OK;
    }

    /** Builds the configuration; the record's checks reject each invalid value by name. */
    private TopicConfig topicConfig() {
        TopicConfig defaults = TopicConfig.defaults();
        int segment = segmentBytes == null ? defaults.segmentBytes()
                : toInt("--segment-bytes", segmentBytes);
        int maxRecord = maxRecordBytes == null ? defaultMaxRecordBytes(segment)
                : toInt("--max-record-bytes", maxRecordBytes);
        return new TopicConfig(partitions, segment, maxRecord,
                retentionBytes == null ? defaults.retentionBytes() : retentionBytes,
                retentionMs == null ? defaults.retentionMs() : retentionMs,
                durability);
    }

    /** Returns the default maximum record size, lowered to what one segment can hold. */
    private static int defaultMaxRecordBytes(int segmentBytes) {
        int fits = segmentBytes - TopicConfig.SEGMENT_OVERHEAD_BYTES;
        return Math.max(1, Math.min(TopicConfig.DEFAULT_MAX_RECORD_BYTES, fits));
    }

    private int toInt(String option, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw usageError(option + " " + value + " is too large: the maximum is "
                    + Integer.MAX_VALUE + " bytes");
        }
        return (int) value;
    }
}
