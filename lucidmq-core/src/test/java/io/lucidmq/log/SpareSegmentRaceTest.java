package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.PARTITION;
import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.io.FileIO;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rolls 4 KiB segments as fast as one thread appends, with the preparer creating the next
 * segment's file in the background. Every segment file must contain its own batches: a
 * spare file prepared while a roll renames the previous spare must not be the renamed file.
 * NOTE: this test also passed before rolls renamed the spare under the spare lock. That race
 * showed only with a reader beside the writer, in {@link ReadOnlyListingRaceTest}.
 */
class SpareSegmentRaceTest {

    private static final LogConfig SMALL_SEGMENTS = LogTestSupport.config(4096);

    @TempDir
    Path directory;

    @Test
    void fastRollsKeepEverySegmentsBatches() throws Exception {
        int count = 0;
        try (SegmentWorkers workers = new SegmentWorkers(Thread::new, Thread::new);
                PartitionLog log = PartitionLog.open(directory, PARTITION, SMALL_SEGMENTS,
                        FileIO.standard(), false, null, workers)) {
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < deadline) {
                log.append(List.of(record(count)), TIMESTAMP);
                count++;
            }
        }

        assertThat(PartitionVerifier.verifyPartition(directory)).isEmpty();
        try (PartitionLog log = LogTestSupport.open(directory, SMALL_SEGMENTS)) {
            List<ConsumerRecord> records = readAll(log);
            assertThat(records).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(records.get(i).offset()).isEqualTo(i);
                assertThat(records.get(i).valueAsString()).startsWith(i + ":");
            }
        }
    }

    private static ProducerRecord record(int sequence) {
        String value = sequence + ":" + "v".repeat(600);
        return ProducerRecord.builder(PARTITION.topic())
                .value(value.getBytes(StandardCharsets.UTF_8)).build();
    }
}
