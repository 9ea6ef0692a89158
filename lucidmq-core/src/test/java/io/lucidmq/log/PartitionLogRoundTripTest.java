package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.PARTITION;
import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.open;
import static io.lucidmq.log.LogTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.OffsetOutOfRangeException;
import io.lucidmq.RecordTooLargeException;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.Header;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogRoundTripTest {

    @TempDir
    Path directory;

    @Test
    void reopenReturnsEveryField() {
        List<ProducerRecord> records = List.of(
                ProducerRecord.builder("orders").key("a").value("one")
                        .header("trace", "t1").header("trace", "t2").header("empty", (byte[]) null)
                        .timestamp(42L).build(),
                ProducerRecord.builder("orders").key(new byte[0]).value((byte[]) null).build(),
                ProducerRecord.builder("orders").key((byte[]) null).value(new byte[0]).build(),
                ProducerRecord.builder("orders").value(new byte[] {0, 1, 2, (byte) 255}).build());
        try (PartitionLog log = open(directory, LogTestSupport.config(64 * 1024))) {
            assertThat(log.append(records, TIMESTAMP)).isZero();
        }

        try (PartitionLog log = open(directory, LogTestSupport.config(64 * 1024))) {
            List<ConsumerRecord> read = readAll(log);

            assertThat(read).hasSize(4);
            ConsumerRecord first = read.get(0);
            assertThat(first.offset()).isZero();
            assertThat(first.topic()).isEqualTo(PARTITION.topic());
            assertThat(first.timestamp()).isEqualTo(42L);
            assertThat(first.keyAsString()).isEqualTo("a");
            assertThat(first.valueAsString()).isEqualTo("one");
            assertThat(first.headers()).containsExactly(Header.of("trace", "t1"),
                    Header.of("trace", "t2"), Header.of("empty", (byte[]) null));
            assertThat(read.get(1).key()).isEmpty();
            assertThat(read.get(1).value()).isNull();
            assertThat(read.get(1).timestamp()).isEqualTo(TIMESTAMP);
            assertThat(read.get(2).key()).isNull();
            assertThat(read.get(2).value()).isEmpty();
            assertThat(read.get(3).value()).containsExactly(0, 1, 2, 255);
            assertThat(read).extracting(ConsumerRecord::offset).containsExactly(0L, 1L, 2L, 3L);
            assertThat(log.endOffset()).isEqualTo(4);
        }
    }

    @Test
    void batchesAcrossChunkBoundariesReadBack() {
        LogConfig config = LogTestSupport.config(16 * 1024 * 1024);
        Random random = new Random(7);
        List<byte[]> values = new ArrayList<>();
        try (PartitionLog log = open(directory, config)) {
            // Batches of 1 to 9 records, so that some are encoded in place in one mapped chunk
            // and some span two chunks and are copied in two parts.
            while (log.sizeInBytes() < 2L * SegmentWriter.PREALLOCATION_BYTES + 4096) {
                List<ProducerRecord> batch = new ArrayList<>();
                for (int i = random.nextInt(9); i >= 0; i--) {
                    byte[] value = new byte[random.nextInt(900)];
                    random.nextBytes(value);
                    values.add(value);
                    batch.add(ProducerRecord.of("orders", value));
                }
                log.append(batch, TIMESTAMP);
            }
            assertThat(readAll(log)).extracting(ConsumerRecord::value)
                    .containsExactlyElementsOf(values);
        }

        List<Integer> positions = LogTestSupport.batchPositions(
                LogTestSupport.logFile(directory, 0));
        assertThat(positions).anySatisfy(position -> assertThat(spansChunks(positions, position))
                .isTrue());
        try (PartitionLog log = open(directory, config)) {
            assertThat(readAll(log)).extracting(ConsumerRecord::value)
                    .containsExactlyElementsOf(values);
        }
    }

    /** Returns whether the batch at {@code position} ends in a later chunk than it starts. */
    private static boolean spansChunks(List<Integer> positions, int position) {
        int index = positions.indexOf(position);
        if (index + 1 >= positions.size()) {
            return false;
        }
        int lastByte = positions.get(index + 1) - 1;
        return lastByte / SegmentWriter.PREALLOCATION_BYTES
                != position / SegmentWriter.PREALLOCATION_BYTES;
    }

    @Test
    void recordOfMaxSizeAcceptedOneByteMoreRejected() {
        LogConfig config = LogTestSupport.config(64 * 1024);
        int overhead = (int) BatchEncoder.recordSize(ProducerRecord.of("orders", new byte[0]));
        byte[] largest = new byte[config.maxRecordBytes() - overhead];
        try (PartitionLog log = open(directory, config)) {
            log.append(List.of(ProducerRecord.of("orders", largest)), TIMESTAMP);

            assertThatThrownBy(() -> log.append(
                    List.of(ProducerRecord.of("orders", new byte[largest.length + 1])), TIMESTAMP))
                    .isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("1025 bytes")
                    .hasMessageContaining("maxRecordBytes 1024");
            assertThat(log.endOffset()).isEqualTo(1);
        }
        try (PartitionLog log = open(directory, config)) {
            assertThat(readAll(log)).singleElement()
                    .satisfies(record -> assertThat(record.value()).hasSize(largest.length));
            assertThat(log.endOffset()).isEqualTo(1);
        }
    }

    @Test
    void tailingAndRandomReadsInterleaveCorrectly() {
        // A large index interval leaves one entry per segment, so tailing reads start where the
        // previous read stopped and the random reads in between start at the index entry.
        try (PartitionLog log = open(directory, LogTestSupport.config(64 * 1024, 1 << 20))) {
            for (int i = 0; i < 300; i++) {
                LogTestSupport.appendValues(log, "v" + i);
            }
            for (long offset = 0; offset < 300; offset++) {
                List<ConsumerRecord> tail = log.read(offset, 1, 1 << 20);
                assertThat(tail).hasSize(1);
                assertThat(tail.get(0).offset()).isEqualTo(offset);
                assertThat(tail.get(0).valueAsString()).isEqualTo("v" + offset);

                long other = (offset * 7919) % 300;
                assertThat(log.read(other, 1, 1 << 20).get(0).valueAsString())
                        .isEqualTo("v" + other);
            }
            List<ConsumerRecord> batches = log.read(150, 10, 1 << 20);
            assertThat(batches).extracting(ConsumerRecord::offset)
                    .containsExactly(150L, 151L, 152L, 153L, 154L, 155L, 156L, 157L, 158L, 159L);
        }
    }

    @Test
    void readOutsideRangeThrowsWithRange() {
        try (PartitionLog log = open(directory, LogTestSupport.config(64 * 1024))) {
            LogTestSupport.appendValues(log, "a", "b");

            assertThat(log.read(2, 10, 1000)).isEmpty();
            assertThatThrownBy(() -> log.read(3, 10, 1000))
                    .isInstanceOf(OffsetOutOfRangeException.class)
                    .hasMessageContaining("offset 3")
                    .hasMessageContaining("valid offsets are 0 to 2");
            assertThatThrownBy(() -> log.read(-1, 10, 1000))
                    .isInstanceOf(OffsetOutOfRangeException.class);
        }
    }

    @Test
    void readHonoursMaxRecordsAndMaxBytes() {
        try (PartitionLog log = open(directory, LogTestSupport.config(64 * 1024))) {
            LogTestSupport.appendValues(log, "a", "b", "c", "d");

            assertThat(LogTestSupport.values(log.read(1, 2, 1 << 20))).containsExactly("b", "c");
            assertThat(LogTestSupport.values(log.read(1, 10, 1))).containsExactly("b");
        }
    }

    @Test
    void closedLogRejectsCalls() {
        PartitionLog log = open(directory, LogTestSupport.config(64 * 1024));
        log.close();
        log.close();

        assertThatThrownBy(() -> log.append(List.of(LogTestSupport.record("x")), TIMESTAMP))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> log.read(0, 1, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> log.flushUpTo(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void invalidArgumentsNameTheValue() {
        try (PartitionLog log = open(directory, LogTestSupport.config(64 * 1024))) {
            assertThatThrownBy(() -> log.read(0, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxRecords must be at least 1, but was 0");
            assertThatThrownBy(() -> log.append(List.of(), TIMESTAMP))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not be empty");
            assertThatThrownBy(() -> log.flushUpTo(5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("end offset 0");
        }
    }
}
