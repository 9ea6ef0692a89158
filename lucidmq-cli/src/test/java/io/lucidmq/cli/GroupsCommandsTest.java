package io.lucidmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupsCommandsTest {

    @TempDir
    Path directory;

    private TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(directory);
        Fixtures.createTopic(directory, "orders", 1);
        Fixtures.sendValues(directory, "orders", "a", "b", "c", "d");
    }

    @Test
    void listPrintsGroupsWithCommits() {
        commit("shipping", 1);
        commit("billing", 2);

        CliResult result = cli.run("groups", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("billing", "shipping");
    }

    @Test
    void describePrintsCommittedEndAndLag() {
        commit("billing", 1);

        CliResult result = cli.run("groups", "describe", "billing");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines().get(0)).matches("TOPIC\\s+PARTITION\\s+COMMITTED\\s+START"
                + "\\s+END\\s+LAG");
        assertThat(result.outLines().get(1)).matches("orders\\s+0\\s+1\\s+0\\s+4\\s+3");
        assertThat(result.outLines()).endsWith("total lag 3");
    }

    @Test
    void describeUnknownGroupFails() {
        CliResult result = cli.run("groups", "describe", "nobody");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("group 'nobody' not found in " + directory);
    }

    @Test
    void resetToEarliestRewindsGroup() {
        commit("billing", 3);

        CliResult result = cli.run("groups", "reset", "billing", "--topic", "orders",
                "--to-earliest");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines().get(1)).matches("orders\\s+0\\s+3\\s+0");
        assertThat(Fixtures.committed(directory, "billing", "orders", 0)).hasValue(0);
    }

    @Test
    void resetToLatestSkipsStoredRecords() {
        CliResult result = cli.run("groups", "reset", "billing", "--topic", "orders",
                "--to-latest");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines().get(1)).matches("orders\\s+0\\s+-\\s+4");
        assertThat(Fixtures.committed(directory, "billing", "orders", 0)).hasValue(4);
        assertThat(cli.run("consume", "orders", "--group", "billing").out()).isEmpty();
    }

    @Test
    void resetToOffsetMovesGroup() {
        CliResult result = cli.run("groups", "reset", "billing", "--topic", "orders",
                "--partition", "0", "--to-offset", "2");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(cli.run("consume", "orders", "--group", "billing").outLines())
                .containsExactly("c", "d");
    }

    @Test
    void resetToOffsetOutsidePartitionIsUsageError() {
        commit("billing", 1);

        CliResult result = cli.run("groups", "reset", "billing", "--topic", "orders",
                "--to-offset", "10");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--to-offset 10 is outside partition orders-0, "
                + "which holds offsets 0 to 4");
        assertThat(Fixtures.committed(directory, "billing", "orders", 0)).hasValue(1);
    }

    @Test
    void resetToTimeFindsFirstLaterRecord() {
        Instant base = Instant.parse("2024-05-01T12:00:00Z");
        Fixtures.createTopic(directory, "timed", 1);
        Fixtures.send(directory,
                ProducerRecord.builder("timed").value("old")
                        .timestamp(base.toEpochMilli()).build(),
                ProducerRecord.builder("timed").value("new")
                        .timestamp(base.plusSeconds(3600).toEpochMilli()).build());

        CliResult result = cli.run("groups", "reset", "billing", "--topic", "timed",
                "--to-time", "2024-05-01T12:30:00Z");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(Fixtures.committed(directory, "billing", "timed", 0)).hasValue(1);
    }

    @Test
    void resetWithoutTargetIsUsageError() {
        CliResult result = cli.run("groups", "reset", "billing", "--topic", "orders");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required argument");
    }

    @Test
    void resetRejectedWhileMemberActive() {
        commit("billing", 1);
        try (LucidMQ application = LucidMQ.open(directory);
                Consumer member = application.consumer(
                        ConsumerConfig.group("billing").topics("orders").build())) {
            member.poll(Duration.ofMillis(100));
            TestCli embedded = new TestCli(directory)
                    .withOpener(config -> new UnclosedInstance(application));

            CliResult result = embedded.run("groups", "reset", "billing", "--topic", "orders",
                    "--to-earliest");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("group 'billing' has an active member, so its "
                    + "offsets were not reset");
            assertThat(member.committed(new TopicPartition("orders", 0))).hasValue(1);
        }
    }

    @Test
    void resetRejectedWhileDirectoryLocked() {
        commit("billing", 1);
        try (LucidMQ application = LucidMQ.open(directory)) {
            CliResult result = cli.run("groups", "reset", "billing", "--topic", "orders",
                    "--to-earliest");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("directory " + directory + " is in use by "
                    + "another process: an application holds its writer lock, so 'lucidmq "
                    + "groups reset' cannot write it");
            assertThat(application.describeGroup("billing").orElseThrow().partitions())
                    .singleElement()
                    .satisfies(state -> assertThat(state.committedOffset()).hasValue(1));
        }
    }

    @Test
    void describeWorksWhileDirectoryLocked() {
        commit("billing", 2);
        try (LucidMQ application = LucidMQ.open(directory);
                Producer producer = application.producer()) {
            producer.send(ProducerRecord.of("orders", "e"));

            CliResult result = cli.run("groups", "describe", "billing");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
            assertThat(result.outLines()).endsWith("total lag 3");
        }
    }

    private void commit(String group, long offset) {
        try (LucidMQ lucid = LucidMQ.open(directory)) {
            lucid.resetGroupOffsets(group, Map.of(new TopicPartition("orders", 0), offset));
        }
    }
}
