package io.lucidmq.log;

import io.lucidmq.RecordTooLargeException;
import io.lucidmq.record.Header;
import io.lucidmq.record.ProducerRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Encodes producer records into one batch in the layout of {@link BatchDescriptor}. Stateless
 * and thread-safe; a caller that passes a reusable buffer must not share it between threads.
 * The base offset is left at 0 so that the batch can be encoded and
 * checksummed before the writer knows where it goes; {@link EncodedBatch#withBaseOffset} sets
 * it, and the CRC does not cover it.
 */
final class BatchEncoder {

    private BatchEncoder() {
    }

    /**
     * Encodes {@code records} as one batch.
     *
     * @param defaultTimestampMs the timestamp of records that carry none
     * @param maxRecordBytes the maximum encoded size of one record
     * @param context the partition, for messages
     * @throws IllegalArgumentException if {@code records} is empty or contains null
     * @throws RecordTooLargeException if a record's encoded size exceeds {@code maxRecordBytes}
     */
    static EncodedBatch encode(List<ProducerRecord> records, long defaultTimestampMs,
            int maxRecordBytes, Object context) {
        return encode(records, defaultTimestampMs, maxRecordBytes, context, null);
    }

    /**
     * Encodes {@code records} as one batch as {@link #encode(List, long, int, Object)} does,
     * into {@code reusable} when it has the capacity, else into a new heap buffer. The batch
     * stays valid until the caller next passes the same buffer.
     *
     * @param reusable a heap buffer to encode into, or {@code null}
     */
    static EncodedBatch encode(List<ProducerRecord> records, long defaultTimestampMs,
            int maxRecordBytes, Object context, ByteBuffer reusable) {
        Objects.requireNonNull(records, "records");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("records must not be empty for " + context);
        }
        if (defaultTimestampMs < 0) {
            throw new IllegalArgumentException(
                    "timestampMs must be 0 or more, but was " + defaultTimestampMs);
        }

        long recordBytes = 0;
        for (int i = 0; i < records.size(); i++) {
            recordBytes += checkedRecordSize(records, i, maxRecordBytes, context);
        }
        long batchLength = BatchDescriptor.batchLength(recordBytes);
        if (batchLength > Integer.MAX_VALUE - BatchDescriptor.ALIGNMENT) {
            throw new RecordTooLargeException("batch of " + records.size() + " records for "
                    + context + " takes " + batchLength + " bytes, above the limit of "
                    + (Integer.MAX_VALUE - BatchDescriptor.ALIGNMENT));
        }

        ByteBuffer buffer = reusable != null && reusable.capacity() >= batchLength
                ? reusable.clear().limit((int) batchLength)
                : ByteBuffer.allocate((int) batchLength);
        // A reused buffer contains an older batch, and the padding must be zero.
        int padding = (int) (batchLength - BatchDescriptor.HEADER_LENGTH - recordBytes);
        for (int i = 0; i < padding; i++) {
            buffer.put((int) batchLength - 1 - i, (byte) 0);
        }
        long firstTimestamp = timestampOf(records.get(0), defaultTimestampMs);
        long maxTimestamp = firstTimestamp;
        buffer.position(BatchDescriptor.HEADER_LENGTH);
        for (int i = 0; i < records.size(); i++) {
            long timestamp = timestampOf(records.get(i), defaultTimestampMs);
            maxTimestamp = Math.max(maxTimestamp, timestamp);
            writeRecord(buffer, records.get(i), timestamp - firstTimestamp, i);
        }

        writeHeader(buffer, (int) batchLength, records.size(), firstTimestamp, maxTimestamp);
        return new EncodedBatch(buffer, records.size(), firstTimestamp, maxTimestamp);
    }

    private static long checkedRecordSize(List<ProducerRecord> records, int index,
            int maxRecordBytes, Object context) {
        ProducerRecord record = records.get(index);
        if (record == null) {
            throw new IllegalArgumentException(
                    "record " + index + " of the batch for " + context + " is null");
        }
        long size = recordSize(record);
        if (size > maxRecordBytes) {
            throw new RecordTooLargeException("record " + index + " of the batch for " + context
                    + " takes " + size + " bytes encoded, above maxRecordBytes "
                    + maxRecordBytes);
        }
        return size;
    }

    /** Returns the encoded size of {@code record}, including its length field. */
    static long recordSize(ProducerRecord record) {
        long headerBytes = 0;
        for (Header header : record.headers()) {
            headerBytes += BatchDescriptor.headerSize(utf8(header.name()).length,
                    lengthOf(header.value()));
        }
        return BatchDescriptor.recordSize(lengthOf(record.key()), lengthOf(record.value()),
                headerBytes);
    }

    private static void writeRecord(ByteBuffer buffer, ProducerRecord record,
            long timestampDelta, int offsetDelta) {
        int start = buffer.position();
        byte attributes = 0;
        if (record.key() == null) {
            attributes |= BatchDescriptor.NULL_KEY_FLAG;
        }
        if (record.value() == null) {
            attributes |= BatchDescriptor.NULL_VALUE_FLAG;
        }
        buffer.putInt(0);
        buffer.put(attributes);
        buffer.putLong(timestampDelta);
        buffer.putInt(offsetDelta);
        putBytes(buffer, record.key());
        putBytes(buffer, record.value());
        buffer.putInt(record.headers().size());
        for (Header header : record.headers()) {
            byte[] name = utf8(header.name());
            buffer.putInt(name.length).put(name);
            byte[] value = header.value();
            if (value == null) {
                buffer.putInt(BatchDescriptor.NULL_HEADER_VALUE_LENGTH);
            } else {
                buffer.putInt(value.length).put(value);
            }
        }
        buffer.putInt(start, buffer.position() - start - BatchDescriptor.RECORD_LENGTH_SIZE);
    }

    private static void writeHeader(ByteBuffer buffer, int batchLength, int recordCount,
            long firstTimestamp, long maxTimestamp) {
        buffer.putLong(BatchDescriptor.BASE_OFFSET_OFFSET, 0L);
        buffer.putInt(BatchDescriptor.BATCH_LENGTH_OFFSET, batchLength);
        buffer.put(BatchDescriptor.MAGIC_OFFSET, BatchDescriptor.MAGIC);
        buffer.putInt(BatchDescriptor.RECORD_COUNT_OFFSET, recordCount);
        buffer.putLong(BatchDescriptor.FIRST_TIMESTAMP_OFFSET, firstTimestamp);
        buffer.putLong(BatchDescriptor.MAX_TIMESTAMP_OFFSET, maxTimestamp);
        buffer.putInt(BatchDescriptor.LAST_OFFSET_DELTA_OFFSET, recordCount - 1);
        buffer.position(0).limit(batchLength);
        buffer.putInt(BatchDescriptor.CRC_OFFSET, BatchDescriptor.computeCrc(buffer, batchLength));
    }

    private static long timestampOf(ProducerRecord record, long defaultTimestampMs) {
        return record.timestamp() == null ? defaultTimestampMs : record.timestamp();
    }

    private static void putBytes(ByteBuffer buffer, byte[] bytes) {
        if (bytes == null) {
            buffer.putInt(0);
        } else {
            buffer.putInt(bytes.length).put(bytes);
        }
    }

    private static int lengthOf(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One encoded batch in a heap buffer from position 0 to its limit, which is the buffer's
     * capacity unless the buffer was reused.
     *
     * @param buffer the batch bytes; the base offset field is 0 until set
     * @param recordCount the number of records
     * @param firstTimestamp the first record's timestamp
     * @param maxTimestamp the largest record timestamp
     */
    record EncodedBatch(ByteBuffer buffer, int recordCount, long firstTimestamp,
            long maxTimestamp) {

        /** The batch length in bytes. */
        int sizeInBytes() {
            return buffer.limit();
        }

        /** Stores {@code baseOffset} in the batch header. */
        EncodedBatch withBaseOffset(long baseOffset) {
            buffer.putLong(BatchDescriptor.BASE_OFFSET_OFFSET, baseOffset);
            return this;
        }
    }
}
