package io.lucidmq.log;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The sparse offset index of one segment, held in memory and stored in the segment's
 * {@code .index} file: entries map a batch's offset relative to the segment's base offset to
 * the batch's byte position in the log file, one entry per {@code indexIntervalBytes} of log.
 *
 * <pre>
 * Entry (8 bytes, big-endian)
 * offset  size  field           type
 *      0     4  relativeOffset  int32  batch base offset - segment base offset
 *      4     4  position        int32  byte position of the batch in the log file
 * </pre>
 *
 * <p>Thread-safety: one writer thread calls {@link #append}; any number of threads may look up
 * concurrently. An entry is published by a volatile write of the entry count after the arrays
 * hold it.
 */
final class OffsetIndex {

    /** Size of one entry in the index file. */
    static final int ENTRY_SIZE = 8;

    private volatile int[] relativeOffsets;
    private volatile int[] positions;
    private volatile int entryCount;

    OffsetIndex() {
        this(new int[16], new int[16], 0);
    }

    private OffsetIndex(int[] relativeOffsets, int[] positions, int entryCount) {
        this.relativeOffsets = relativeOffsets;
        this.positions = positions;
        this.entryCount = entryCount;
    }

    /**
     * Decodes index file bytes, checking that entries increase strictly and point inside a log
     * of {@code logSize} bytes.
     *
     * @return the index, or {@code null} when the bytes are not a valid index
     */
    static OffsetIndex decode(ByteBuffer bytes, long logSize) {
        if (bytes.remaining() % ENTRY_SIZE != 0) {
            return null;
        }
        int count = bytes.remaining() / ENTRY_SIZE;
        int[] relativeOffsets = new int[Math.max(16, count)];
        int[] positions = new int[Math.max(16, count)];
        for (int i = 0; i < count; i++) {
            relativeOffsets[i] = bytes.getInt();
            positions[i] = bytes.getInt();
            boolean increasing = i == 0
                    || (relativeOffsets[i] > relativeOffsets[i - 1]
                    && positions[i] > positions[i - 1]);
            if (relativeOffsets[i] < 0 || positions[i] < 0 || positions[i] >= logSize
                    || positions[i] % BatchDescriptor.ALIGNMENT != 0 || !increasing) {
                return null;
            }
        }
        return new OffsetIndex(relativeOffsets, positions, count);
    }

    /** Encodes the entries in the file layout. */
    ByteBuffer encode() {
        int count = entryCount;
        int[] offsets = relativeOffsets;
        int[] bytePositions = positions;
        ByteBuffer buffer = ByteBuffer.allocate(count * ENTRY_SIZE);
        for (int i = 0; i < count; i++) {
            buffer.putInt(offsets[i]).putInt(bytePositions[i]);
        }
        return buffer.flip();
    }

    /** Adds an entry after the last one; for the single writer thread. */
    void append(int relativeOffset, int position) {
        int count = entryCount;
        if (count == relativeOffsets.length) {
            relativeOffsets = Arrays.copyOf(relativeOffsets, count * 2);
            positions = Arrays.copyOf(positions, count * 2);
        }
        relativeOffsets[count] = relativeOffset;
        positions[count] = position;
        entryCount = count + 1;
    }

    /** The number of entries. */
    int entryCount() {
        return entryCount;
    }

    /** Returns the relative offset of entry {@code i}. */
    int relativeOffset(int i) {
        return relativeOffsets[i];
    }

    /** Returns the position of entry {@code i}. */
    int position(int i) {
        return positions[i];
    }

    /**
     * Returns the byte position of the last indexed batch whose relative offset is at most
     * {@code relativeOffset}, or 0 when there is none; scanning from there finds the offset.
     */
    int floorPosition(long relativeOffset) {
        int entry = floorEntry(relativeOffset);
        return entry < 0 ? 0 : positions[entry];
    }

    /**
     * Returns the number of the last entry whose relative offset is at most
     * {@code relativeOffset}, or -1 when there is none.
     */
    int floorEntry(long relativeOffset) {
        // The count is read before the array: an array read later holds at least that many.
        int count = entryCount;
        int[] offsets = relativeOffsets;
        int low = 0;
        int high = count - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (offsets[middle] <= relativeOffset) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    /** Returns whether both indexes hold the same entries. */
    boolean sameEntries(OffsetIndex other) {
        return encode().equals(other.encode());
    }
}
