package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.OffsetOutOfRangeException;
import io.lucidmq.TopicPartition;
import io.lucidmq.io.FileIO;
import io.lucidmq.log.LogConfig;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention deletes the segment a reader of the same JVM is reading: the reader finishes it
 * or gets an {@link OffsetOutOfRangeException} naming the new start offset, never another
 * error.
 */
class RetentionReaderTest {

    private static final TopicPartition PARTITION = new TopicPartition("retained", 0);
    private static final LogConfig CONFIG = new LogConfig(1024, 512, 64, 16);
    private static final long TIMESTAMP = 1_900_000_000_000L;

    @TempDir
    Path directory;

    private PartitionLog open() {
        return PartitionLog.open(directory, PARTITION, CONFIG, FileIO.standard(), false);
    }

    private static void append(PartitionLog log, long index) {
        log.append(List.of(ProducerRecord.builder(PARTITION.topic()).key("k" + index)
                .value("value-" + index + "-" + "x".repeat(100)).build()), TIMESTAMP);
    }

    @Test
    void readInDeletedSegmentReportsNewStart() {
        try (PartitionLog log = open()) {
            for (int i = 0; i < 30; i++) {
                append(log, i);
            }
            List<ConsumerRecord> first = log.read(0, 1, 1);
            assertThat(first).singleElement().extracting(ConsumerRecord::keyAsString)
                    .isEqualTo("k0");

            log.applyRetention(2048, -1, TIMESTAMP);
            long start = log.startOffset();

            assertThat(start).isGreaterThan(1);
            assertThatThrownBy(() -> log.read(1, 10, 1 << 20))
                    .isInstanceOf(OffsetOutOfRangeException.class)
                    .hasMessageContaining("valid offsets are " + start + " to " + log.endOffset());
            assertThat(log.read(start, 1, 1)).singleElement()
                    .extracting(ConsumerRecord::keyAsString).isEqualTo("k" + start);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void concurrentRetentionNeverBreaksReader() throws Exception {
        try (PartitionLog log = open()) {
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong outOfRange = new AtomicLong();
            AtomicLong recordsRead = new AtomicLong();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    long offset = log.startOffset();
                    while (offset < log.endOffset()) {
                        try {
                            for (ConsumerRecord record : log.read(offset, 3, 1 << 20)) {
                                assertThat(record.keyAsString()).isEqualTo("k" + record.offset());
                                offset = record.offset() + 1;
                                recordsRead.incrementAndGet();
                            }
                        } catch (OffsetOutOfRangeException e) {
                            assertThat(e.getMessage()).contains("valid offsets are");
                            outOfRange.incrementAndGet();
                            offset = log.startOffset();
                        }
                    }
                }
            });
            for (int i = 0; i < 6_000; i++) {
                append(log, i);
                if (i % 50 == 0) {
                    log.applyRetention(4096, -1, TIMESTAMP);
                }
            }
            writing.set(false);
            reader.get(1, TimeUnit.MINUTES);

            assertThat(recordsRead.get()).isPositive();
            assertThat(log.startOffset()).isPositive();
        }
    }
}
