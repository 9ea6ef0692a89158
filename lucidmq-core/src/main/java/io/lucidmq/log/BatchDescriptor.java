package io.lucidmq.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The byte layout of a record batch, the unit that a segment file stores. Every offset into a
 * batch or a record is computed here; {@code docs/format.md} documents the same layout.
 *
 * <p>All integers are big-endian. A batch starts at a multiple of 8 in its segment file, so
 * its length field is 4-byte aligned and a reader never sees a half-written length.
 *
 * <pre>
 * Batch
 * offset  size  field            type   meaning
 *      0     8  baseOffset       int64  offset of the first record
 *      8     4  batchLength      int32  size of the whole batch with padding; a multiple of 8;
 *                                       0 marks the end of the log
 *     12     1  magic            int8   format version, {@link #MAGIC}
 *     13     4  crc              int32  CRC32C of bytes 17 .. batchLength - 1
 *     17     4  recordCount      int32  at least 1
 *     21     8  firstTimestamp   int64  timestamp of the first record, ms since the epoch
 *     29     8  maxTimestamp     int64  largest record timestamp
 *     37     4  lastOffsetDelta  int32  recordCount - 1
 *     41     .  records          recordCount records, back to back
 *      .   0-7  padding          zero bytes up to batchLength
 *
 * Record
 * offset  size  field            type   meaning
 *      0     4  recordLength     int32  bytes after this field
 *      4     1  attributes       int8   bit 0: key is null; bit 1: value is null
 *      5     8  timestampDelta   int64  timestamp - firstTimestamp
 *     13     4  offsetDelta      int32  offset - baseOffset
 *     17     4  keyLength        int32  0 when the key is null
 *     21     k  key              bytes
 *      .     4  valueLength      int32  0 when the value is null
 *      .     v  value            bytes
 *      .     4  headerCount      int32
 *      .     .  headers          per header: nameLength int32, name (UTF-8),
 *                                valueLength int32 (-1 when null), value
 * </pre>
 *
 * <p>The commit point of an append is the write of {@code batchLength}: writers store every
 * other byte of the batch first, so a reader sees either {@code 0} (no batch yet) or a batch
 * whose bytes are all in place.
 */
final class BatchDescriptor {

    /** The current format version. Readers reject a batch with any other value. */
    static final byte MAGIC = 1;

    /** Alignment of batch positions and lengths. */
    static final int ALIGNMENT = 8;

    static final int BASE_OFFSET_OFFSET = 0;
    static final int BATCH_LENGTH_OFFSET = 8;
    static final int MAGIC_OFFSET = 12;
    static final int CRC_OFFSET = 13;
    static final int RECORD_COUNT_OFFSET = 17;
    static final int FIRST_TIMESTAMP_OFFSET = 21;
    static final int MAX_TIMESTAMP_OFFSET = 29;
    static final int LAST_OFFSET_DELTA_OFFSET = 37;

    /** Size of the batch header; the first record starts here. */
    static final int HEADER_LENGTH = 41;

    /** First byte covered by the CRC. */
    static final int CRC_COVERAGE_START = RECORD_COUNT_OFFSET;

    static final int RECORD_LENGTH_SIZE = 4;
    static final int RECORD_ATTRIBUTES_OFFSET = 4;
    static final int RECORD_TIMESTAMP_DELTA_OFFSET = 5;
    static final int RECORD_OFFSET_DELTA_OFFSET = 13;
    static final int RECORD_KEY_LENGTH_OFFSET = 17;
    static final int RECORD_KEY_OFFSET = 21;

    static final byte NULL_KEY_FLAG = 1;
    static final byte NULL_VALUE_FLAG = 2;

    /** Header value length that marks a null value. */
    static final int NULL_HEADER_VALUE_LENGTH = -1;

    /**
     * Encoded size of a record with a null key, a null value and no headers: the smallest
     * possible record.
     */
    static final int MIN_RECORD_BYTES = RECORD_KEY_OFFSET + 4 + 4;

    /** Encoded size of one header without its name and value bytes. */
    static final int HEADER_FIELD_OVERHEAD = 8;

    private BatchDescriptor() {
    }

    /** Returns {@code size} rounded up to a multiple of {@link #ALIGNMENT}. */
    static int align(int size) {
        return (size + ALIGNMENT - 1) & -ALIGNMENT;
    }

    /** Returns the aligned length of a batch whose records take {@code recordBytes}. */
    static long batchLength(long recordBytes) {
        return (HEADER_LENGTH + recordBytes + ALIGNMENT - 1) & -ALIGNMENT;
    }

    /**
     * Returns the largest batch length that {@code recordCount} records of at most
     * {@code maxRecordBytes} each can produce; a larger length is a torn or corrupt write.
     */
    static long maxBatchLength(int recordCount, int maxRecordBytes) {
        return batchLength((long) recordCount * maxRecordBytes);
    }

    /** Returns the smallest batch length that {@code recordCount} records can produce. */
    static long minBatchLength(int recordCount) {
        return batchLength((long) recordCount * MIN_RECORD_BYTES);
    }

    /** Returns the encoded size of a record with the given field sizes. */
    static long recordSize(int keyLength, int valueLength, long headerBytes) {
        return (long) RECORD_KEY_OFFSET + keyLength + 4 + valueLength + 4 + headerBytes;
    }

    /** Returns the encoded size of one header. */
    static long headerSize(int nameLength, int valueLength) {
        return (long) HEADER_FIELD_OVERHEAD + nameLength + valueLength;
    }

    /**
     * Computes the CRC32C of a batch, over its bytes from {@link #CRC_COVERAGE_START} to
     * {@code batchLength}; {@code batch} holds the batch from its position to its limit.
     */
    static int computeCrc(ByteBuffer batch, int batchLength) {
        return computeCrc(batch, batch.position(), batchLength);
    }

    /**
     * Computes the CRC32C of the batch at index {@code at} of {@code buffer}, as
     * {@link #computeCrc(ByteBuffer, int)} does, without moving the buffer's position.
     */
    static int computeCrc(ByteBuffer buffer, int at, int batchLength) {
        CRC32C crc = new CRC32C();
        if (buffer.hasArray()) {
            crc.update(buffer.array(), buffer.arrayOffset() + at + CRC_COVERAGE_START,
                    batchLength - CRC_COVERAGE_START);
        } else {
            ByteBuffer covered = buffer.duplicate();
            covered.limit(at + batchLength).position(at + CRC_COVERAGE_START);
            crc.update(covered);
        }
        return (int) crc.getValue();
    }
}
