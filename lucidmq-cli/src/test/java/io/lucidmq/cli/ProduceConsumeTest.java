package io.lucidmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProduceConsumeTest {

    @TempDir
    Path directory;

    private TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(directory);
        Fixtures.createTopic(directory, "orders", 1);
    }

    @Test
    void roundTripKeepsKeysAndHeaders() {
        CliResult produced = cli.runWithInput("k1:v1\nk2:v2:with colon\n:no key\n",
                "produce", "orders", "--key-separator", ":",
                "--header", "source=cli", "--header", "trace=a=b");

        CliResult consumed = cli.run("consume", "orders", "--format", "key-value");
        CliResult json = cli.run("consume", "orders", "--format", "json", "--max-records", "1");

        assertThat(produced.exitCode()).as(produced.toString()).isEqualTo(0);
        assertThat(produced.out()).isEmpty();
        assertThat(consumed.exitCode()).as(consumed.toString()).isEqualTo(0);
        assertThat(consumed.outLines())
                .containsExactly("k1\tv1", "k2\tv2:with colon", "\tno key");
        assertThat(json.out()).contains("\"headers\":[{\"name\":\"source\",\"value\":\"cli\"},"
                + "{\"name\":\"trace\",\"value\":\"a=b\"}]");
    }

    @Test
    void consumeValueFormatIsDefault() {
        Fixtures.sendValues(directory, "orders", "a", "b");

        CliResult result = cli.run("consume", "orders");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("a", "b");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void produceVerbosePrintsOffsets() {
        CliResult result = cli.runWithInput("a\nb\n", "--verbose", "produce", "orders");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("orders\t0\t0", "orders\t0\t1");
    }

    @Test
    void produceReadsFile() throws IOException {
        Path input = directory.resolveSibling(directory.getFileName() + "-input.txt");
        Files.writeString(input, "één\ntwo\n", StandardCharsets.UTF_8);
        try {
            CliResult result = cli.run("produce", "orders", "--file", input.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
            assertThat(cli.run("consume", "orders").outLines()).containsExactly("één", "two");
        } finally {
            Files.delete(input);
        }
    }

    @Test
    void produceToChosenPartition() {
        Fixtures.createTopic(directory, "spread", 3);

        CliResult result = cli.runWithInput("x\ny\n", "produce", "spread", "--partition", "2");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(cli.run("consume", "spread", "--partition", "2").outLines())
                .containsExactly("x", "y");
        assertThat(cli.run("consume", "spread", "--partition", "0").out()).isEmpty();
    }

    @Test
    void produceLineWithoutSeparatorFails() {
        CliResult result = cli.runWithInput("k1:v1\nno separator\nk3:v3\n",
                "produce", "orders", "--key-separator", ":");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("lucidmq: standard input line 2: key "
                + "separator ':' not found; line 1 was written");
        assertThat(cli.run("consume", "orders").outLines()).containsExactly("v1");
    }

    @Test
    void produceFirstLineInvalidWritesNothing() {
        CliResult result = cli.runWithInput("no separator\nk2:v2\n",
                "produce", "orders", "--key-separator", ":");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("lucidmq: standard input line 1: key "
                + "separator ':' not found; no line was written");
        assertThat(cli.run("consume", "orders").out()).isEmpty();
    }

    @Test
    void produceInvalidUtf8Fails() throws IOException {
        Path input = directory.resolveSibling(directory.getFileName() + "-binary.txt");
        Files.write(input, new byte[] {'o', 'k', '\n', (byte) 0xC3, '(', '\n'});
        try {
            CliResult result = cli.run("produce", "orders", "--file", input.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains(input.toAbsolutePath() + " line 2: invalid UTF-8");
            assertThat(cli.run("consume", "orders").outLines()).containsExactly("ok");
        } finally {
            Files.delete(input);
        }
    }

    @Test
    void produceUnknownTopicFails() {
        CliResult result = cli.runWithInput("a\n", "produce", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("topic 'nope' not found in " + directory);
        assertThat(cli.run("topics", "list").outLines()).containsExactly("orders");
    }

    @Test
    void produceMissingFileFails() {
        Path missing = directory.resolve("missing.txt");

        CliResult result = cli.run("produce", "orders", "--file", missing.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("input file " + missing + " not found");
    }

    @Test
    void produceMissingPartitionIsUsageError() {
        CliResult result = cli.runWithInput("a\n", "produce", "orders", "--partition", "5");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("--partition 5 does not exist: topic 'orders' has partitions 0 to 0");
    }

    @Test
    void produceWhileDirectoryInUseFails() {
        try (LucidMQ writer = LucidMQ.open(directory)) {
            CliResult result = cli.runWithInput("a\n", "produce", "orders");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("is in use by another process");
            assertThat(writer.describeTopic("orders").orElseThrow().partitions().get(0)
                    .endOffset()).isZero();
        }
    }

    @Test
    void consumeStopsAtMaxRecords() {
        Fixtures.sendValues(directory, "orders", "a", "b", "c");

        CliResult result = cli.run("consume", "orders", "--max-records", "2");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("a", "b");
    }

    @Test
    void consumeFromOffsetOfPartition() {
        Fixtures.sendValues(directory, "orders", "a", "b", "c");

        CliResult result = cli.run("consume", "orders", "--partition", "0", "--offset", "1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("b", "c");
    }

    @Test
    void consumeOffsetOutsidePartitionIsUsageError() {
        Fixtures.sendValues(directory, "orders", "a");

        CliResult result = cli.run("consume", "orders", "--partition", "0", "--offset", "9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--offset 9 is outside partition orders-0, which "
                + "holds offsets 0 to 1");
    }

    @Test
    void consumeOffsetWithoutPartitionIsUsageError() {
        CliResult result = cli.run("consume", "orders", "--offset", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--offset needs --partition");
    }

    @Test
    void consumeFromEndPrintsNothing() {
        Fixtures.sendValues(directory, "orders", "a", "b");

        CliResult result = cli.run("consume", "orders", "--from-end");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void consumeFromTimeSkipsOlderRecords() {
        Instant base = Instant.parse("2024-05-01T12:00:00Z");
        Fixtures.send(directory,
                record("early", base),
                record("on time", base.plusSeconds(60)),
                record("late", base.plusSeconds(120)));

        CliResult utc = cli.run("consume", "orders", "--from-time", "2024-05-01T12:01:00Z");
        CliResult offset = cli.run("consume", "orders",
                "--from-time", "2024-05-01T14:00:30+02:00");

        assertThat(utc.exitCode()).as(utc.toString()).isEqualTo(0);
        assertThat(utc.outLines()).containsExactly("on time", "late");
        assertThat(offset.outLines()).containsExactly("on time", "late");
    }

    @Test
    void consumeInvalidTimeIsUsageError() {
        CliResult result = cli.run("consume", "orders", "--from-time", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void consumeTwoStartOptionsIsUsageError() {
        CliResult result = cli.run("consume", "orders", "--from-beginning", "--from-end");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("mutually exclusive");
    }

    @Test
    void consumeReadsBesideRunningWriter() {
        try (LucidMQ writer = LucidMQ.open(directory);
                Producer producer = writer.producer()) {
            producer.send(ProducerRecord.of("orders", "written while open"));

            CliResult result = cli.run("consume", "orders");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
            assertThat(result.outLines()).containsExactly("written while open");
        }
    }

    private static ProducerRecord record(String value, Instant timestamp) {
        return ProducerRecord.builder("orders").value(value)
                .timestamp(timestamp.toEpochMilli()).build();
    }
}
