package io.lucidmq.log;

import io.lucidmq.TopicPartition;
import io.lucidmq.io.FileIO;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The commit log of one partition: an ordered list of segments in one directory, each a log
 * file named by its base offset with a sparse offset index and a time index beside it.
 *
 * <p>Thread-safe. Appends are serialized by an internal lock; reads run concurrently with
 * appends and with each other.
 */
public final class PartitionLog implements AutoCloseable {

    /**
     * Opens the partition in {@code directory}, creating it if missing. Unless
     * {@code readOnly}, a log that was not closed cleanly is recovered: its newest segments are
     * validated batch by batch and truncated at the first invalid or incomplete batch, and
     * missing or inconsistent indexes are rebuilt.
     */
    public static PartitionLog open(Path directory, TopicPartition topicPartition,
            LogConfig config, FileIO fileIO, boolean readOnly) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The partition this log stores. */
    public TopicPartition topicPartition() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The offset of the oldest retained record. */
    public long startOffset() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The offset the next appended record gets. */
    public long endOffset() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The offset below which every record is known to be forced to disk. */
    public long flushedOffset() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The total size of the segment files. */
    public long sizeInBytes() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The number of segments, including the active one. */
    public int segmentCount() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Appends {@code records} as one batch, atomically, assigning consecutive offsets. A record
     * without a timestamp gets {@code timestampMs}. Writes to the page cache only; call
     * {@link #flushUpTo} for durability.
     *
     * @return the offset of the first appended record
     */
    public long append(List<ProducerRecord> records, long timestampMs) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Forces the log to disk up to at least {@code offset} (exclusive). Concurrent callers
     * share one force: a caller whose offset another caller's force covered returns without
     * forcing.
     */
    public void flushUpTo(long offset) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Reads up to {@code maxRecords} records starting at {@code offset}, and at most about
     * {@code maxBytes} of batches (always at least one batch when any exists).
     *
     * @return the records, empty when {@code offset} equals the end offset
     */
    public List<ConsumerRecord> read(long offset, int maxRecords, int maxBytes) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The offset of the first record with a timestamp at or after {@code timestampMs}. */
    public OptionalLong offsetForTimestamp(long timestampMs) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Deletes the oldest sealed segments while the log exceeds {@code retentionBytes} or a
     * segment's newest timestamp is older than {@code nowMs - retentionMs}; {@code -1} disables
     * a limit. Never deletes the active segment.
     *
     * @return the number of segments deleted
     */
    public int applyRetention(long retentionBytes, long retentionMs, long nowMs) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Picks up segments and records that another process wrote; for read-only logs. */
    public void refresh() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Flushes, writes the clean-shutdown marker and closes the files. Idempotent. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Closes the files and deletes the partition's directory. */
    public void delete() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
