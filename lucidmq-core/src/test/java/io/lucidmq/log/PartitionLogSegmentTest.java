package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.appendValues;
import static io.lucidmq.log.LogTestSupport.open;
import static io.lucidmq.log.LogTestSupport.readAll;
import static io.lucidmq.log.LogTestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.OffsetOutOfRangeException;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogSegmentTest {

    @TempDir
    Path directory;

    private static int batchSize(String value) {
        return BatchEncoder.encode(List.of(LogTestSupport.record(value)), TIMESTAMP, 1024, "test")
                .sizeInBytes();
    }

    @Test
    void rollHappensExactlyAtSizeLimit() throws IOException {
        int batchSize = batchSize("v0");
        LogConfig config = LogTestSupport.config(3 * batchSize);
        try (PartitionLog log = open(directory, config)) {
            appendValues(log, "v0", "v1", "v2");
            assertThat(log.segmentCount()).isEqualTo(1);

            appendValues(log, "v3");

            assertThat(log.segmentCount()).isEqualTo(2);
            assertThat(Files.size(LogTestSupport.logFile(directory, 0)))
                    .isEqualTo(3L * batchSize);
            assertThat(LogTestSupport.logFile(directory, 3)).exists();
            assertThat(SegmentFiles.indexFile(directory, 0)).exists();
            assertThat(SegmentFiles.timeIndexFile(directory, 0)).exists();
            assertThat(log.flushedOffset()).isEqualTo(3);
        }
    }

    @Test
    void seekByOffsetAndTimestampAcrossSegments() {
        LogConfig config = LogTestSupport.config(1024, 128);
        try (PartitionLog log = open(directory, config)) {
            for (int i = 0; i < 300; i++) {
                log.append(List.of(LogTestSupport.record("v" + i)), TIMESTAMP + 10L * i);
            }
            assertThat(log.segmentCount()).isGreaterThan(10);

            for (int i = 0; i < 300; i += 13) {
                assertThat(log.read(i, 1, 1).get(0).valueAsString()).isEqualTo("v" + i);
                assertThat(log.offsetForTimestamp(TIMESTAMP + 10L * i)).hasValue(i);
                assertThat(log.offsetForTimestamp(TIMESTAMP + 10L * i - 5)).hasValue(i);
            }
            assertThat(log.offsetForTimestamp(0)).hasValue(0);
            assertThat(log.offsetForTimestamp(TIMESTAMP + 10L * 300)).isEmpty();
            assertThat(values(log.read(5, 1000, 1 << 20))).hasSize(295).startsWith("v5");
        }
    }

    @Test
    void timestampSearchHandlesOutOfOrderTimestamps() {
        try (PartitionLog log = open(directory, LogTestSupport.config(1024, 64))) {
            long[] timestamps = {100, 50, 300, 200, 250, 400, 150};
            for (long timestamp : timestamps) {
                log.append(List.of(ProducerRecord.builder("orders").value("t" + timestamp)
                        .timestamp(timestamp).build()), TIMESTAMP);
            }

            assertThat(log.offsetForTimestamp(60)).hasValue(0);
            assertThat(log.offsetForTimestamp(120)).hasValue(2);
            assertThat(log.offsetForTimestamp(260)).hasValue(2);
            assertThat(log.offsetForTimestamp(350)).hasValue(5);
            assertThat(log.offsetForTimestamp(401)).isEmpty();
        }
    }

    @Test
    void retentionByBytesKeepsActiveSegment() {
        int batchSize = batchSize("v0");
        try (PartitionLog log = open(directory, LogTestSupport.config(2 * batchSize))) {
            appendValues(log, "v0", "v1", "v2", "v3", "v4", "v5", "v6");
            assertThat(log.segmentCount()).isEqualTo(4);

            assertThat(log.applyRetention(3L * batchSize, -1, TIMESTAMP)).isEqualTo(2);

            assertThat(log.startOffset()).isEqualTo(4);
            assertThat(log.sizeInBytes()).isEqualTo(3L * batchSize);
            assertThat(LogTestSupport.logFile(directory, 0)).doesNotExist();
            assertThat(SegmentFiles.indexFile(directory, 0)).doesNotExist();
            assertThat(values(readAll(log))).containsExactly("v4", "v5", "v6");
            assertThatThrownBy(() -> log.read(1, 1, 1))
                    .isInstanceOf(OffsetOutOfRangeException.class)
                    .hasMessageContaining("valid offsets are 4 to 7");

            assertThat(log.applyRetention(0, -1, TIMESTAMP)).isEqualTo(1);
            assertThat(log.segmentCount()).isEqualTo(1);
            assertThat(log.applyRetention(0, -1, TIMESTAMP)).isZero();
            assertThat(values(readAll(log))).containsExactly("v6");
        }
        try (PartitionLog log = open(directory, LogTestSupport.config(2 * batchSize))) {
            assertThat(log.startOffset()).isEqualTo(6);
            assertThat(values(readAll(log))).containsExactly("v6");
        }
    }

    @Test
    void retentionByAgeDeletesOnlyExpiredSealedSegments() {
        int batchSize = batchSize("v0");
        try (PartitionLog log = open(directory, LogTestSupport.config(2 * batchSize))) {
            for (int i = 0; i < 6; i++) {
                log.append(List.of(LogTestSupport.record("v" + i)), 1000L * i);
            }
            assertThat(log.segmentCount()).isEqualTo(3);

            assertThat(log.applyRetention(-1, 2500, 4000)).isEqualTo(1);
            assertThat(log.startOffset()).isEqualTo(2);

            assertThat(log.applyRetention(-1, 1, 1_000_000)).isEqualTo(1);
            assertThat(log.startOffset()).isEqualTo(4);
            assertThat(log.segmentCount()).isEqualTo(1);
        }
    }

    @Test
    void damageInSealedSegmentRaisesCorruptRecord() {
        int batchSize = batchSize("v0");
        LogConfig config = LogTestSupport.config(3 * batchSize);
        try (PartitionLog log = open(directory, config)) {
            appendValues(log, "v0", "v1", "v2", "v3", "v4");
        }
        Path sealed = LogTestSupport.logFile(directory, 0);
        long damaged = batchSize + BatchDescriptor.HEADER_LENGTH + 20;
        LogTestSupport.flipByte(sealed, damaged);

        try (PartitionLog log = open(directory, config)) {
            assertThat(log.read(0, 1, 1)).hasSize(1);
            assertThatThrownBy(() -> log.read(1, 10, 1 << 20))
                    .isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining(sealed.toAbsolutePath().toString())
                    .hasMessageContaining("byte " + batchSize);
            assertThat(values(log.read(0, 10, 1 << 20))).containsExactly("v0");
            assertThat(values(log.read(3, 10, 1 << 20))).containsExactly("v3", "v4");
        }
    }

    @Test
    void deleteRemovesDirectory() {
        PartitionLog log = open(directory.resolve("p"), LogTestSupport.config(1024));
        appendValues(log, "a", "b");

        log.delete();

        assertThat(directory.resolve("p")).doesNotExist();
        assertThatThrownBy(() -> log.read(0, 1, 1)).isInstanceOf(IllegalStateException.class);
    }
}
