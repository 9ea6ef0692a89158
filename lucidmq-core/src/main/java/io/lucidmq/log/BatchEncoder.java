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
        int batchLength = batchLength(records, defaultTimestampMs, maxRecordBytes, context);
        ByteBuffer buffer = reusable != null && reusable.capacity() >= batchLength
                ? reusable.clear().limit(batchLength)
                : ByteBuffer.allocate(batchLength);
        long maxTimestamp = encodeInto(buffer, 0, records, batchLength, defaultTimestampMs, 0L);
        buffer.putInt(BatchDescriptor.BATCH_LENGTH_OFFSET, batchLength);
        return new EncodedBatch(buffer, records.size(),
                timestampOf(records.get(0), defaultTimestampMs), maxTimestamp);
    }

    /**
     * Checks {@code records} and returns the length of the batch they encode to, so that a
     * caller can place the batch before it encodes it with {@link #encodeInto}.
     *
     * @throws IllegalArgumentException if {@code records} is empty or contains null
     * @throws RecordTooLargeException if a record's encoded size exceeds {@code maxRecordBytes}
     *     or the batch exceeds what one segment file can hold
     */
    static int batchLength(List<ProducerRecord> records, long defaultTimestampMs,
            int maxRecordBytes, Object context) {
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
        return (int) batchLength;
    }

    /**
     * Writes the batch of {@code records} into {@code target} at {@code at}: every byte
     * except the length field, which the caller stores last to commit the batch. Uses
     * absolute indexes only, so the buffer's position and limit stay as they are.
     *
     * @param batchLength the length {@link #batchLength} returned for the same records
     * @param baseOffset the offset of the first record
     * @return the largest record timestamp
     */
    static long encodeInto(ByteBuffer target, int at, List<ProducerRecord> records,
            int batchLength, long defaultTimestampMs, long baseOffset) {
        long firstTimestamp = timestampOf(records.get(0), defaultTimestampMs);
        long maxTimestamp = firstTimestamp;
        int position = at + BatchDescriptor.HEADER_LENGTH;
        for (int i = 0; i < records.size(); i++) {
            long timestamp = timestampOf(records.get(i), defaultTimestampMs);
            maxTimestamp = Math.max(maxTimestamp, timestamp);
            position = writeRecord(target, position, records.get(i), timestamp - firstTimestamp,
                    i);
        }
        // The space may contain older bytes (a reused buffer), and the padding must be zero.
        for (int end = at + batchLength; position < end; position++) {
            target.put(position, (byte) 0);
        }
        target.putLong(at + BatchDescriptor.BASE_OFFSET_OFFSET, baseOffset);
        target.put(at + BatchDescriptor.MAGIC_OFFSET, BatchDescriptor.MAGIC);
        target.putInt(at + BatchDescriptor.RECORD_COUNT_OFFSET, records.size());
        target.putLong(at + BatchDescriptor.FIRST_TIMESTAMP_OFFSET, firstTimestamp);
        target.putLong(at + BatchDescriptor.MAX_TIMESTAMP_OFFSET, maxTimestamp);
        target.putInt(at + BatchDescriptor.LAST_OFFSET_DELTA_OFFSET, records.size() - 1);
        target.putInt(at + BatchDescriptor.CRC_OFFSET,
                BatchDescriptor.computeCrc(target, at, batchLength));
        return maxTimestamp;
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

    /** Writes {@code record} at {@code start}; returns the position after it. */
    private static int writeRecord(ByteBuffer buffer, int start, ProducerRecord record,
            long timestampDelta, int offsetDelta) {
        byte attributes = 0;
        if (record.key() == null) {
            attributes |= BatchDescriptor.NULL_KEY_FLAG;
        }
        if (record.value() == null) {
            attributes |= BatchDescriptor.NULL_VALUE_FLAG;
        }
        buffer.put(start + BatchDescriptor.RECORD_ATTRIBUTES_OFFSET, attributes);
        buffer.putLong(start + BatchDescriptor.RECORD_TIMESTAMP_DELTA_OFFSET, timestampDelta);
        buffer.putInt(start + BatchDescriptor.RECORD_OFFSET_DELTA_OFFSET, offsetDelta);
        int position = putBytes(buffer, start + BatchDescriptor.RECORD_KEY_LENGTH_OFFSET,
                record.key());
        position = putBytes(buffer, position, record.value());
        List<Header> headers = record.headers();
        buffer.putInt(position, headers.size());
        position += 4;
        for (Header header : headers) {
            position = putBytes(buffer, position, utf8(header.name()));
            byte[] value = header.value();
            if (value == null) {
                buffer.putInt(position, BatchDescriptor.NULL_HEADER_VALUE_LENGTH);
                position += 4;
            } else {
                position = putBytes(buffer, position, value);
            }
        }
        buffer.putInt(start, position - start - BatchDescriptor.RECORD_LENGTH_SIZE);
        return position;
    }

    private static long timestampOf(ProducerRecord record, long defaultTimestampMs) {
        return record.timestamp() == null ? defaultTimestampMs : record.timestamp();
    }

    /** Writes a length field and {@code bytes} (none when null); returns the next position. */
    private static int putBytes(ByteBuffer buffer, int position, byte[] bytes) {
        if (bytes == null) {
            buffer.putInt(position, 0);
            return position + 4;
        }
        buffer.putInt(position, bytes.length);
        buffer.put(position + 4, bytes);
        return position + 4 + bytes.length;
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
