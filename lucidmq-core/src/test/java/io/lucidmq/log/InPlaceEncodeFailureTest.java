package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.crashCopy;
import static io.lucidmq.log.LogTestSupport.logFile;
import static io.lucidmq.log.LogTestSupport.open;
import static io.lucidmq.log.LogTestSupport.openReadOnly;
import static io.lucidmq.log.LogTestSupport.readAll;
import static io.lucidmq.log.LogTestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appends that throw while their batch is encoded in place in the mapped segment. The tail
 * after the last committed batch must stay zero, and no byte of a failed batch may be read
 * as a record by a read-only instance or after crash recovery.
 */
class InPlaceEncodeFailureTest {

    private static final LogConfig CONFIG = LogTestSupport.config(1024 * 1024);

    @TempDir
    Path directory;

    @TempDir
    Path crashed;

    @Test
    void failedAppendLeavesTailZeroed() throws IOException {
        try (PartitionLog log = open(directory, CONFIG)) {
            LogTestSupport.appendValues(log, "a");
            byte[] filler = new byte[900];
            Arrays.fill(filler, (byte) 0x55);
            assertThatThrownBy(() -> log.append(failingOnSecondPass(
                    ProducerRecord.of("orders", filler)), TIMESTAMP))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(log.isFailed()).isFalse();
            log.append(List.of(ProducerRecord.of("orders", "xy")), TIMESTAMP);

            byte[] file = Files.readAllBytes(logFile(directory, 0));
            int end = (int) log.sizeInBytes();
            int nonZero = 0;
            for (int i = end; i < end + 2048; i++) {
                nonZero += file[i] != 0 ? 1 : 0;
            }
            assertThat(nonZero).as("non-zero bytes in the 2 KiB after the last batch").isZero();
        }
    }

    @Test
    void failedAppendBytesNeverBecomeRecords() {
        SoftAssertions soft = new SoftAssertions();
        try (PartitionLog log = open(directory, CONFIG)) {
            LogTestSupport.appendValues(log, "a");
            ProducerRecord next = ProducerRecord.of("orders", "xy");
            int nextLength = BatchEncoder.batchLength(List.of(next), TIMESTAMP, 1024, "test");
            // The failed batch starts where the next one will. Its first record's value contains
            // a valid batch for the offset after the next one, placed where the next one will
            // end. The key is null, so the value starts after the key and value lengths.
            int valueStart = BatchDescriptor.HEADER_LENGTH + BatchDescriptor.RECORD_KEY_OFFSET + 4;
            byte[] image = batchImage("never appended", 2);
            byte[] carrier = new byte[nextLength - valueStart + image.length];
            System.arraycopy(image, 0, carrier, nextLength - valueStart, image.length);
            assertThatThrownBy(() -> log.append(failingOnSecondPass(
                    ProducerRecord.of("orders", carrier)), TIMESTAMP))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(log.append(List.of(next), TIMESTAMP)).isEqualTo(1);
            assertThat(values(readAll(log))).containsExactly("a", "xy");

            try (PartitionLog reader = openReadOnly(directory, CONFIG)) {
                soft.assertThat(values(readAll(reader))).as("read-only instance")
                        .containsExactly("a", "xy");
            }
            crashCopy(directory, crashed);
        }
        try (PartitionLog recovered = open(crashed, CONFIG)) {
            soft.assertThat(values(readAll(recovered))).as("after crash recovery")
                    .containsExactly("a", "xy");
        }
        soft.assertAll();
    }

    @Test
    void changingRecordsNeverCommitMalformedBatch() {
        ProducerRecord small = ProducerRecord.of("orders", new byte[10]);
        ProducerRecord large = ProducerRecord.of("orders", new byte[200]);
        // The append measures the small record, then encodes the large one.
        List<ProducerRecord> changing = new AbstractList<>() {
            private int reads;

            @Override
            public ProducerRecord get(int index) {
                return ++reads == 1 ? small : large;
            }

            @Override
            public int size() {
                return 1;
            }
        };
        try (PartitionLog log = open(directory, CONFIG)) {
            LogTestSupport.appendValues(log, "a");
            try {
                log.append(changing, TIMESTAMP);
            } catch (RuntimeException e) {
                // Rejecting the batch is correct. The reads below check that no malformed batch
                // was committed.
            }
            log.append(List.of(ProducerRecord.of("orders", "b")), TIMESTAMP);
            assertThat(readAll(log)).extracting(record -> record.value().length)
                    .isSubsetOf(1, 10, 200);
        }
    }

    /** Encodes one record with {@code value} as a batch with base offset {@code baseOffset}. */
    private static byte[] batchImage(String value, long baseOffset) {
        BatchEncoder.EncodedBatch batch = BatchEncoder.encode(
                List.of(ProducerRecord.of("orders", value.getBytes(StandardCharsets.UTF_8))),
                TIMESTAMP, 1024, "test");
        batch.withBaseOffset(baseOffset);
        ByteBuffer bytes = batch.buffer();
        byte[] image = new byte[bytes.limit()];
        bytes.get(0, image);
        return image;
    }

    /**
     * Returns {@code first} and a small record as a list that fails on the second read of the
     * small one. The append measures the batch, then fails after the first record is in place.
     */
    private static List<ProducerRecord> failingOnSecondPass(ProducerRecord first) {
        ProducerRecord second = ProducerRecord.of("orders", "second");
        return new AbstractList<>() {
            private int secondReads;

            @Override
            public ProducerRecord get(int index) {
                if (index == 0) {
                    return first;
                }
                if (++secondReads > 1) {
                    throw new IllegalStateException("the record source failed");
                }
                return second;
            }

            @Override
            public int size() {
                return 2;
            }
        };
    }
}
