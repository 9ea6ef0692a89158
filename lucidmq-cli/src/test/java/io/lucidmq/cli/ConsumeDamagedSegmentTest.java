package io.lucidmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeDamagedSegmentTest {

    private static final int RECORDS = 300;

    private static final List<String> VALUES = IntStream.range(0, RECORDS)
            .mapToObj(i -> String.format("value-%04d", i))
            .toList();

    @TempDir
    Path directory;

    @Test
    void consumeStopsAtDamageWithExitThree() throws IOException {
        Path segment = damagedTopic(1);

        CliResult result = new TestCli(directory).run("consume", "orders");

        assertStoppedAtDamage(result, segment);
    }

    @Test
    void consumeWithGroupCommitsOnlyPrintedRecords() throws IOException {
        Path segment = damagedTopic(1);

        CliResult result = new TestCli(directory).run("consume", "orders", "--group", "billing");

        assertStoppedAtDamage(result, segment);
        assertThat(Fixtures.committed(directory, "billing", "orders", 0))
                .hasValue(result.outLines().size());
    }

    @Test
    void consumeFollowStopsAtDamageWithExitThree() throws Exception {
        Path segment = damagedTopic(1);

        CompletableFuture<CliResult> run = CompletableFuture.supplyAsync(
                () -> new TestCli(directory).run("consume", "orders", "--follow"));
        CliResult result = run.get(30, TimeUnit.SECONDS);

        assertStoppedAtDamage(result, segment);
    }

    @Test
    void consumeWithHealthyPartitionPrintsItsRecords() throws IOException {
        Path segment = damagedTopic(2);
        Fixtures.send(directory, ProducerRecord.builder("orders").partition(1)
                .value("healthy").build());

        CliResult result = new TestCli(directory).run("consume", "orders");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertOneLineNaming(result.err(), segment);
        assertThat(result.outLines()).contains("healthy");
    }

    @Test
    void consumeVerboseAddsStackTrace() throws IOException {
        damagedTopic(1);

        CliResult result = new TestCli(directory).run("--verbose", "consume", "orders");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("CorruptRecordException");
        assertThat(result.err()).contains("\tat ");
    }

    /**
     * Creates topic {@code orders} with {@code partitions} partitions, sends {@link #VALUES} to
     * partition 0, one batch per record, and flips a byte in the middle of its segment file,
     * which it returns. NOTE: the damage is not in the last batch, because the recovery that
     * a writable open (--group) runs truncates a damaged last batch instead of reporting it.
     */
    private Path damagedTopic(int partitions) throws IOException {
        Fixtures.createTopic(directory, "orders", partitions);
        Fixtures.sendValues(directory, "orders", VALUES.toArray(String[]::new));
        List<Path> segments = Fixtures.segmentFiles(directory, "orders", 0);
        assertThat(segments).hasSize(1);
        Path segment = segments.get(0);
        Fixtures.flipByte(segment, Files.size(segment) / 2);
        return segment;
    }

    /** Checks exit status 3, the one-line message and the records printed before the damage. */
    private static void assertStoppedAtDamage(CliResult result, Path segment) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertOneLineNaming(result.err(), segment);
        assertPrintedPrefix(result.outLines());
    }

    private static void assertOneLineNaming(String err, Path segment) {
        assertThat(err.lines()).hasSize(1);
        assertThat(err).startsWith("lucidmq: ");
        assertThat(err).contains(segment.toString());
        assertThat(err).containsPattern("byte \\d+");
    }

    /** Checks that the output is the records before the damage: some, but not all. */
    private static void assertPrintedPrefix(List<String> lines) {
        assertThat(lines).isNotEmpty();
        assertThat(lines).hasSizeLessThan(RECORDS);
        assertThat(lines).isEqualTo(VALUES.subList(0, lines.size()));
    }
}
