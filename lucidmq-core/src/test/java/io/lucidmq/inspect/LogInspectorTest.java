package io.lucidmq.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.io.FileIO;
import io.lucidmq.log.LogConfig;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.log.SegmentFiles;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogInspectorTest {

    private static final LogConfig CONFIG = new LogConfig(1024, 512, 128, 16);

    @TempDir
    Path root;

    private Path partition() {
        return root.resolve("topics").resolve("orders").resolve("0");
    }

    private void writeRecords(boolean close) {
        PartitionLog log = PartitionLog.open(partition(), new TopicPartition("orders", 0),
                CONFIG, FileIO.standard(), false);
        for (int i = 0; i < 60; i++) {
            log.append(List.of(ProducerRecord.builder("orders").key("k" + i).value("value-" + i)
                    .header("h", "x").build()), 1000L + i);
        }
        if (close) {
            log.close();
        }
    }

    @Test
    void soundDirectoryHasNoProblems() {
        writeRecords(true);

        assertThat(LogInspector.verify(root)).isEmpty();
        assertThat(LogInspector.verify(partition())).isEmpty();
    }

    @Test
    void openLogWithPreallocatedTailHasNoProblems() {
        writeRecords(false);

        assertThat(LogInspector.verify(root)).isEmpty();
    }

    @Test
    void flippedByteIsReportedWithFileAndPosition() throws IOException {
        writeRecords(true);
        Path segment = SegmentFiles.logFile(partition(), 0);
        List<BatchSummary> batches = new ArrayList<>();
        LogInspector.dump(segment, batches::add);
        BatchSummary second = batches.get(1);
        flipByte(segment, second.position() + second.sizeInBytes() - 12);

        List<Problem> problems = LogInspector.verify(root);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(segment.toAbsolutePath());
            assertThat(problem.position()).isEqualTo(second.position());
            assertThat(problem.description()).contains("CRC32C");
            assertThat(problem.toString()).contains("at byte " + second.position());
        });
    }

    @Test
    void zeroedMiddleSegmentStartIsReported() throws IOException {
        writeRecords(true);
        List<Long> baseOffsets = SegmentFiles.listBaseOffsets(partition());
        assertThat(baseOffsets).hasSizeGreaterThan(2);
        Path middle = SegmentFiles.logFile(partition(), baseOffsets.get(1));
        try (FileChannel channel = FileChannel.open(middle, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(64), 0);
        }

        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> LogInspector.verify(root));

        assertThat(problems).isNotEmpty();
        assertThat(problems).anySatisfy(problem ->
                assertThat(problem.file()).isEqualTo(middle.toAbsolutePath()));
    }

    @Test
    void emptySegmentInsideEarlierRangeIsReported() throws IOException {
        writeRecords(true);
        List<Long> baseOffsets = SegmentFiles.listBaseOffsets(partition());
        long inside = baseOffsets.get(1) + 1;
        Path empty = Files.createFile(SegmentFiles.logFile(partition(), inside));

        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> LogInspector.verify(root));

        assertThat(problems).anySatisfy(problem ->
                assertThat(problem.file()).isEqualTo(empty.toAbsolutePath()));
        assertThat(problems).noneSatisfy(problem ->
                assertThat(problem.description()).contains("are missing"));
    }

    @Test
    void zeroedMiddleSegmentIsNamed() throws IOException {
        writeRecords(true);
        List<Long> baseOffsets = SegmentFiles.listBaseOffsets(partition());
        Path middle = SegmentFiles.logFile(partition(), baseOffsets.get(1));
        Files.write(middle, new byte[(int) Files.size(middle)]);

        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> LogInspector.verify(root));

        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(middle.toAbsolutePath());
            assertThat(problem.description()).contains("contains no batch");
        });
    }

    @Test
    void wrongIndexEntryIsReported() throws IOException {
        writeRecords(true);
        Path index = SegmentFiles.indexFile(partition(), 0);
        byte[] bytes = Files.readAllBytes(index);
        assertThat(bytes.length).isGreaterThanOrEqualTo(16);
        ByteBuffer.wrap(bytes).putInt(12, ByteBuffer.wrap(bytes).getInt(12) + 8);
        Files.write(index, bytes);

        assertThat(LogInspector.verify(root)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(index.toAbsolutePath());
            assertThat(problem.position()).isEqualTo(8);
        });
    }

    @Test
    void dumpReturnsRecordsOfEachBatch() {
        writeRecords(true);
        List<BatchSummary> batches = new ArrayList<>();

        long end = LogInspector.dump(SegmentFiles.logFile(partition(), 0), batches::add);

        assertThat(batches).isNotEmpty().allSatisfy(batch -> {
            assertThat(batch.checksumValid()).isTrue();
            assertThat(batch.records()).hasSize(1);
        });
        BatchSummary first = batches.get(0);
        assertThat(first.baseOffset()).isZero();
        assertThat(first.records().get(0).valueAsString()).isEqualTo("value-0");
        assertThat(first.records().get(0).topic()).isEqualTo("orders");
        BatchSummary last = batches.get(batches.size() - 1);
        assertThat(end).isEqualTo(last.position() + last.sizeInBytes());
    }

    @Test
    void damagedTopicMetadataIsReported() throws IOException {
        Path metadata;
        try (LucidMQ mq = LucidMQ.open(root)) {
            mq.createTopic("payments");
            metadata = root.resolve("topics").resolve("payments").resolve("topic.meta");
        }
        flipByte(metadata, 20);

        List<Problem> problems = LogInspector.verify(root);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(metadata.toAbsolutePath());
            assertThat(problem.position()).isEqualTo(-1);
        });
    }

    @Test
    void damagedGroupOffsetsAreReported() throws IOException {
        try (LucidMQ mq = LucidMQ.open(root)) {
            mq.createTopic("payments");
            mq.producer().send(ProducerRecord.of("payments", "one"));
            mq.resetGroupOffsets("billing", Map.of(new TopicPartition("payments", 0), 1L));
        }
        Path offsets = root.resolve("groups").resolve("billing").resolve("offsets");
        Files.write(offsets, new byte[0]);

        List<Problem> problems = LogInspector.verify(root);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(offsets.toAbsolutePath());
            assertThat(problem.position()).isEqualTo(-1);
        });
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x01)).position(0);
            channel.write(one, position);
        }
    }
}
