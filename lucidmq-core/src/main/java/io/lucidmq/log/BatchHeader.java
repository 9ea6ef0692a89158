package io.lucidmq.log;

import static io.lucidmq.log.BatchDescriptor.BASE_OFFSET_OFFSET;
import static io.lucidmq.log.BatchDescriptor.BATCH_LENGTH_OFFSET;
import static io.lucidmq.log.BatchDescriptor.CRC_OFFSET;
import static io.lucidmq.log.BatchDescriptor.FIRST_TIMESTAMP_OFFSET;
import static io.lucidmq.log.BatchDescriptor.LAST_OFFSET_DELTA_OFFSET;
import static io.lucidmq.log.BatchDescriptor.MAGIC_OFFSET;
import static io.lucidmq.log.BatchDescriptor.MAX_TIMESTAMP_OFFSET;
import static io.lucidmq.log.BatchDescriptor.RECORD_COUNT_OFFSET;

import java.nio.ByteBuffer;

/**
 * The fixed-size header of a batch, decoded but not yet trusted: {@link #framingError} checks
 * that its fields are plausible before anything is allocated from {@link #batchLength}.
 *
 * @param baseOffset the offset of the first record
 * @param batchLength the size of the whole batch in bytes, with padding
 * @param magic the format version
 * @param crc the stored CRC32C
 * @param recordCount the number of records
 * @param firstTimestamp the timestamp of the first record
 * @param maxTimestamp the largest record timestamp
 * @param lastOffsetDelta the offset of the last record minus {@code baseOffset}
 */
record BatchHeader(long baseOffset, int batchLength, byte magic, int crc, int recordCount,
        long firstTimestamp, long maxTimestamp, int lastOffsetDelta) {

    /** Decodes the header at {@code position} of {@code buffer}, which must hold 41 bytes. */
    static BatchHeader read(ByteBuffer buffer, int position) {
        return new BatchHeader(
                buffer.getLong(position + BASE_OFFSET_OFFSET),
                buffer.getInt(position + BATCH_LENGTH_OFFSET),
                buffer.get(position + MAGIC_OFFSET),
                buffer.getInt(position + CRC_OFFSET),
                buffer.getInt(position + RECORD_COUNT_OFFSET),
                buffer.getLong(position + FIRST_TIMESTAMP_OFFSET),
                buffer.getLong(position + MAX_TIMESTAMP_OFFSET),
                buffer.getInt(position + LAST_OFFSET_DELTA_OFFSET));
    }

    /** The offset of the last record. */
    long lastOffset() {
        return baseOffset + lastOffsetDelta;
    }

    /** The offset after the last record. */
    long nextOffset() {
        return baseOffset + recordCount;
    }

    /**
     * Checks that this header can frame a batch: a known format version, a record count of at
     * least 1, and a length that fits both in {@code remainingBytes} and in what
     * {@code recordCount} records of at most {@code maxRecordBytes} can take.
     *
     * @param maxRecordBytes the record size limit, or {@code Integer.MAX_VALUE} when unknown
     * @return a description of the first implausible field, or {@code null} when it frames
     */
    String framingError(long remainingBytes, int maxRecordBytes) {
        if (magic != BatchDescriptor.MAGIC) {
            return "unknown format version " + magic + ", expected " + BatchDescriptor.MAGIC;
        }
        if (recordCount < 1) {
            return "record count " + recordCount + " is below 1";
        }
        if (lastOffsetDelta != recordCount - 1) {
            return "last offset delta " + lastOffsetDelta + " does not match record count "
                    + recordCount;
        }
        if (batchLength % BatchDescriptor.ALIGNMENT != 0
                || batchLength < BatchDescriptor.minBatchLength(recordCount)) {
            return "batch length " + batchLength + " is invalid for " + recordCount + " records";
        }
        if (batchLength > remainingBytes) {
            return "batch length " + batchLength + " exceeds the " + remainingBytes
                    + " bytes left in the file";
        }
        long maxLength = BatchDescriptor.maxBatchLength(recordCount, maxRecordBytes);
        if (batchLength > maxLength) {
            return "batch length " + batchLength + " exceeds the maximum " + maxLength
                    + " for " + recordCount + " records";
        }
        return null;
    }
}
