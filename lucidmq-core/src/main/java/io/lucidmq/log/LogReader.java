package io.lucidmq.log;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.LucidStorageException;
import io.lucidmq.OffsetOutOfRangeException;
import io.lucidmq.record.ConsumerRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads records and looks up timestamps with positional reads through the shared
 * {@link SegmentFileCache}, never through a memory mapping, so a file that another process
 * truncates cannot crash the reader.
 *
 * <p>Thread-safe and lock-free: it reads each segment's published extent once and never reads
 * past it, so concurrent appends, rolls and deletions are safe. A read of a segment that
 * retention deleted either finishes, because an open channel keeps the data reachable, or
 * raises {@link OffsetOutOfRangeException} with the new start offset.
 */
final class LogReader {

    private static final int ATTEMPTS = 3;

    /** The largest read-ahead buffer that a reading thread keeps between reads. */
    private static final int MAX_KEPT_SCAN_BUFFER_BYTES = 256 * 1024;

    /**
     * Each reading thread's read-ahead buffer, so that a read does not allocate one. Decoded
     * records copy their bytes out of it, so nothing refers to it after a read.
     */
    private static final ThreadLocal<ByteBuffer> SCAN_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(SegmentScanner.READ_AHEAD_BYTES));
    private static final Logger LOGGER = LoggerFactory.getLogger(LogReader.class);

    private final LogContext context;
    private final SegmentList segments;
    private volatile Path lastIndexWarning;
    /**
     * The point after the last whole batch a read of this log returned, so that a consumer
     * tailing the log starts its next read there instead of at the offset-index entry before.
     */
    private volatile ReadEnd lastReadEnd;

    LogReader(LogContext context, SegmentList segments) {
        this.context = context;
        this.segments = segments;
    }

    /** See {@link PartitionLog#read}. */
    List<ConsumerRecord> read(long offset, int maxRecords, int maxBytes) {
        for (int attempt = 1; ; attempt++) {
            try {
                return readOnce(offset, maxRecords, maxBytes);
            } catch (ClosedByInterruptException e) {
                throw new LucidStorageException("read of partition " + context.topicPartition()
                        + " at offset " + offset + " was interrupted", e);
            } catch (ClosedChannelException e) {
                // Another reader's interrupt closed the shared channel; the cache reopens it.
                if (attempt == ATTEMPTS) {
                    throw readFailed(offset, e);
                }
            } catch (NoSuchFileException e) {
                throw outOfRange(offset, "its segment was deleted");
            } catch (IOException e) {
                throw readFailed(offset, e);
            }
        }
    }

    private List<ConsumerRecord> readOnce(long offset, int maxRecords, int maxBytes)
            throws IOException {
        long endOffset = segments.endOffset();
        List<ConsumerRecord> records = new ArrayList<>();
        if (offset == endOffset && offset >= segments.startOffset()) {
            return records;
        }
        Segment segment = segments.floor(offset);
        if (offset > endOffset || segment == null) {
            throw outOfRange(offset, "it is outside the log");
        }
        ReadProgress progress = new ReadProgress(offset, maxRecords, maxBytes, records);
        while (segment != null && !progress.done()) {
            // A segment gets a successor only once it is sealed, so reading the successor
            // first makes the end offset read next final whenever a successor exists.
            Segment next = segments.next(segment);
            if (progress.offset < segment.nextOffset()) {
                try {
                    long before = progress.offset;
                    readSegment(segment, progress);
                    checkProgress(segment, progress, before);
                } catch (CorruptRecordException e) {
                    // Return the sound records before the damage; the next read starts at the
                    // damaged batch and raises the error there.
                    if (records.isEmpty()) {
                        throw e;
                    }
                    return records;
                }
                continue;
            }
            if (next != null && next.baseOffset() != progress.offset) {
                // Records before the gap are returned; the next read starts at the gap.
                if (records.isEmpty()) {
                    throw missingOffsets(segment, next);
                }
                return records;
            }
            segment = next;
        }
        return records;
    }

    /**
     * Raises {@link CorruptRecordException} when reading a segment neither returned a record
     * nor stopped the read, so that a malformed segment can never make a read loop forever.
     */
    private static void checkProgress(Segment segment, ReadProgress progress, long before) {
        if (progress.offset == before && !progress.done()) {
            throw new CorruptRecordException("reading segment "
                    + segment.logFile().toAbsolutePath() + " at offset " + before
                    + " returned no record before the segment's end offset "
                    + segment.nextOffset() + "; run LogInspector.verify on its directory");
        }
    }

    /**
     * Returns the error for a read that reached offsets between two segments that do not
     * follow each other, as after a segment file was deleted.
     */
    private CorruptRecordException missingOffsets(Segment segment, Segment next) {
        long end = segment.nextOffset();
        String range = end < next.baseOffset()
                ? "offsets " + end + " to " + (next.baseOffset() - 1) + " are missing"
                : "offsets " + next.baseOffset() + " to " + (end - 1) + " are in two segments";
        return new CorruptRecordException(range + " in partition " + context.topicPartition()
                + ": the batches of segment " + segment.logFile().toAbsolutePath()
                + " end at byte " + segment.size() + " with offset " + (end - 1)
                + ", and the next segment " + next.logFile().toAbsolutePath()
                + " starts at offset " + next.baseOffset() + ". Restore the segment files of "
                + context.directory().toAbsolutePath() + " from a backup, or seek to offset "
                + next.baseOffset() + " to skip the missing offsets");
    }

    private void readSegment(Segment segment, ReadProgress progress) throws IOException {
        // The end offset is read before the size: a segment publishes its size first, so the
        // bytes up to the size hold every record below the end offset.
        long endOffset = segment.nextOffset();
        int limit = segment.size();
        OffsetIndex index = segment.offsetIndex();
        ReadEnd readEnd = lastReadEnd;
        if (readEnd != null && readEnd.segment() == segment && readEnd.offset() == progress.offset
                && readEnd.position() < limit
                && readSegmentFrom(segment, progress, readEnd.position(), progress.offset, false,
                        endOffset, limit)) {
            return;
        }
        int entry = index.floorEntry(progress.offset - segment.baseOffset());
        if (!readSegmentFrom(segment, progress, index, entry, endOffset, limit)) {
            if (!segment.logFile().equals(lastIndexWarning)) {
                lastIndexWarning = segment.logFile();
                LOGGER.warn("Offset index entry {} of segment {} of partition {} does not "
                        + "point at the batch it names; reading the segment from its start",
                        entry, segment.logFile().toAbsolutePath(), context.topicPartition());
            }
            readSegmentFrom(segment, progress, index, -1, endOffset, limit);
        }
    }

    /**
     * Reads the batches of {@code segment} from offset-index entry {@code entry}, or from the
     * first byte when it is -1, checking that base offsets follow densely from the offset the
     * entry names, because the CRC does not cover the base offset.
     *
     * @return {@code false} when the bytes the entry points at cannot be framed or hold a
     *     batch without the base offset the entry names, so the index may be wrong
     * @throws CorruptRecordException if a later batch breaks the sequence of offsets, or the
     *     segment ends before {@code endOffset}
     */
    private boolean readSegmentFrom(Segment segment, ReadProgress progress, OffsetIndex index,
            int entry, long endOffset, int limit) throws IOException {
        int start = entry < 0 ? 0 : index.position(entry);
        long expectedOffset = segment.baseOffset()
                + (entry < 0 ? 0 : index.relativeOffset(entry));
        return readSegmentFrom(segment, progress, start, expectedOffset, entry < 0, endOffset,
                limit);
    }

    /**
     * Reads the batches of {@code segment} from byte {@code start}, where the batch with base
     * offset {@code expectedOffset} must begin unless {@code trusted} (the segment's start).
     *
     * @return {@code false} when the bytes at {@code start} cannot be framed or hold a batch
     *     with another base offset
     */
    private boolean readSegmentFrom(Segment segment, ReadProgress progress, int start,
            long expectedOffset, boolean trusted, long endOffset, int limit)
            throws IOException {
        boolean checkStart = !trusted;
        try (SegmentFileCache.Lease lease = context.fileCache().acquire(segment.logFile())) {
            SegmentScanner scanner = new SegmentScanner(lease.channel(), start, limit,
                    context.config().maxRecordBytes(), SCAN_BUFFER.get());
            try {
                while (!progress.done()) {
                    SegmentScanner.ScannedBatch batch = scanner.next();
                    if (batch == null) {
                        if (checkStart && scanner.position() == start) {
                            return false;
                        }
                        checkStop(segment, scanner, limit);
                        checkComplete(segment, scanner, progress, endOffset);
                        return true;
                    }
                    if (batch.header().baseOffset() != expectedOffset) {
                        if (checkStart && batch.position() == start) {
                            return false;
                        }
                        throw new CorruptRecordException("batch at byte " + batch.position()
                                + " of " + segment.logFile().toAbsolutePath()
                                + " has base offset " + batch.header().baseOffset()
                                + " where offset " + expectedOffset + " was expected");
                    }
                    expectedOffset = batch.header().nextOffset();
                    if (batch.header().nextOffset() <= progress.offset) {
                        continue;
                    }
                    if (!progress.fits(batch.header().batchLength())) {
                        progress.stop();
                        return true;
                    }
                    progress.add(BatchDecoder.decode(batch.bytes(), batch.header(),
                            context.topicPartition(), progress.offset, progress.recordsLeft(),
                            segment.logFile(), batch.position()), batch.header().batchLength());
                    if (progress.offset == batch.header().nextOffset()) {
                        lastReadEnd = new ReadEnd(segment, progress.offset,
                                (int) batch.position() + batch.header().batchLength());
                    }
                }
            } finally {
                keepScanBuffer(scanner.buffer());
            }
        }
        return true;
    }

    /** Keeps a read-ahead buffer for the thread's next read unless it grew too large. */
    private static void keepScanBuffer(ByteBuffer buffer) {
        if (buffer.capacity() <= MAX_KEPT_SCAN_BUFFER_BYTES) {
            SCAN_BUFFER.set(buffer);
        }
    }

    /**
     * Raises {@link CorruptRecordException} when the batches of a segment ended below the
     * offset it must reach, as in a sealed segment cut at a batch boundary, which would
     * otherwise be read again and again.
     */
    private static void checkComplete(Segment segment, SegmentScanner scanner,
            ReadProgress progress, long endOffset) {
        if (progress.offset < endOffset) {
            throw new CorruptRecordException("the batches of segment "
                    + segment.logFile().toAbsolutePath() + " end at byte " + scanner.position()
                    + " with offset " + progress.offset + ", but the segment holds offsets up to "
                    + (endOffset - 1));
        }
    }

    /**
     * Raises {@link CorruptRecordException} when a scan stopped before the segment's extent.
     * A read-only log accepts a zero length field there: a writer that crashed during a roll
     * leaves zeros at the end of a sealed segment until its next open recovers it.
     */
    private void checkStop(Segment segment, SegmentScanner scanner, int limit) {
        boolean zeroEnd = scanner.stopReason() == null && scanner.position() < limit;
        if (scanner.stoppedAtDamage() || (zeroEnd && !context.readOnly())) {
            throw new CorruptRecordException("batch at byte " + scanner.position() + " of "
                    + segment.logFile().toAbsolutePath() + " cannot be read: "
                    + (zeroEnd ? "a zero length field before the end of the segment at byte "
                    + limit : scanner.stopReason()));
        }
    }

    /** See {@link PartitionLog#offsetForTimestamp}. */
    OptionalLong offsetForTimestamp(long timestampMs) {
        try {
            for (Segment segment : segments.all()) {
                long maxTimestamp = segment.maxTimestamp();
                if (segment.isEmpty() || (maxTimestamp >= 0 && maxTimestamp < timestampMs)) {
                    continue;
                }
                OptionalLong offset = searchSegment(segment, timestampMs);
                if (offset.isPresent()) {
                    return offset;
                }
            }
            return OptionalLong.empty();
        } catch (NoSuchFileException e) {
            throw outOfRange(segments.startOffset(), "its segment was deleted during the search");
        } catch (IOException e) {
            throw new LucidStorageException("timestamp search in partition "
                    + context.topicPartition() + " for " + timestampMs + " failed: "
                    + e.getMessage(), e);
        }
    }

    private OptionalLong searchSegment(Segment segment, long timestampMs) throws IOException {
        int limit = segment.size();
        int relativeOffset = segment.timeIndex().scanStart(timestampMs);
        int start = segment.offsetIndex().floorPosition(relativeOffset);
        try (SegmentFileCache.Lease lease = context.fileCache().acquire(segment.logFile())) {
            SegmentScanner scanner = new SegmentScanner(lease.channel(), start, limit,
                    context.config().maxRecordBytes());
            SegmentScanner.ScannedBatch batch;
            while ((batch = scanner.next()) != null) {
                if (batch.header().maxTimestamp() < timestampMs) {
                    continue;
                }
                List<ConsumerRecord> records = BatchDecoder.decode(batch.bytes(),
                        batch.header(), context.topicPartition(), batch.header().baseOffset(),
                        Integer.MAX_VALUE, segment.logFile(), batch.position());
                for (ConsumerRecord record : records) {
                    if (record.timestamp() >= timestampMs) {
                        return OptionalLong.of(record.offset());
                    }
                }
            }
            checkStop(segment, scanner, limit);
        }
        return OptionalLong.empty();
    }

    private OffsetOutOfRangeException outOfRange(long offset, String reason) {
        return new OffsetOutOfRangeException("offset " + offset + " is out of range for "
                + "partition " + context.topicPartition() + " because " + reason
                + ": valid offsets are " + segments.startOffset() + " to "
                + segments.endOffset());
    }

    private LucidStorageException readFailed(long offset, IOException e) {
        return new LucidStorageException("read of partition " + context.topicPartition()
                + " in " + context.directory().toAbsolutePath() + " at offset " + offset
                + " failed: " + e, e);
    }

    /** The records collected so far by one read and the limits left. */
    /** The byte of {@code segment} where the batch with base offset {@code offset} starts. */
    private record ReadEnd(Segment segment, long offset, int position) {
    }

    private static final class ReadProgress {
        long offset;
        private final int maxRecords;
        private final int maxBytes;
        private final List<ConsumerRecord> records;
        private long bytes;
        private boolean stopped;

        ReadProgress(long offset, int maxRecords, int maxBytes, List<ConsumerRecord> records) {
            this.offset = offset;
            this.maxRecords = maxRecords;
            this.maxBytes = maxBytes;
            this.records = records;
        }

        boolean done() {
            return stopped || records.size() >= maxRecords || bytes >= maxBytes;
        }

        /** Whether a batch of {@code length} fits; the first batch always does. */
        boolean fits(int length) {
            return records.isEmpty() || bytes + length <= maxBytes;
        }

        int recordsLeft() {
            return maxRecords - records.size();
        }

        void add(List<ConsumerRecord> batchRecords, int length) {
            records.addAll(batchRecords);
            bytes += length;
            if (!batchRecords.isEmpty()) {
                offset = batchRecords.get(batchRecords.size() - 1).offset() + 1;
            }
        }

        void stop() {
            stopped = true;
        }
    }
}
