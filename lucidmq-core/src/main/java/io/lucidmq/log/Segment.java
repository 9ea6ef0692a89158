package io.lucidmq.log;

import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;

/**
 * One segment of a partition log: its files, its in-memory indexes and the extent of its
 * valid batches. The extent ({@link #size}, {@link #nextOffset}) is published with volatile
 * writes after the batch bytes are in place, size before offset, so a reader that sees an
 * offset also sees the bytes that hold it.
 *
 * <p>Thread-safety: one writer thread (holding the log's append lock) calls the mutating
 * methods; readers call the accessors concurrently.
 */
final class Segment {

    private static final VarHandle SIZE;
    private static final VarHandle NEXT_OFFSET;
    private static final VarHandle MAX_TIMESTAMP;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SIZE = lookup.findVarHandle(Segment.class, "size", int.class);
            NEXT_OFFSET = lookup.findVarHandle(Segment.class, "nextOffset", long.class);
            MAX_TIMESTAMP = lookup.findVarHandle(Segment.class, "maxTimestamp", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long baseOffset;
    private final Path logFile;
    private final Path indexFile;
    private final Path timeIndexFile;
    private volatile OffsetIndex offsetIndex = new OffsetIndex();
    private volatile TimeIndex timeIndex = new TimeIndex();
    private volatile int size;
    private volatile long nextOffset;
    private volatile long maxTimestamp = -1;
    private volatile boolean deleted;
    private int bytesSinceIndexEntry;
    private int lastBatchRelativeOffset = -1;

    Segment(Path directory, long baseOffset) {
        this.baseOffset = baseOffset;
        this.logFile = SegmentFiles.logFile(directory, baseOffset);
        this.indexFile = SegmentFiles.indexFile(directory, baseOffset);
        this.timeIndexFile = SegmentFiles.timeIndexFile(directory, baseOffset);
        this.nextOffset = baseOffset;
    }

    long baseOffset() {
        return baseOffset;
    }

    Path logFile() {
        return logFile;
    }

    Path indexFile() {
        return indexFile;
    }

    Path timeIndexFile() {
        return timeIndexFile;
    }

    OffsetIndex offsetIndex() {
        return offsetIndex;
    }

    TimeIndex timeIndex() {
        return timeIndex;
    }

    /** The bytes of valid batches in the log file. */
    int size() {
        return size;
    }

    /** The offset after this segment's last record; the base offset when empty. */
    long nextOffset() {
        return nextOffset;
    }

    /** The largest record timestamp, or {@code -1} when empty or unknown. */
    long maxTimestamp() {
        return maxTimestamp;
    }

    boolean isEmpty() {
        return nextOffset == baseOffset;
    }

    boolean isDeleted() {
        return deleted;
    }

    void markDeleted() {
        deleted = true;
    }

    /** Returns whether {@code recordCount} more records keep relative offsets in int range. */
    boolean canHoldOffsets(int recordCount) {
        return nextOffset - baseOffset + recordCount <= Integer.MAX_VALUE;
    }

    /**
     * Records a batch written at {@code position}: adds index entries every
     * {@code indexIntervalBytes}, then publishes the new extent.
     */
    void batchAppended(BatchHeader header, int position, int indexIntervalBytes) {
        batchAppended(header.baseOffset(), header.recordCount(), header.batchLength(),
                header.maxTimestamp(), position, indexIntervalBytes);
    }

    /**
     * Records a batch as {@link #batchAppended(BatchHeader, int, int)} does, from the fields
     * of its header.
     */
    void batchAppended(long batchBaseOffset, int recordCount, int batchLength,
            long batchMaxTimestamp, int position, int indexIntervalBytes) {
        int relativeOffset = (int) (batchBaseOffset - baseOffset);
        long newMaxTimestamp = Math.max(maxTimestamp, batchMaxTimestamp);
        if (bytesSinceIndexEntry >= indexIntervalBytes) {
            offsetIndex.append(relativeOffset, position);
            timeIndex.maybeAppend(newMaxTimestamp, relativeOffset);
            bytesSinceIndexEntry = 0;
        }
        bytesSinceIndexEntry += batchLength;
        lastBatchRelativeOffset = relativeOffset;

        // Release stores keep the order readers rely on (size before offset) and cost no full
        // fence, unlike volatile stores. Readers still read the fields as volatile.
        MAX_TIMESTAMP.setRelease(this, newMaxTimestamp);
        SIZE.setRelease(this, position + batchLength);
        NEXT_OFFSET.setRelease(this, batchBaseOffset + recordCount);
    }

    /**
     * Sets the extent of a sealed segment whose batches were not scanned, trusted from its
     * file size, its time index and its successor's base offset.
     */
    void restoreExtent(int sizeInBytes, long endOffset) {
        maxTimestamp = timeIndex.lastTimestamp();
        size = sizeInBytes;
        nextOffset = endOffset;
    }

    /**
     * Sets the extent to end just before the batch of the last offset-index entry (or at the
     * start when the index is empty), so that scanning the batches from there with
     * {@link #batchAppended} restores the rest of the extent without duplicating entries.
     */
    void resumeAtLastIndexEntry() {
        OffsetIndex offsets = offsetIndex;
        int entries = offsets.entryCount();
        bytesSinceIndexEntry = 0;
        lastBatchRelativeOffset = -1;
        maxTimestamp = timeIndex.lastTimestamp();
        size = entries == 0 ? 0 : offsets.position(entries - 1);
        nextOffset = baseOffset + (entries == 0 ? 0 : offsets.relativeOffset(entries - 1));
    }

    /** Replaces the indexes, for a segment whose files were loaded or rebuilt. */
    void replaceIndexes(OffsetIndex offsets, TimeIndex times) {
        this.offsetIndex = offsets;
        this.timeIndex = times;
    }

    /** Adds the final time-index entry, so that the index holds the segment's largest timestamp. */
    void seal() {
        if (lastBatchRelativeOffset >= 0) {
            timeIndex.maybeAppend(maxTimestamp, lastBatchRelativeOffset);
        }
    }

    /** Writes both index files and forces them. */
    void writeIndexes(FileIO fileIO) throws IOException {
        writeFile(fileIO, indexFile, offsetIndex.encode());
        writeFile(fileIO, timeIndexFile, timeIndex.encode());
    }

    /**
     * Reads both index files.
     *
     * @return whether both exist and are structurally valid for a log of {@code logSize}
     */
    boolean loadIndexes(long logSize) throws IOException {
        ByteBuffer offsetBytes = readFile(indexFile);
        ByteBuffer timeBytes = readFile(timeIndexFile);
        OffsetIndex offsets = offsetBytes == null ? null : OffsetIndex.decode(offsetBytes, logSize);
        TimeIndex times = timeBytes == null ? null : TimeIndex.decode(timeBytes);
        if (offsets == null || times == null) {
            return false;
        }
        replaceIndexes(offsets, times);
        return true;
    }

    private static void writeFile(FileIO fileIO, Path file, ByteBuffer bytes) throws IOException {
        try (FileChannel channel = fileIO.open(file, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
            long position = 0;
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            fileIO.force(channel, true);
        }
    }

    private static ByteBuffer readFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize > Integer.MAX_VALUE) {
                return null;
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) fileSize);
            while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) >= 0) {
                // Reads until the buffer is full or the file ends.
            }
            return bytes.flip();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "segment " + baseOffset + " (" + logFile.toAbsolutePath() + ")";
    }
}
