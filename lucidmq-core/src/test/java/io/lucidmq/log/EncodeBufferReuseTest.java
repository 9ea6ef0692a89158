package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.appendValues;
import static io.lucidmq.log.LogTestSupport.readAll;
import static io.lucidmq.log.LogTestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodeBufferReuseTest {

    @TempDir
    Path directory;

    @Test
    void reusedBufferZeroesPadding() throws IOException {
        String[] values = {"x".repeat(450), "a", "bb", "ccc", "y".repeat(150), "dddd"};
        LogConfig config = LogTestSupport.config(1024 * 1024);
        try (PartitionLog log = LogTestSupport.open(directory, config)) {
            appendValues(log, values);
            assertThat(values(readAll(log))).containsExactly(values);
        }

        // Every batch's padding, after its one record, is zero in the file.
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(SegmentFiles.logFile(directory, 0)));
        int position = 0;
        for (String value : values) {
            int batchLength = file.getInt(position + BatchDescriptor.BATCH_LENGTH_OFFSET);
            long recordEnd = BatchDescriptor.HEADER_LENGTH
                    + BatchEncoder.recordSize(LogTestSupport.record(value));
            assertThat(batchLength).isEqualTo(BatchDescriptor.batchLength(recordEnd
                    - BatchDescriptor.HEADER_LENGTH));
            for (long i = recordEnd; i < batchLength; i++) {
                assertThat(file.get(position + (int) i))
                        .as("padding byte %d of the batch at byte %d", i, position)
                        .isZero();
            }
            position += batchLength;
        }

        try (PartitionLog reopened = LogTestSupport.open(directory, config)) {
            assertThat(values(readAll(reopened))).containsExactly(values);
            assertThat(reopened.endOffset()).isEqualTo(values.length);
        }
    }
}
