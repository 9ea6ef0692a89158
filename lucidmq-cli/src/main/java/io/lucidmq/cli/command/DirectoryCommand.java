package io.lucidmq.cli.command;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.cli.CliEnvironment;
import io.lucidmq.cli.CommandFailedException;
import io.lucidmq.topic.PartitionDescription;
import io.lucidmq.topic.TopicDescription;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The base of the commands that work on the {@code --dir} directory: opening it read-only or
 * writable, the output writer, and the messages shared by several commands.
 *
 * <p>Instances are opened with automatic topic creation off, so that a mistyped topic name
 * fails instead of creating a topic.
 */
abstract class DirectoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The root command, which holds the global options. */
    final LucidCommand root() {
        return (LucidCommand) spec.root().userObject();
    }

    final CliEnvironment environment() {
        return root().environment();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The absolute {@code --dir}. */
    final Path directory() {
        return root().directory();
    }

    /** Opens the existing directory read-only, beside any application that writes it. */
    final LucidMQ openReadOnly() {
        requireDirectory();
        return open(true);
    }

    /** Opens the existing directory for writing; fails when an application holds it. */
    final LucidMQ openWritable() {
        requireDirectory();
        return open(false);
    }

    /** Opens the directory for writing, creating it when it is missing. */
    final LucidMQ openWritableCreating() {
        return open(false);
    }

    /** Returns the description of {@code topic}, or fails naming the topic and directory. */
    final TopicDescription requireTopic(LucidMQ lucid, String topic) {
        return lucid.describeTopic(topic).orElseThrow(() -> new CommandFailedException(
                "topic '" + topic + "' not found in " + directory()));
    }

    /**
     * Returns partition {@code partition} of {@code topic}, or every partition when it is
     * {@code null}. A partition that does not exist is a usage error.
     */
    final List<TopicPartition> selectPartitions(TopicDescription topic, Integer partition) {
        int count = topic.partitions().size();
        if (partition == null) {
            return topic.partitions().stream()
                    .map(description -> new TopicPartition(topic.name(), description.partition()))
                    .toList();
        }
        if (partition < 0 || partition >= count) {
            throw usageError("--partition " + partition + " does not exist: topic '"
                    + topic.name() + "' has partitions 0 to " + (count - 1));
        }
        return List.of(new TopicPartition(topic.name(), partition));
    }

    /** Returns the description of one partition of {@code topic}. */
    static PartitionDescription partition(TopicDescription topic, int partition) {
        return topic.partitions().stream()
                .filter(description -> description.partition() == partition)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("topic '" + topic.name()
                        + "' has no partition " + partition));
    }

    /** Returns a usage error of this command; picocli prints it and exits with status 2. */
    final ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private LucidMQ open(boolean readOnly) {
        LucidConfig config = LucidConfig.builder(directory())
                .readOnly(readOnly)
                .autoCreateTopics(false)
                .build();
        return environment().opener().open(config);
    }

    private void requireDirectory() {
        Path directory = directory();
        if (!Files.exists(directory)) {
            throw new CommandFailedException("directory " + directory + " not found; "
                    + "'topics create' creates it");
        }
        if (!Files.isDirectory(directory)) {
            throw new CommandFailedException(directory + " is not a directory");
        }
    }
}
