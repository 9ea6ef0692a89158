package io.lucidmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyDumpTest {

    private static final Instant TIME = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path directory;

    private TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(directory);
        Fixtures.createTopic(directory, "orders", 1);
        Fixtures.send(directory,
                ProducerRecord.builder("orders").partition(0).key("k1").value("v1")
                        .header("h", "x").timestamp(TIME.toEpochMilli()).build(),
                ProducerRecord.builder("orders").partition(0).value(new byte[] {0, (byte) 0xFF})
                        .timestamp(TIME.toEpochMilli()).build());
    }

    @Test
    void verifySoundDirectoryExitsZero() {
        CliResult result = cli.run("verify");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("no problems found in " + directory);
    }

    @Test
    void verifyBesideRunningWriterExitsZero() {
        try (LucidMQ writer = LucidMQ.open(directory);
                Producer producer = writer.producer()) {
            producer.send(ProducerRecord.of("orders", "while open"));

            CliResult result = cli.run("verify");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        }
    }

    @Test
    void verifyCorruptSegmentNamesFileAndPosition() throws IOException {
        Path segment = onlySegment();
        Fixtures.flipByte(segment, Files.size(segment) - 2);

        CliResult result = cli.run("verify");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).containsPattern(
                "(?m)^" + Pattern.quote(segment.toString()) + " at byte \\d+: ");
        assertThat(result.outLines()).last().asString().endsWith("found in " + directory);
    }

    @Test
    void verifyMissingDirectoryFails() {
        CliResult result = new TestCli(directory.resolve("absent")).run("verify");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("directory " + directory.resolve("absent")
                + " not found");
    }

    @Test
    void dumpPrintsBatchesAndRecords() {
        Path segment = onlySegment();

        CliResult result = cli.run("dump", segment.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).containsPattern("(?m)^batch at byte 0: offsets 0 to 0, \\d+ "
                + "bytes, timestamps 2024-05-01T12:00:00Z to 2024-05-01T12:00:00Z, checksum "
                + "valid$");
        assertThat(result.outLines()).contains(
                "  offset 0 at 2024-05-01T12:00:00Z key \"k1\" value \"v1\" headers [h=\"x\"]",
                "  offset 1 at 2024-05-01T12:00:00Z key null value base64:AP8= headers []");
        assertThat(result.outLines()).last().isEqualTo(segment + " is sound");
    }

    @Test
    void dumpResolvesFileAgainstDirectory() {
        Path relative = directory.relativize(onlySegment());

        CliResult result = cli.run("dump", relative.toString(), "--batches-only");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).contains("batch at byte 0: offsets 0 to 0");
        assertThat(result.out()).doesNotContain("  offset 0");
    }

    @Test
    void dumpCorruptSegmentExitsThree() throws IOException {
        Path segment = onlySegment();
        Fixtures.flipByte(segment, Files.size(segment) - 2);

        CliResult result = cli.run("dump", segment.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.outLines()).last().isEqualTo(segment + " is damaged");
    }

    @Test
    void dumpMissingFileFails() {
        CliResult result = cli.run("dump", "nope.log");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("segment file nope.log not found");
    }

    private Path onlySegment() {
        List<Path> segments = Fixtures.segmentFiles(directory, "orders", 0);
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }
}
