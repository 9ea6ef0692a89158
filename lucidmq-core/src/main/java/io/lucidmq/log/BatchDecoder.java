package io.lucidmq.log;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.TopicPartition;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.Header;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies and decodes batches in the layout of {@link BatchDescriptor}. Stateless and
 * thread-safe. A batch whose CRC or structure is wrong raises {@link CorruptRecordException}
 * naming the file and byte position; no record of it is returned.
 */
final class BatchDecoder {

    private BatchDecoder() {
    }

    /** Returns whether the stored CRC of {@code batch} matches its bytes. */
    static boolean checksumValid(ByteBuffer batch, BatchHeader header) {
        return BatchDescriptor.computeCrc(batch, header.batchLength()) == header.crc();
    }

    /**
     * Decodes the records of one batch with offsets at or after {@code fromOffset}, at most
     * {@code maxRecords} of them.
     *
     * @param batch the batch bytes from its position to its limit
     * @param file the segment file, for messages
     * @param position the batch's byte position in {@code file}, for messages
     * @throws CorruptRecordException if the CRC or the record structure is invalid
     */
    static List<ConsumerRecord> decode(ByteBuffer batch, BatchHeader header,
            TopicPartition topicPartition, long fromOffset, int maxRecords, Path file,
            long position) {
        if (!checksumValid(batch, header)) {
            throw new CorruptRecordException("batch at byte " + position + " of "
                    + file.toAbsolutePath() + " failed its CRC32C check: stored "
                    + Integer.toHexString(header.crc()) + ", computed "
                    + Integer.toHexString(BatchDescriptor.computeCrc(batch, header.batchLength()))
                    + " (base offset " + header.baseOffset() + ")");
        }
        try {
            return decodeRecords(batch, header, topicPartition, fromOffset, maxRecords);
        } catch (BufferUnderflowException | IndexOutOfBoundsException
                 | IllegalArgumentException e) {
            throw new CorruptRecordException("batch at byte " + position + " of "
                    + file.toAbsolutePath() + " has an invalid record structure: "
                    + e.getMessage(), e);
        }
    }

    private static List<ConsumerRecord> decodeRecords(ByteBuffer source, BatchHeader header,
            TopicPartition topicPartition, long fromOffset, int maxRecords) {
        ByteBuffer batch = source.duplicate();
        int batchStart = batch.position();
        batch.limit(batchStart + header.batchLength());
        batch.position(batchStart + BatchDescriptor.HEADER_LENGTH);
        List<ConsumerRecord> records = new ArrayList<>(Math.min(header.recordCount(),
                maxRecords));
        for (int i = 0; i < header.recordCount() && records.size() < maxRecords; i++) {
            int recordLength = batch.getInt();
            int recordEnd = checkedEnd(batch, recordLength, "record length", i);
            long offset = header.baseOffset() + i;
            if (offset < fromOffset) {
                batch.position(recordEnd);
                continue;
            }
            records.add(decodeRecord(batch, header, topicPartition, i, recordEnd));
        }
        return records;
    }

    private static ConsumerRecord decodeRecord(ByteBuffer batch, BatchHeader header,
            TopicPartition topicPartition, int index, int recordEnd) {
        byte attributes = batch.get();
        long timestamp = header.firstTimestamp() + batch.getLong();
        int offsetDelta = batch.getInt();
        if (offsetDelta != index) {
            throw new IllegalArgumentException(
                    "record " + index + " has offset delta " + offsetDelta);
        }
        byte[] key = readBytes(batch, (attributes & BatchDescriptor.NULL_KEY_FLAG) != 0,
                "key", "key length", index);
        byte[] value = readBytes(batch, (attributes & BatchDescriptor.NULL_VALUE_FLAG) != 0,
                "value", "value length", index);
        List<Header> headers = readHeaders(batch, index);
        if (batch.position() != recordEnd) {
            throw new IllegalArgumentException("record " + index + " ends at "
                    + batch.position() + " but its length says " + recordEnd);
        }
        return new ConsumerRecord(topicPartition.topic(), topicPartition.partition(),
                header.baseOffset() + index, timestamp, key, value, headers);
    }

    /** Reads a key or value; the field names are constants, so no string is built per read. */
    private static byte[] readBytes(ByteBuffer batch, boolean isNull, String field,
            String lengthField, int index) {
        int length = batch.getInt();
        if (isNull) {
            if (length != 0) {
                throw new IllegalArgumentException("record " + index + ": null " + field
                        + " has length " + length);
            }
            return null;
        }
        checkedEnd(batch, length, lengthField, index);
        byte[] bytes = new byte[length];
        batch.get(bytes);
        return bytes;
    }

    /** Reads the headers of record {@code index} into an unmodifiable list. */
    private static List<Header> readHeaders(ByteBuffer batch, int index) {
        int count = batch.getInt();
        if (count < 0 || count > batch.remaining() / BatchDescriptor.HEADER_FIELD_OVERHEAD) {
            throw new IllegalArgumentException("header count " + count + " is invalid");
        }
        if (count == 0) {
            return List.of();
        }
        Header[] headers = new Header[count];
        for (int i = 0; i < count; i++) {
            int nameLength = batch.getInt();
            checkedEnd(batch, nameLength, "header name length", index);
            byte[] name = new byte[nameLength];
            batch.get(name);
            int valueLength = batch.getInt();
            byte[] value = null;
            if (valueLength != BatchDescriptor.NULL_HEADER_VALUE_LENGTH) {
                checkedEnd(batch, valueLength, "header value length", index);
                value = new byte[valueLength];
                batch.get(value);
            }
            headers[i] = Header.of(new String(name, StandardCharsets.UTF_8), value);
        }
        return List.of(headers);
    }

    /**
     * Returns the end of a field of {@code length} bytes at the buffer's position in record
     * {@code index}; builds the message only when the length is invalid.
     */
    private static int checkedEnd(ByteBuffer batch, int length, String field, int index) {
        if (length < 0 || length > batch.remaining()) {
            throw new IllegalArgumentException("record " + index + ": " + field + " " + length
                    + " exceeds the " + batch.remaining() + " bytes left in the batch");
        }
        return batch.position() + length;
    }
}
