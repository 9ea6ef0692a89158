package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.TopicPartition;
import io.lucidmq.io.FileIO;
import io.lucidmq.log.LogConfig;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.log.SegmentFiles;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage inside a sealed segment that its CRC does not cover, found by the corruption
 * fuzzer: a base offset, a cut at a batch boundary and a wrong offset-index entry. Each must
 * raise a checksum error or be read around, never renumber, skip or loop.
 */
class SealedSegmentDamageTest {

    private static final TopicPartition PARTITION = new TopicPartition("sealed", 0);
    private static final LogConfig CONFIG = new LogConfig(2048, 512, 64, 16);
    private static final long TIMESTAMP = 1_900_000_000_000L;

    @TempDir
    Path directory;

    /** Writes 30 single-record batches of about 100 bytes, closes, and returns segment 0. */
    private Path writeSealedSegments() {
        try (PartitionLog log = open()) {
            for (int i = 0; i < 30; i++) {
                log.append(List.of(ProducerRecord.builder(PARTITION.topic()).key("k" + i)
                        .value("value-" + i + "-" + "x".repeat(60)).build()), TIMESTAMP);
            }
            assertThat(log.segmentCount()).isGreaterThan(2);
        }
        return SegmentFiles.logFile(directory, 0);
    }

    private PartitionLog open() {
        return PartitionLog.open(directory, PARTITION, CONFIG, FileIO.standard(), false);
    }

    @Test
    void flippedBaseOffsetRaisesChecksumError() throws IOException {
        Path sealed = writeSealedSegments();
        long second = FuzzCorpus.readBatches(sealed).get(1).position();
        flipBit(sealed, second + 7, 0);

        try (PartitionLog log = open()) {
            assertThat(log.read(0, 10, 1 << 20)).extracting(ConsumerRecord::offset)
                    .containsExactly(0L);
            assertThatThrownBy(() -> log.read(1, 10, 1 << 20))
                    .isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining(sealed.toAbsolutePath().toString())
                    .hasMessageContaining("byte " + second)
                    .hasMessageContaining("base offset 0 where offset 1 was expected");
        }
    }

    @Test
    void boundaryCutRaisesChecksumError() throws IOException {
        Path sealed = writeSealedSegments();
        long cut = FuzzCorpus.readBatches(sealed).get(2).position();
        truncate(sealed, cut);

        try (PartitionLog log = open()) {
            assertThat(log.read(0, 2, 1 << 20)).extracting(ConsumerRecord::offset)
                    .containsExactly(0L, 1L);
            assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                    assertThatThrownBy(() -> log.read(2, 10, 1 << 20))
                            .isInstanceOf(CorruptRecordException.class)
                            .hasMessageContaining(sealed.toAbsolutePath().toString())
                            .hasMessageContaining("end at byte " + cut));
        }
    }

    @Test
    void misplacedIndexEntryIsReadAround() throws IOException {
        Path sealed = writeSealedSegments();
        List<FuzzCorpus.Batch> batches = FuzzCorpus.readBatches(sealed);
        Path index = SegmentFiles.indexFile(directory, 0);
        ByteBuffer entry = readEntry(index, 0);
        int relativeOffset = entry.getInt(0);
        long wrongPosition = batches.get(relativeOffset + 2).position();
        writeEntryPosition(index, 0, (int) wrongPosition);

        try (PartitionLog log = open()) {
            List<ConsumerRecord> read = log.read(relativeOffset, 3, 1 << 20);

            assertThat(read).extracting(ConsumerRecord::offset).containsExactly(
                    (long) relativeOffset, relativeOffset + 1L, relativeOffset + 2L);
            assertThat(read.get(0).keyAsString()).isEqualTo("k" + relativeOffset);
        }
    }

    @Test
    void indexEntryIntoBatchMiddleIsReadAround() throws IOException {
        Path sealed = writeSealedSegments();
        List<FuzzCorpus.Batch> batches = FuzzCorpus.readBatches(sealed);
        Path index = SegmentFiles.indexFile(directory, 0);
        int relativeOffset = readEntry(index, 0).getInt(0);
        writeEntryPosition(index, 0, (int) batches.get(relativeOffset).position() + 40);

        try (PartitionLog log = open()) {
            assertThat(log.read(relativeOffset, 1, 1 << 20)).singleElement()
                    .extracting(ConsumerRecord::keyAsString).isEqualTo("k" + relativeOffset);
        }
    }

    private static ByteBuffer readEntry(Path index, int entry) throws IOException {
        try (FileChannel channel = FileChannel.open(index, StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate(8);
            channel.read(bytes, entry * 8L);
            return bytes.flip();
        }
    }

    private static void writeEntryPosition(Path index, int entry, int position)
            throws IOException {
        try (FileChannel channel = FileChannel.open(index, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4).putInt(0, position), entry * 8L + 4);
        }
    }

    private static void flipBit(Path file, long position, int bit) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ (1 << bit))).rewind();
            channel.write(one, position);
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
