package io.lucidmq.log;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The sparse time index of one segment, held in memory and stored in the segment's
 * {@code .timeindex} file. An entry {@code (T, R)} states that every record in the batches up
 * to and including the batch at relative offset {@code R} has a timestamp of at most
 * {@code T}. Timestamps increase strictly from entry to entry; when a segment is sealed its
 * last entry holds the segment's largest timestamp.
 *
 * <pre>
 * Entry (12 bytes, big-endian)
 * offset  size  field           type
 *      0     8  maxTimestamp    int64  largest timestamp up to this batch, ms since the epoch
 *      8     4  relativeOffset  int32  batch base offset - segment base offset
 * </pre>
 *
 * <p>Thread-safety: as {@link OffsetIndex}, one writer and any number of concurrent readers.
 */
final class TimeIndex {

    /** Size of one entry in the index file. */
    static final int ENTRY_SIZE = 12;

    private volatile long[] timestamps;
    private volatile int[] relativeOffsets;
    private volatile int entryCount;

    TimeIndex() {
        this(new long[16], new int[16], 0);
    }

    private TimeIndex(long[] timestamps, int[] relativeOffsets, int entryCount) {
        this.timestamps = timestamps;
        this.relativeOffsets = relativeOffsets;
        this.entryCount = entryCount;
    }

    /**
     * Decodes index file bytes, checking that timestamps increase strictly and relative offsets
     * do not decrease.
     *
     * @return the index, or {@code null} when the bytes are not a valid time index
     */
    static TimeIndex decode(ByteBuffer bytes) {
        if (bytes.remaining() % ENTRY_SIZE != 0) {
            return null;
        }
        int count = bytes.remaining() / ENTRY_SIZE;
        long[] timestamps = new long[Math.max(16, count)];
        int[] relativeOffsets = new int[Math.max(16, count)];
        for (int i = 0; i < count; i++) {
            timestamps[i] = bytes.getLong();
            relativeOffsets[i] = bytes.getInt();
            boolean ordered = i == 0 || (timestamps[i] > timestamps[i - 1]
                    && relativeOffsets[i] >= relativeOffsets[i - 1]);
            if (relativeOffsets[i] < 0 || !ordered) {
                return null;
            }
        }
        return new TimeIndex(timestamps, relativeOffsets, count);
    }

    /** Encodes the entries in the file layout. */
    ByteBuffer encode() {
        int count = entryCount;
        long[] times = timestamps;
        int[] offsets = relativeOffsets;
        ByteBuffer buffer = ByteBuffer.allocate(count * ENTRY_SIZE);
        for (int i = 0; i < count; i++) {
            buffer.putLong(times[i]).putInt(offsets[i]);
        }
        return buffer.flip();
    }

    /**
     * Adds an entry if {@code maxTimestamp} is above the last entry's; for the single writer
     * thread.
     */
    void maybeAppend(long maxTimestamp, int relativeOffset) {
        int count = entryCount;
        if (count > 0 && timestamps[count - 1] >= maxTimestamp) {
            return;
        }
        if (count == timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, count * 2);
            relativeOffsets = Arrays.copyOf(relativeOffsets, count * 2);
        }
        timestamps[count] = maxTimestamp;
        relativeOffsets[count] = relativeOffset;
        entryCount = count + 1;
    }

    /** The number of entries. */
    int entryCount() {
        return entryCount;
    }

    /** Returns the largest indexed timestamp, or {@code -1} when the index is empty. */
    long lastTimestamp() {
        int count = entryCount;
        return count == 0 ? -1 : timestamps[count - 1];
    }

    /** Returns the relative offset of the last entry, or {@code -1} when empty. */
    int lastRelativeOffset() {
        int count = entryCount;
        return count == 0 ? -1 : relativeOffsets[count - 1];
    }

    /**
     * Returns the relative offset of a batch from which a forward scan finds the first record
     * with a timestamp at or after {@code timestampMs}: the batch of the last entry whose
     * timestamp is below it, or 0 when there is none.
     */
    int scanStart(long timestampMs) {
        int count = entryCount;
        long[] times = timestamps;
        int low = 0;
        int high = count - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (times[middle] < timestampMs) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found < 0 ? 0 : relativeOffsets[found];
    }

    /** Returns whether both indexes hold the same entries. */
    boolean sameEntries(TimeIndex other) {
        return encode().equals(other.encode());
    }
}
