package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.crashCopy;
import static io.lucidmq.log.LogTestSupport.logFile;
import static io.lucidmq.log.LogTestSupport.open;
import static io.lucidmq.log.LogTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches encoded in place up to the exact end of a mapped chunk, and a crash that leaves a
 * half-encoded batch (bytes in place, length field still 0) after the last one.
 */
class ChunkBoundaryRecoveryTest {

    /** A null key and this value make a batch of exactly 1 KiB. */
    private static final int VALUE_BYTES = 1024 - BatchDescriptor.HEADER_LENGTH
            - (int) BatchDescriptor.recordSize(0, 0, 0);

    @TempDir
    Path directory;

    @TempDir
    Path crashed;

    @Test
    void halfEncodedBatchAtChunkEndIsCut() throws IOException {
        LogConfig config = LogTestSupport.config(8 * 1024 * 1024);
        int batches = SegmentWriter.PREALLOCATION_BYTES / 1024;
        try (PartitionLog log = open(directory, config)) {
            for (int i = 0; i < batches; i++) {
                log.append(List.of(ProducerRecord.of("orders", value(i))), TIMESTAMP);
            }
            assertThat(log.sizeInBytes()).isEqualTo(SegmentWriter.PREALLOCATION_BYTES);
            crashCopy(directory, crashed);
        }
        // The next batch would start the second chunk: its bytes are in place, not its length.
        try (FileChannel channel = FileChannel.open(logFile(crashed, 0),
                StandardOpenOption.WRITE)) {
            ByteBuffer partial = ByteBuffer.allocate(900);
            while (partial.hasRemaining()) {
                partial.put((byte) 0x55);
            }
            channel.write(partial.flip(), SegmentWriter.PREALLOCATION_BYTES
                    + BatchDescriptor.HEADER_LENGTH);
        }

        try (PartitionLog log = open(crashed, config)) {
            assertThat(log.endOffset()).isEqualTo(batches);
            log.append(List.of(ProducerRecord.of("orders", value(batches))), TIMESTAMP);
        }
        try (PartitionLog log = open(crashed, config)) {
            List<ConsumerRecord> read = readAll(log);
            assertThat(read).hasSize(batches + 1);
            for (int i = 0; i <= batches; i++) {
                assertThat(read.get(i).value()).isEqualTo(value(i));
            }
        }
    }

    private static byte[] value(int index) {
        byte[] value = new byte[VALUE_BYTES];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (index + i);
        }
        return value;
    }
}
