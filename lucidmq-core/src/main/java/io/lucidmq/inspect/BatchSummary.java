package io.lucidmq.inspect;

import io.lucidmq.record.ConsumerRecord;
import java.util.List;

/**
 * One batch of a segment file, as {@link LogInspector#dump} reads it.
 *
 * @param position the byte position of the batch in the segment file
 * @param sizeInBytes the encoded size of the whole batch
 * @param baseOffset the offset of the batch's first record
 * @param lastOffset the offset of the batch's last record
 * @param firstTimestamp the timestamp of the batch's first record
 * @param maxTimestamp the largest timestamp in the batch
 * @param checksumValid whether the stored CRC32C matches the bytes
 * @param records the decoded records; empty when the checksum is invalid
 */
public record BatchSummary(long position, int sizeInBytes, long baseOffset, long lastOffset,
        long firstTimestamp, long maxTimestamp, boolean checksumValid,
        List<ConsumerRecord> records) {

    public BatchSummary {
        records = List.copyOf(records);
    }
}
