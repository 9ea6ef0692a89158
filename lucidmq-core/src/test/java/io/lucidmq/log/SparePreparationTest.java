package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.PARTITION;
import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.awaitUninterruptibly;
import static io.lucidmq.log.LogTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.io.FileIO;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How much of the next segment's file the spare preparer prepares before a roll: all of it
 * when the previous segment filled fast, only its first chunk, near the end of the active
 * segment, otherwise. An idle fast partition then keeps at most two segments of zeros.
 */
class SparePreparationTest {

    private static final int CHUNK = SegmentWriter.PREALLOCATION_BYTES;
    private static final int SEGMENT_BYTES = 3 * CHUNK;
    private static final LogConfig CONFIG = new LogConfig(SEGMENT_BYTES, 64 * 1024,
            LogConfig.DEFAULT_INDEX_INTERVAL_BYTES, 16);
    private static final int LARGE_SEGMENT_BYTES = 8 * CHUNK;
    private static final LogConfig LARGE = new LogConfig(LARGE_SEGMENT_BYTES, 64 * 1024,
            LogConfig.DEFAULT_INDEX_INTERVAL_BYTES, 16);
    private static final byte[] VALUE = new byte[60 * 1024];

    @TempDir
    Path directory;

    @Test
    void fastPartitionSpareIsWholeSegment() throws Exception {
        try (SegmentWorkers workers = new SegmentWorkers(Thread::new, Thread::new);
                PartitionLog log = PartitionLog.open(directory, PARTITION, CONFIG,
                        FileIO.standard(), false, null, workers)) {
            int appended = 0;
            while (log.segmentCount() < 2) {
                append(log);
                appended++;
            }

            Path spare = directory.resolve(SegmentFiles.SPARE_FILE);
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> sizeOf(spare) == SEGMENT_BYTES);
            assertThat(log.segmentCount()).isEqualTo(2);
            assertThat(readAll(log)).hasSize(appended);
        }
    }

    @Test
    void queuedWholeRequestPreparesAll() throws Exception {
        // The preparer threads start only when the gate opens, so the first segment rolls
        // with its request for the next file's first chunk still queued.
        CountDownLatch gate = new CountDownLatch(1);
        ThreadFactory gated = task -> new Thread(() -> {
            awaitUninterruptibly(gate);
            task.run();
        });
        try (SegmentWorkers workers = new SegmentWorkers(gated, Thread::new);
                PartitionLog log = PartitionLog.open(directory, PARTITION, CONFIG,
                        FileIO.standard(), false, null, workers)) {
            while (log.segmentCount() < 2) {
                append(log);
            }
            gate.countDown();

            Path spare = directory.resolve(SegmentFiles.SPARE_FILE);
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> sizeOf(spare) == SEGMENT_BYTES);
        }
    }

    @Test
    void firstSegmentSpareIsOneChunk() throws Exception {
        try (SegmentWorkers workers = new SegmentWorkers(Thread::new, Thread::new);
                PartitionLog log = PartitionLog.open(directory, PARTITION, CONFIG,
                        FileIO.standard(), false, null, workers)) {
            Path spare = directory.resolve(SegmentFiles.SPARE_FILE);
            while (log.sizeInBytes() + VALUE.length + CHUNK < SEGMENT_BYTES) {
                append(log);
            }
            assertThat(spare).doesNotExist();

            append(log);
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> sizeOf(spare) == CHUNK);
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> sizeOf(spare) == CHUNK);
            assertThat(log.segmentCount()).isEqualTo(1);
        }
    }

    @Test
    void reopenedSegmentRollIsNotFast() throws Exception {
        try (PartitionLog log = PartitionLog.open(directory, PARTITION, CONFIG,
                FileIO.standard(), false)) {
            append(log);
        }
        try (SegmentWorkers workers = new SegmentWorkers(Thread::new, Thread::new);
                PartitionLog log = PartitionLog.open(directory, PARTITION, CONFIG,
                        FileIO.standard(), false, null, workers)) {
            while (log.segmentCount() < 2) {
                append(log);
            }

            Path spare = directory.resolve(SegmentFiles.SPARE_FILE);
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> sizeOf(spare) < SEGMENT_BYTES);
        }
    }

    @Test
    void idleFastPartitionKeepsTwoSegments() throws Exception {
        try (SegmentWorkers workers = new SegmentWorkers(Thread::new, Thread::new);
                PartitionLog log = PartitionLog.open(directory, PARTITION, LARGE,
                        FileIO.standard(), false, null, workers)) {
            while (log.segmentCount() < 3) {
                append(log);
            }
            Path spare = directory.resolve(SegmentFiles.SPARE_FILE);
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> sizeOf(spare) == LARGE_SEGMENT_BYTES);
            // Waits until the background steps stop changing the file sizes.
            AtomicLong previous = new AtomicLong(-1);
            Awaitility.await().pollInterval(Duration.ofMillis(200))
                    .during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(10))
                    .until(() -> {
                        long bytes = directoryBytes();
                        return previous.getAndSet(bytes) == bytes;
                    });

            long zeros = directoryBytes() - log.sizeInBytes();
            // The rest of the active segment, prepared in full as the next file, and the new
            // next file.
            long documented = 2L * LARGE_SEGMENT_BYTES;
            assertThat(zeros).as("bytes held beyond the data, idle after fast rolls")
                    .isLessThanOrEqualTo(documented);
        }
    }

    private long directoryBytes() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".log")
                    || f.toString().endsWith(".tmp")).mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
        }
    }

    private static void append(PartitionLog log) {
        log.append(List.of(ProducerRecord.builder(PARTITION.topic()).value(VALUE).build()),
                TIMESTAMP);
    }

    private static long sizeOf(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : -1;
    }
}
