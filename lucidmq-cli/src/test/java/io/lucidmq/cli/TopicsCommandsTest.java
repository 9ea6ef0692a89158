package io.lucidmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsCommandsTest {

    @TempDir
    Path directory;

    private TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(directory);
    }

    @Test
    void listPrintsTopicsSorted() {
        Fixtures.createTopic(directory, "payments", 1);
        Fixtures.createTopic(directory, "orders", 2);

        CliResult result = cli.run("topics", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("orders", "payments");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void listReadsBesideRunningWriter() {
        Fixtures.createTopic(directory, "orders", 1);
        try (LucidMQ writer = LucidMQ.open(directory)) {
            writer.createTopic("audit");

            CliResult result = cli.run("topics", "list");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
            assertThat(result.outLines()).containsExactly("audit", "orders");
        }
    }

    @Test
    void listMissingDirectoryFails() {
        CliResult result = new TestCli(directory.resolve("absent")).run("topics", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("lucidmq: directory "
                + directory.resolve("absent") + " not found; 'topics create' creates it");
    }

    @Test
    void describePrintsOffsetsPerPartition() {
        Fixtures.createTopic(directory, "orders", 2);
        Fixtures.sendValues(directory, "orders", "a", "b", "c");

        CliResult result = cli.run("topics", "describe", "orders");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).containsPattern("(?m)^topic\\s+orders$");
        assertThat(result.out()).containsPattern("(?m)^partitions\\s+2$");
        assertThat(result.out()).containsPattern("(?m)^retention bytes\\s+none$");
        assertThat(result.out()).containsPattern(
                "(?m)^retention ms\\s+" + TopicConfig.DEFAULT_RETENTION_MS + "$");
        assertThat(result.out()).containsPattern("(?m)^PARTITION  START  END  RECORDS  BYTES"
                + "\\s+SEGMENTS$");
        assertThat(result.out()).containsPattern("(?m)^0\\s+0\\s+3\\s+3\\s+[1-9][0-9]*\\s+1$");
        assertThat(result.out()).containsPattern("(?m)^1\\s+0\\s+0\\s+0\\s+[0-9]+\\s+1$");
    }

    @Test
    void describeUnknownTopicFails() {
        Fixtures.createTopic(directory, "orders", 1);

        CliResult result = cli.run("topics", "describe", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip())
                .isEqualTo("lucidmq: topic 'nope' not found in " + directory);
    }

    @Test
    void createAppliesEveryOption() {
        CliResult result = cli.run("topics", "create", "orders", "--partitions", "3",
                "--segment-bytes", "1MiB", "--max-record-bytes", "4096",
                "--retention-bytes", "10MiB", "--retention-ms", "60000",
                "--durability", "interval");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out().strip()).isEqualTo("Created topic orders with 3 partition(s)");
        try (LucidMQ lucid = LucidMQ.open(directory)) {
            TopicConfig config = lucid.describeTopic("orders").orElseThrow().config();
            assertThat(config).isEqualTo(new TopicConfig(3, 1024 * 1024, 4096,
                    10L * 1024 * 1024, 60_000, DurabilityPolicy.INTERVAL));
        }
    }

    @Test
    void createReadsMegabyteSuffixAsMebibytes() {
        CliResult result = cli.run("topics", "create", "orders", "--partitions", "3",
                "--segment-bytes", "16MB", "--retention-bytes", "1GB");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        try (LucidMQ lucid = LucidMQ.open(directory)) {
            TopicConfig config = lucid.describeTopic("orders").orElseThrow().config();
            assertThat(config.segmentBytes()).isEqualTo(16 * 1024 * 1024);
            assertThat(config.retentionBytes()).isEqualTo(1024L * 1024 * 1024);
        }
    }

    @Test
    void createSmallSegmentLowersMaxRecordBytes() {
        CliResult result = cli.run("topics", "create", "small", "--partitions", "1",
                "--segment-bytes", "64KiB");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        try (LucidMQ lucid = LucidMQ.open(directory)) {
            TopicConfig config = lucid.describeTopic("small").orElseThrow().config();
            assertThat(config.segmentBytes()).isEqualTo(64 * 1024);
            assertThat(config.maxRecordBytes())
                    .isEqualTo(64 * 1024 - TopicConfig.SEGMENT_OVERHEAD_BYTES);
        }
    }

    @Test
    void createExistingTopicFails() {
        Fixtures.createTopic(directory, "orders", 1);

        CliResult result = cli.run("topics", "create", "orders", "--partitions", "1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("topic 'orders' already exists in " + directory);
    }

    @Test
    void createIfNotExistsAcceptsSameTopic() {
        Fixtures.createTopic(directory, "orders", 2);

        CliResult result = cli.run("topics", "create", "orders", "--partitions", "2",
                "--if-not-exists");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).contains("already exists with this configuration");
    }

    @Test
    void createZeroPartitionsIsUsageError() {
        CliResult result = cli.run("topics", "create", "orders", "--partitions", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("partitions must be at least 1, but was 0");
    }

    @Test
    void createInvalidNameIsUsageError() {
        CliResult result = cli.run("topics", "create", "bad/name", "--partitions", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid topic name 'bad/name'");
        assertThat(directory.resolve("topics")).doesNotExist();
    }

    @Test
    void createWhileDirectoryInUseFails() {
        try (LucidMQ writer = LucidMQ.open(directory)) {
            CliResult result = cli.run("topics", "create", "orders", "--partitions", "1");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("directory " + directory
                    + " is in use by another process");
            assertThat(writer.listTopics()).isEmpty();
        }
    }

    @Test
    void deleteRemovesTopic() {
        Fixtures.createTopic(directory, "orders", 1);

        CliResult result = cli.run("topics", "delete", "orders");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out().strip()).isEqualTo("Deleted topic orders");
        assertThat(cli.run("topics", "list").out()).isEmpty();
    }

    @Test
    void deleteUnknownTopicFails() {
        Fixtures.createTopic(directory, "orders", 1);

        CliResult result = cli.run("topics", "delete", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("topic 'nope' not found in " + directory);
    }
}
