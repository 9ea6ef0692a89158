package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.PARTITION;
import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.ForwardingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.record.ConsumerRecord;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogConcurrencyTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void readerSeesEveryOffsetWhileWriterRolls() throws Exception {
        int records = 100_000;
        int batchSize = BatchEncoder.encode(List.of(LogTestSupport.record("v" + records)),
                TIMESTAMP, 1024, "test").sizeInBytes();
        LogConfig config = LogTestSupport.config(3 * batchSize, 64);
        // Forces only slow this test down: it checks visibility across rolls, not durability.
        try (PartitionLog log = PartitionLog.open(directory, PARTITION, config,
                new SkipForcesFileIO(), false)) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < records; i++) {
                    log.append(List.of(LogTestSupport.record(String.format("v%06d", i))),
                            TIMESTAMP + i);
                }
            });

            long next = 0;
            while (next < records) {
                List<ConsumerRecord> batch = log.read(next, 500, 64 * 1024);
                for (ConsumerRecord record : batch) {
                    assertThat(record.offset()).isEqualTo(next);
                    assertThat(record.valueAsString()).isEqualTo(String.format("v%06d", next));
                    next++;
                }
                if (batch.isEmpty()) {
                    assertThat(writer.isCompletedExceptionally()).isFalse();
                    Thread.yield();
                }
            }
            writer.get(1, TimeUnit.MINUTES);
            assertThat(log.segmentCount()).isGreaterThanOrEqualTo(records / 3);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void concurrentFlushesShareForces() throws Exception {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        int threads = 8;
        int appendsPerThread = 200;
        try (PartitionLog log = PartitionLog.open(directory, PARTITION,
                LogTestSupport.config(16 * 1024 * 1024), fileIO, false)) {
            long forcesBefore = fileIO.count(Operation.FORCE);
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < appendsPerThread; i++) {
                        long offset = log.append(List.of(LogTestSupport.record("x")), TIMESTAMP);
                        log.flushUpTo(offset + 1);
                        assertThat(log.flushedOffset()).isGreaterThan(offset);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            executor.shutdown();

            long forces = fileIO.count(Operation.FORCE) - forcesBefore;
            assertThat(log.endOffset()).isEqualTo(threads * appendsPerThread);
            assertThat(log.flushedOffset()).isEqualTo(log.endOffset());
            assertThat(forces).isGreaterThan(0).isLessThan(threads * appendsPerThread);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void readerRacingRetentionFinishesOrGetsOutOfRange() throws Exception {
        int batchSize = BatchEncoder.encode(List.of(LogTestSupport.record("v00000")),
                TIMESTAMP, 1024, "test").sizeInBytes();
        LogConfig config = LogTestSupport.config(2 * batchSize, 64);
        try (PartitionLog log = PartitionLog.open(directory, PARTITION, config,
                new SkipForcesFileIO(), false)) {
            for (int i = 0; i < 2000; i++) {
                log.append(List.of(LogTestSupport.record(String.format("v%05d", i))), TIMESTAMP);
            }
            CompletableFuture<Integer> retention = CompletableFuture.supplyAsync(() -> {
                int deleted = 0;
                while (log.segmentCount() > 1) {
                    deleted += log.applyRetention(log.sizeInBytes() - batchSize, -1, TIMESTAMP);
                }
                return deleted;
            });

            while (!retention.isDone()) {
                try {
                    long start = log.startOffset();
                    for (ConsumerRecord record : log.read(start, 50, 1 << 20)) {
                        assertThat(record.valueAsString())
                                .isEqualTo(String.format("v%05d", record.offset()));
                    }
                } catch (io.lucidmq.OffsetOutOfRangeException e) {
                    assertThat(e).hasMessageContaining("valid offsets are");
                }
            }
            assertThat(retention.get()).isEqualTo(999);
            assertThat(LogTestSupport.values(log.read(log.startOffset(), 10, 1 << 20)))
                    .containsExactly("v01998", "v01999");
        }
    }

    /** Passes every operation to the standard file I/O except forces, which it skips. */
    private static final class SkipForcesFileIO extends ForwardingFileIO {
        @Override
        public void forceDirectory(Path directory) {
        }

        @Override
        public void force(FileChannel channel, boolean metaData) {
        }

        @Override
        public void force(MappedByteBuffer mapping, int index, int length) {
        }
    }
}
