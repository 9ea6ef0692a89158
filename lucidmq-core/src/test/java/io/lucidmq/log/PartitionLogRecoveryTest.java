package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.appendValues;
import static io.lucidmq.log.LogTestSupport.batchPositions;
import static io.lucidmq.log.LogTestSupport.crashCopy;
import static io.lucidmq.log.LogTestSupport.logFile;
import static io.lucidmq.log.LogTestSupport.open;
import static io.lucidmq.log.LogTestSupport.readAll;
import static io.lucidmq.log.LogTestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogRecoveryTest {

    private static final LogConfig CONFIG = LogTestSupport.config(64 * 1024, 64);

    @TempDir
    Path temp;

    /** Writes batches "a", "b" and a 3-record batch "c1".."c3", and returns a crash copy. */
    private Path crashedLog() {
        Path directory = temp.resolve("live");
        PartitionLog log = open(directory, CONFIG);
        appendValues(log, "a", "b");
        log.append(List.of(LogTestSupport.record("c1"), LogTestSupport.record("c2"),
                LogTestSupport.record("c3")), TIMESTAMP);
        Path copy = crashCopy(directory, temp.resolve("crashed"));
        log.close();
        return copy;
    }

    private static void assertRecoveredTo(Path directory, List<String> expected) {
        try (PartitionLog log = open(directory, CONFIG)) {
            assertThat(values(readAll(log))).containsExactlyElementsOf(expected);
            assertThat(log.endOffset()).isEqualTo(expected.size());
            assertThat(log.append(List.of(LogTestSupport.record("next")), TIMESTAMP))
                    .isEqualTo(expected.size());
        }
        try (PartitionLog log = open(directory, CONFIG)) {
            assertThat(values(readAll(log))).endsWith("next").hasSize(expected.size() + 1);
        }
    }

    @Test
    void crashedLogKeepsEveryRecord() {
        assertRecoveredTo(crashedLog(), List.of("a", "b", "c1", "c2", "c3"));
    }

    @Test
    void truncationAtEveryByteOfLastBatchRecoversPrefix() throws IOException {
        Path crashed = crashedLog();
        List<Integer> positions = batchPositions(logFile(crashed, 0));
        int lastStart = positions.get(2);
        long lastEnd = LogTestSupport.validEnd(logFile(crashed, 0));

        for (long cut = lastStart; cut < lastEnd; cut++) {
            Path directory = crashCopy(crashed, temp.resolve("cut-" + cut));
            LogTestSupport.truncate(logFile(directory, 0), cut);

            assertRecoveredTo(directory, List.of("a", "b"));
        }
    }

    @Test
    void zeroFilledTailRecoversPrefix() throws IOException {
        Path directory = crashedLog();
        Path file = logFile(directory, 0);
        int lastStart = batchPositions(file).get(2);
        LogTestSupport.truncate(file, lastStart);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4096), lastStart);
        }

        assertRecoveredTo(directory, List.of("a", "b"));
    }

    @Test
    void flippedValueByteCutsItsBatch() {
        Path directory = crashedLog();
        Path file = logFile(directory, 0);
        int lastStart = batchPositions(file).get(2);
        long end = LogTestSupport.validEnd(file);
        LogTestSupport.flipByte(file, end - 10);

        assertRecoveredTo(directory, List.of("a", "b"));
    }

    @Test
    void flippedKeyByteCutsItsBatchAndLaterOnes() throws IOException {
        Path directory = crashedLog();
        Path file = logFile(directory, 0);
        int secondStart = batchPositions(file).get(1);
        int keyPosition = secondStart + BatchDescriptor.HEADER_LENGTH
                + BatchDescriptor.RECORD_KEY_OFFSET;
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[keyPosition]).isEqualTo((byte) 'k');
        LogTestSupport.flipByte(file, keyPosition);

        assertRecoveredTo(directory, List.of("a"));
    }

    @Test
    void cutOffEndThenCrashKeepsAcknowledgedRecords() {
        Path directory = temp.resolve("log");
        try (PartitionLog log = open(directory, CONFIG)) {
            appendValues(log, "r0", "r1", "r2");
        }
        Path file = logFile(directory, 0);
        LogTestSupport.truncate(file, LogTestSupport.validEnd(file) - 7);

        Path crashed;
        try (PartitionLog log = open(directory, CONFIG)) {
            assertThat(values(readAll(log))).containsExactly("r0", "r1");
            assertThat(log.endOffset()).isEqualTo(2);
            assertThat(appendValues(log, "r2b", "r3")).isEqualTo(2);
            crashed = crashCopy(directory, temp.resolve("crashed"));
        }

        try (PartitionLog log = open(crashed, CONFIG)) {
            assertThat(values(readAll(log))).containsExactly("r0", "r1", "r2b", "r3");
            assertThat(readAll(log)).extracting(r -> r.offset()).containsExactly(0L, 1L, 2L, 3L);
        }
    }

    @Test
    void deletedIndexIsRebuilt() throws IOException {
        for (boolean clean : new boolean[] {true, false}) {
            Path directory = temp.resolve("deleted-" + clean);
            Path reopened = writeManySegments(directory, clean);
            for (long base : SegmentFiles.listBaseOffsets(reopened)) {
                Files.deleteIfExists(SegmentFiles.indexFile(reopened, base));
                Files.deleteIfExists(SegmentFiles.timeIndexFile(reopened, base));
            }

            assertManyRecords(reopened);
            assertThat(SegmentFiles.indexFile(reopened, 0)).exists();
        }
    }

    @Test
    void corruptIndexIsRebuilt() throws IOException {
        for (boolean clean : new boolean[] {true, false}) {
            Path directory = temp.resolve("corrupt-" + clean);
            Path reopened = writeManySegments(directory, clean);
            for (long base : SegmentFiles.listBaseOffsets(reopened)) {
                Path index = SegmentFiles.indexFile(reopened, base);
                Files.write(index, new byte[] {0, 0, 0, 9, 0, 0, 0, 64, 0, 0, 0, 3, 0, 0, 0, 8});
                Files.write(SegmentFiles.timeIndexFile(reopened, base), new byte[5]);
            }

            assertManyRecords(reopened);
        }
    }

    /** Writes 200 records over several segments, closed cleanly or left as a crash copy. */
    private Path writeManySegments(Path directory, boolean clean) {
        PartitionLog log = open(directory, LogTestSupport.config(4096, 64));
        for (int i = 0; i < 200; i++) {
            log.append(List.of(LogTestSupport.record("v" + i)), TIMESTAMP + i);
        }
        if (clean) {
            log.close();
            return directory;
        }
        Path copy = crashCopy(directory, directory.resolveSibling(directory.getFileName()
                + "-crash"));
        log.close();
        return copy;
    }

    private static void assertManyRecords(Path directory) {
        try (PartitionLog log = open(directory, LogTestSupport.config(4096, 64))) {
            assertThat(log.segmentCount()).isGreaterThan(2);
            for (int i = 0; i < 200; i += 7) {
                assertThat(log.read(i, 1, 1).get(0).valueAsString()).isEqualTo("v" + i);
                assertThat(log.offsetForTimestamp(TIMESTAMP + i)).hasValue(i);
            }
            assertThat(log.append(List.of(LogTestSupport.record("next")), TIMESTAMP))
                    .isEqualTo(200);
        }
    }

    @Test
    void exactlyFullSegmentContinuesInNextSegment() throws IOException {
        int batchSize = BatchEncoder.encode(List.of(LogTestSupport.record("v0")), TIMESTAMP,
                1024, "test").sizeInBytes();
        LogConfig config = LogTestSupport.config(4 * batchSize);
        for (String variant : List.of("none", "empty", "emptyNoIndex", "zeros", "crash")) {
            Path directory = temp.resolve("full-" + variant);
            try (PartitionLog log = open(directory, config)) {
                appendValues(log, "v0", "v1", "v2", "v3");
                assertThat(log.segmentCount()).isEqualTo(1);
                assertThat(log.sizeInBytes()).isEqualTo(4L * batchSize);
            }
            prepareNextSegment(directory, variant);

            try (PartitionLog log = open(directory, config)) {
                assertThat(log.endOffset()).as(variant).isEqualTo(4);
                assertThat(appendValues(log, "v4")).as(variant).isEqualTo(4);
                assertThat(log.segmentCount()).as(variant).isEqualTo(2);
            }
            try (PartitionLog log = open(directory, config)) {
                assertThat(values(readAll(log))).as(variant)
                        .containsExactly("v0", "v1", "v2", "v3", "v4");
            }
        }
    }

    private static void prepareNextSegment(Path directory, String variant) throws IOException {
        Path next = logFile(directory, 4);
        switch (variant) {
            case "empty" -> {
                Files.createFile(next);
                Files.createFile(SegmentFiles.indexFile(directory, 4));
                Files.createFile(SegmentFiles.timeIndexFile(directory, 4));
            }
            case "emptyNoIndex" -> Files.createFile(next);
            case "zeros" -> Files.write(next, new byte[1024]);
            case "crash" -> Files.delete(directory.resolve(SegmentFiles.CLEAN_SHUTDOWN_FILE));
            default -> {
            }
        }
    }

    @Test
    void hugeLengthInTailAllocatesNothing() throws IOException {
        Path directory = crashedLog();
        Path file = logFile(directory, 0);
        long end = LogTestSupport.validEnd(file);
        ByteBuffer header = ByteBuffer.allocate(BatchDescriptor.HEADER_LENGTH);
        header.putLong(0, 5).putInt(BatchDescriptor.BATCH_LENGTH_OFFSET, 0x7FFF_FFF8)
                .put(BatchDescriptor.MAGIC_OFFSET, BatchDescriptor.MAGIC)
                .putInt(BatchDescriptor.RECORD_COUNT_OFFSET, 1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(header, end);
        }

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try (PartitionLog log = open(directory, CONFIG)) {
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(allocated).isLessThan(16L * 1024 * 1024);
            assertThat(log.endOffset()).isEqualTo(5);
        }
        assertRecoveredTo(directory, List.of("a", "b", "c1", "c2", "c3"));
    }

    @Test
    void largeBatchAloneExceedsSegmentSize() {
        LogConfig config = new LogConfig(1024, 1024, 4096, 16);
        Path directory = temp.resolve("large");
        try (PartitionLog log = open(directory, config)) {
            appendValues(log, "small");
            List<ProducerRecord> batch = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> ProducerRecord.of("orders", new byte[900])).toList();
            assertThat(log.append(batch, TIMESTAMP)).isEqualTo(1);
            assertThat(appendValues(log, "after")).isEqualTo(5);
            assertThat(log.segmentCount()).isEqualTo(3);
        }
        try (PartitionLog log = open(directory, config)) {
            assertThat(readAll(log)).hasSize(6);
        }
    }
}
