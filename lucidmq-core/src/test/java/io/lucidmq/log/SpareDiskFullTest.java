package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.PARTITION;
import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.io.FileIO;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills while the whole next segment of a fast partition is being prepared. The
 * append that needs space no thread could claim fails with the disk's error, and every record
 * acknowledged before it comes back after a reopen.
 */
class SpareDiskFullTest {

    private static final int SEGMENT_BYTES = 4 * SegmentWriter.PREALLOCATION_BYTES;
    private static final LogConfig CONFIG = new LogConfig(SEGMENT_BYTES, 64 * 1024,
            LogConfig.DEFAULT_INDEX_INTERVAL_BYTES, 16);

    @TempDir
    Path directory;

    @Test
    void fullDiskFailsNeedingAppend() throws Exception {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        int acked = 0;
        Throwable failure = null;
        try (SegmentWorkers workers = new SegmentWorkers(Thread::new, Thread::new);
                PartitionLog log = PartitionLog.open(directory, PARTITION, CONFIG, fileIO,
                        false, null, workers)) {
            while (log.segmentCount() < 2) {
                log.append(List.of(record(acked)), TIMESTAMP);
                acked++;
            }
            fileIO.failFrom(Operation.WRITE, 3);
            try {
                for (int i = 0; i < 2000; i++) {
                    log.append(List.of(record(acked)), TIMESTAMP);
                    acked++;
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            fileIO.clearFaults();
        } catch (RuntimeException closeFailure) {
            // A failed log may fail its clean close; the reopen recovers.
        }
        assertThat(failure).as("an append fails with the disk's error").isNotNull()
                .hasMessageContaining(FaultInjectingFileIO.NO_SPACE);
        try (PartitionLog log = PartitionLog.open(directory, PARTITION, CONFIG,
                FileIO.standard(), false)) {
            List<ConsumerRecord> records = readAll(log);
            assertThat(records.size()).isGreaterThanOrEqualTo(acked);
            for (int i = 0; i < acked; i++) {
                assertThat(records.get(i).valueAsString()).startsWith(i + ":");
            }
        }
        // The seal's index writes failed too; the reopen above rebuilt them.
        assertThat(PartitionVerifier.verifyPartition(directory)).isEmpty();
    }

    private static ProducerRecord record(int sequence) {
        String value = sequence + ":" + "v".repeat(60 * 1024);
        return ProducerRecord.builder(PARTITION.topic())
                .value(value.getBytes(StandardCharsets.UTF_8)).build();
    }
}
