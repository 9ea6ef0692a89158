package io.lucidmq.log;

import io.lucidmq.LucidStorageException;
import io.lucidmq.PartitionFailedException;
import io.lucidmq.TopicPartition;
import io.lucidmq.io.FileIO;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit log of one partition: an ordered list of segments in one directory, each a log
 * file named by its base offset with a sparse offset index and a time index beside it. The
 * formats and the recovery procedure are specified in {@code docs/format.md}.
 *
 * <p>Guarantees: an append is atomic, because a batch becomes visible, to readers in this and
 * other processes and to recovery, only when its length field is written last. An appended
 * batch survives a crash of the process once {@link #append} returns, and a power loss once
 * {@link #flushUpTo} covering it returns. Reads never return bytes that fail their CRC32C.
 *
 * <p>Thread-safe. An internal lock serializes appends, rolls, retention and close. One force
 * runs at a time, claimed through a {@link GroupCommit}, so appends continue during a force and
 * callers of {@link #flushUpTo} that arrive meanwhile share the next force. Reads take no lock
 * and run concurrently with all of these. A roll leaves the full segment's force, tail cut and
 * index files to the sealer of the {@link SegmentWorkers}, under a lock of its own, so appends
 * go on meanwhile; a flush that needs the segment forced completes that work first.
 *
 * <p>Failure: when a write or force fails with an {@link IOException}, the exception reaches
 * the caller as a {@link LucidStorageException} and the log enters a failed state in which
 * appends and flushes raise {@link PartitionFailedException}; reads still work. Reopening the
 * directory recovers from what is on disk. An interrupt pending when {@link #append} or
 * {@link #flushUpTo} starts does not stop it, and the flag stays set. An interrupt that comes
 * during a system call on a channel opened for that call raises a
 * {@link LucidStorageException} but leaves the log usable.
 *
 * <p>After {@link #close()}, every method except the accessors raises
 * {@link IllegalStateException}.
 */
public final class PartitionLog implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(PartitionLog.class);

    /** The largest encode buffer an append keeps for the next; larger batches get their own. */
    private static final int MAX_ENCODE_BUFFER_BYTES = 64 * 1024;

    private final LogContext context;
    private final boolean ownsFileCache;
    private final SegmentList segments = new SegmentList();
    private final LogReader reader;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final SegmentWorkers workers;
    private final WriteChannelBudget writeChannels;
    /** The buffer appends encode their batch into; guarded by the append lock. */
    private ByteBuffer encodeBuffer;
    /**
     * The direct buffer that appends encode their batch into when the writer writes through a
     * channel, because a write copies a heap buffer into a direct one first. Guarded by the
     * append lock.
     */
    private ByteBuffer directEncodeBuffer;
    private final GroupCommit groupCommit = new GroupCommit();
    private final Path cleanShutdownFile;
    private volatile SegmentWriter writer;
    private volatile long flushedOffset;
    /** The byte of the active segment up to which it is forced; guarded by the force claim. */
    private int flushedPosition;
    /**
     * Rolled segments whose force, tail cut and index files are pending, oldest first. A roll
     * adds one under the force claim. Seals complete under the seal lock, which never waits
     * for the claim, so a long seal force does not hold up the next roll.
     */
    private final ConcurrentLinkedDeque<SealingSegment> sealing = new ConcurrentLinkedDeque<>();
    private final ReentrantLock sealLock = new ReentrantLock();
    /** Serializes raises of the flushed offset, which forces and seals make concurrently. */
    private final Object flushedOffsetLock = new Object();
    /**
     * The writer of the next segment's file, which the spare preparer creates with its first
     * chunk while the active segment fills its last chunk, or at the start of the active
     * segment when the previous one filled fast (see {@link #FAST_SEGMENT_NANOS}). The file
     * has a temporary name until the roll. Guarded by the spare lock, which the spare preparer
     * keeps while it creates one.
     */
    private SegmentWriter spare;
    private boolean spareRequested;
    private final Object spareLock = new Object();
    /** When the active segment became active; guarded by the append lock. */
    private long activeSinceNanos = System.nanoTime();
    /**
     * Whether the last sealed segment filled within {@link #FAST_SEGMENT_NANOS}; guarded by
     * the append lock.
     */
    private boolean fillsFast;
    /** The number of segment files created in the directory since open. */
    private final AtomicLong directoryChanges = new AtomicLong();
    /**
     * The value of {@link #directoryChanges} that the last completed force of the directory
     * covers. Written under the seal lock after the force returns, so a flush that reads a
     * value below the changes completes the seals, and with them that force, before it forces.
     */
    private volatile long directoryForcedChanges;
    private boolean cleanShutdownMarkerPresent;
    private final AtomicReference<LogFailure> failure = new AtomicReference<>();
    private volatile boolean closed;

    /**
     * A segment that fills within this time (10 s) marks a fast partition. Its next segment
     * file is then requested at the start of each segment and prepared in full on the spare
     * preparer while the active segment fills. A partition that writes faster than one thread
     * can prepare file space thus uses a second processor for it. Slower partitions get
     * their next file with only its first chunk, near the end of the active segment, so that
     * an idle partition keeps no more than that on disk.
     */
    static final long FAST_SEGMENT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private PartitionLog(LogContext context, boolean ownsFileCache, SegmentWorkers workers,
            WriteChannelBudget writeChannels, LogLoader.LoadedLog loaded) {
        this.context = context;
        this.ownsFileCache = ownsFileCache;
        this.workers = workers;
        this.writeChannels = writeChannels;
        this.reader = new LogReader(context, segments);
        this.cleanShutdownFile = context.directory().resolve(SegmentFiles.CLEAN_SHUTDOWN_FILE);
        this.cleanShutdownMarkerPresent = loaded.cleanShutdown();
        loaded.segments().forEach(segments::add);
    }

    /**
     * Opens the partition in {@code directory}, creating it if missing. Unless
     * {@code readOnly}, a log that was not closed cleanly is recovered: its newest segments are
     * validated batch by batch and truncated at the first invalid or incomplete batch, and
     * missing or inconsistent indexes are rebuilt. Sealed-segment channels come from a private
     * cache of {@link LogConfig#maxOpenSegmentFiles()} files.
     *
     * @throws LucidStorageException if the directory cannot be read, or cannot be written when
     *     not {@code readOnly}
     */
    public static PartitionLog open(Path directory, TopicPartition topicPartition,
            LogConfig config, FileIO fileIO, boolean readOnly) {
        return open(directory, topicPartition, config, fileIO, readOnly, null, null);
    }

    /**
     * Opens the partition as {@link #open(Path, TopicPartition, LogConfig, FileIO, boolean,
     * SegmentFileCache, SegmentWorkers)} does, without background workers.
     */
    public static PartitionLog open(Path directory, TopicPartition topicPartition,
            LogConfig config, FileIO fileIO, boolean readOnly, SegmentFileCache fileCache) {
        return open(directory, topicPartition, config, fileIO, readOnly, fileCache, null);
    }

    /**
     * Opens the partition as {@link #open(Path, TopicPartition, LogConfig, FileIO, boolean)}
     * does, reading segment files through {@code fileCache}, which may be shared by every
     * partition of an instance and which the caller closes after the logs.
     *
     * <p>With {@code workers}, file space is prepared ahead of the appends and rolls are
     * completed in the background (see {@link SegmentWorkers}); without, the appending thread
     * does both, so every file operation happens inside the call that causes it.
     *
     * @param fileCache the shared cache, or {@code null} for a private one
     * @param workers the background threads shared by the instance's logs, or {@code null}
     */
    public static PartitionLog open(Path directory, TopicPartition topicPartition,
            LogConfig config, FileIO fileIO, boolean readOnly, SegmentFileCache fileCache,
            SegmentWorkers workers) {
        return open(directory, topicPartition, config, fileIO, readOnly, fileCache, workers,
                null);
    }

    /**
     * Opens the partition as {@link #open(Path, TopicPartition, LogConfig, FileIO, boolean,
     * SegmentFileCache, SegmentWorkers)} does, for a log that is forced after every append.
     * Each active segment takes a place in {@code writeChannels} if one is free, keeps its
     * file open while it is active and writes and forces through system calls, which costs
     * less under such forces than writing through a mapping (see {@link WriteChannelBudget}).
     *
     * @param writeChannels the budget shared by the instance's logs, or {@code null} to write
     *     every segment through its mappings
     */
    public static PartitionLog open(Path directory, TopicPartition topicPartition,
            LogConfig config, FileIO fileIO, boolean readOnly, SegmentFileCache fileCache,
            SegmentWorkers workers, WriteChannelBudget writeChannels) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(topicPartition, "topicPartition");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(fileIO, "fileIO");
        boolean ownsFileCache = fileCache == null;
        SegmentFileCache cache = ownsFileCache
                ? new SegmentFileCache(config.maxOpenSegmentFiles()) : fileCache;
        LogContext context = new LogContext(directory.toAbsolutePath().normalize(),
                topicPartition, config, fileIO, readOnly, cache);
        try {
            LogLoader.LoadedLog loaded = LogLoader.load(context);
            PartitionLog log = new PartitionLog(context, ownsFileCache, workers,
                    readOnly ? null : writeChannels, loaded);
            if (!readOnly) {
                log.openWriter(loaded.cleanShutdown());
            }
            log.flushedOffset = log.endOffset();
            LOGGER.info("Opened partition {} in {}{}: offsets {} to {} in {} segments",
                    topicPartition, context.directory(), readOnly ? " read-only" : "",
                    log.startOffset(), log.endOffset(), log.segmentCount());
            return log;
        } catch (IOException e) {
            if (ownsFileCache) {
                cache.close();
            }
            throw new LucidStorageException("opening partition " + topicPartition + " in "
                    + context.directory() + " failed: " + e, e);
        }
    }

    private void openWriter(boolean cleanShutdown) throws IOException {
        Segment active = segments.last();
        writer = newWriter(active);
        if (!active.isEmpty()) {
            // How long the segment took to fill before the open is unknown, so it counts as
            // slow: its roll does not make the partition fast.
            activeSinceNanos = System.nanoTime() - FAST_SEGMENT_NANOS;
        }
        if (!cleanShutdown) {
            // Recovery read the page cache; force what it validated before calling it flushed.
            writer.forceFile();
            context.fileIO().forceDirectory(context.directory());
        }
        flushedPosition = active.size();
    }

    /** The partition this log stores. */
    public TopicPartition topicPartition() {
        return context.topicPartition();
    }

    /** Returns the partition directory, absolute and normalized. */
    public Path directory() {
        return context.directory();
    }

    /** Returns whether this log only reads. */
    public boolean isReadOnly() {
        return context.readOnly();
    }

    /** Returns whether a failed write or force put this log in the failed state. */
    public boolean isFailed() {
        return failure.get() != null;
    }

    /** The offset of the oldest retained record. */
    public long startOffset() {
        return segments.startOffset();
    }

    /** The offset the next appended record gets. */
    public long endOffset() {
        return segments.endOffset();
    }

    /** The offset below which every record is known to be forced to disk. */
    public long flushedOffset() {
        return flushedOffset;
    }

    /** The total size of the valid batches in the segment files. */
    public long sizeInBytes() {
        return segments.sizeInBytes();
    }

    /** The number of segments, including the active one. */
    public int segmentCount() {
        return segments.size();
    }

    /**
     * Appends {@code records} as one batch, atomically, assigning consecutive offsets. A record
     * without a timestamp gets {@code timestampMs}. Writes to the page cache only; call
     * {@link #flushUpTo} for durability. Rolls to a new segment first when the batch would
     * not fit in the active one.
     *
     * @return the offset of the first appended record
     * @throws io.lucidmq.RecordTooLargeException if a record exceeds
     *     {@link LogConfig#maxRecordBytes()}; nothing is written
     * @throws PartitionFailedException if an earlier write or force failed
     * @throws LucidStorageException if this write fails; the log is then failed
     */
    public long append(List<ProducerRecord> records, long timestampMs) {
        appendLock.lock();
        // A pending interrupt would close the channels that preparing file space and rolling
        // open, so it waits until the append is done.
        boolean interrupted = Thread.interrupted();
        try {
            int batchLength = BatchEncoder.batchLength(records, timestampMs,
                    context.config().maxRecordBytes(), context.topicPartition());
            checkWritable();
            prepareFirstWrite();
            Segment segment = segments.last();
            if (needsRoll(segment, batchLength, records.size())) {
                segment = roll(segment);
            }

            long baseOffset = segment.nextOffset();
            int position = segment.size();
            long maxTimestamp = write(position, records, batchLength, timestampMs, baseOffset);
            if (workers != null && !spareRequested && (fillsFast
                    || position + batchLength + SegmentWriter.PREALLOCATION_BYTES
                            > context.config().segmentBytes())) {
                requestSpare(fillsFast);
            }

            segment.batchAppended(baseOffset, records.size(), batchLength, maxTimestamp,
                    position, context.config().indexIntervalBytes());
            return baseOffset;
        } catch (IOException e) {
            throw writeFailed("append", segments.last().logFile(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            appendLock.unlock();
        }
    }

    /**
     * Writes the batch at {@code position} of the active segment: encoded in place in the
     * segment's mapping when it fits in one chunk, else encoded into a heap buffer and copied.
     * The records were measured and checked by {@link BatchEncoder#batchLength} already.
     *
     * @return the largest record timestamp of the batch
     */
    private long write(int position, List<ProducerRecord> records, int batchLength,
            long timestampMs, long baseOffset) throws IOException {
        if (writer.writesThroughChannel()) {
            ByteBuffer staging = directEncodeBuffer();
            ByteBuffer buffer = batchLength <= staging.capacity()
                    ? staging.clear().limit(batchLength) : heapBatchBuffer(batchLength);
            long maxTimestamp = BatchEncoder.encodeInto(buffer, 0, records, batchLength,
                    timestampMs, baseOffset);
            writer.write(position, buffer, staging);
            return maxTimestamp;
        }
        ByteBuffer chunk = writer.chunkFor(position, batchLength);
        if (chunk != null) {
            ByteBuffer target = chunk.slice(SegmentWriter.indexInChunk(position), batchLength);
            long maxTimestamp = encodeInPlace(target, records, timestampMs, baseOffset);
            writer.commit(position, batchLength);
            return maxTimestamp;
        }
        ByteBuffer buffer = heapBatchBuffer(batchLength);
        long maxTimestamp = BatchEncoder.encodeInto(buffer, 0, records, batchLength,
                timestampMs, baseOffset);
        writer.write(position, buffer);
        return maxTimestamp;
    }

    /**
     * Returns a heap buffer with position 0 and limit {@code batchLength}: the kept encode
     * buffer when it is large enough, else a new one, which is kept unless it is larger than
     * {@link #MAX_ENCODE_BUFFER_BYTES}.
     */
    private ByteBuffer heapBatchBuffer(int batchLength) {
        if (encodeBuffer != null && encodeBuffer.capacity() >= batchLength) {
            return encodeBuffer.clear().limit(batchLength);
        }
        ByteBuffer buffer = ByteBuffer.allocate(batchLength);
        if (batchLength <= MAX_ENCODE_BUFFER_BYTES) {
            encodeBuffer = buffer;
        }
        return buffer;
    }

    /**
     * Returns the kept direct buffer of {@link #MAX_ENCODE_BUFFER_BYTES}, allocated at the
     * first call: batches that fit are encoded into it, and larger ones are copied through it
     * to the channel, so that no write needs the JDK's per-thread temporary direct buffers.
     */
    private ByteBuffer directEncodeBuffer() {
        if (directEncodeBuffer == null) {
            directEncodeBuffer = ByteBuffer.allocateDirect(MAX_ENCODE_BUFFER_BYTES);
        }
        return directEncodeBuffer;
    }

    /**
     * Encodes the batch into {@code target}, which spans exactly the batch and contains only
     * zeros.
     * When encoding fails, for example because the records changed since they were measured
     * and no longer fit, the zeros are restored before the failure is rethrown, so that no
     * byte of the failed batch stays after the end of the log for a reader or a recovery to
     * find.
     */
    private static long encodeInPlace(ByteBuffer target, List<ProducerRecord> records,
            long timestampMs, long baseOffset) {
        try {
            return BatchEncoder.encodeInto(target, 0, records, target.capacity(), timestampMs,
                    baseOffset);
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < target.capacity(); i++) {
                target.put(i, (byte) 0);
            }
            throw e;
        }
    }

    private boolean needsRoll(Segment segment, int batchLength, int recordCount) {
        if (segment.isEmpty()) {
            return false;
        }
        long end = (long) segment.size() + batchLength;
        return end > context.config().segmentBytes() || !segment.canHoldOffsets(recordCount);
    }

    /**
     * Seals {@code active} and starts a new active segment whose base offset is the log's end
     * offset. Completing the seal (forcing the full segment, cutting its preallocated tail,
     * writing its indexes, moving the recovery point) is queued to the sealer, or done here
     * without workers. Until then the recovery point stays before the sealed segment, so a
     * crash recovers it like an active one. Holds the force claim, so no force runs on the old
     * writer meanwhile.
     */
    private Segment roll(Segment active) throws IOException {
        groupCommit.begin();
        Segment next;
        try {
            next = new Segment(context.directory(), active.nextOffset());
            // The next writer comes first, so that a roll that fails there changes nothing.
            SegmentWriter nextWriter = takeSpare(next);
            active.seal();
            sealing.add(new SealingSegment(active, writer));
            // No force runs on the old writer any more: the claim is held here, and the seal
            // forces the file with its cut.
            writer.releaseWriteChannel();
            writer = nextWriter;
            long now = System.nanoTime();
            fillsFast = now - activeSinceNanos < FAST_SEGMENT_NANOS;
            activeSinceNanos = now;
            segments.add(next);
            flushedPosition = 0;
            directoryChanges.incrementAndGet();
            LOGGER.info("Rolled partition {} to segment {} at offset {}; sealed {} with {} bytes",
                    context.topicPartition(), next.logFile(), next.baseOffset(),
                    active.logFile(), active.size());
            if (workers == null) {
                completeSeals();
            }
        } finally {
            groupCommit.end();
        }
        if (workers != null) {
            try {
                workers.sealer().execute(this::completeSealsInBackground);
            } catch (RejectedExecutionException e) {
                // The instance is closing, and closing the log completes the seal.
                LOGGER.debug("Sealer stopped; segment {} of partition {} is sealed on close",
                        active.logFile(), context.topicPartition());
            }
        }
        return next;
    }

    /**
     * Asks the spare preparer for the next segment's file, with all of it prepared when
     * {@code whole}; the caller holds the append lock.
     */
    private void requestSpare(boolean whole) {
        spareRequested = true;
        try {
            workers.sparePreparer().execute(() -> prepareSpare(whole));
        } catch (RejectedExecutionException e) {
            LOGGER.debug("Preparer stopped; the next segment of partition {} is prepared on "
                    + "the roll", context.topicPartition());
        }
    }

    /**
     * Creates the spare segment file with its first chunk, unless a request that ran before
     * created it, and when {@code whole} queues the preparation of its other chunks; runs on
     * the spare preparer. A request for the first chunk may run after the roll it was made
     * for, because that roll did not wait and created its file itself. The spare it creates
     * then serves the next roll.
     */
    private void prepareSpare(boolean whole) {
        synchronized (spareLock) {
            if (closed) {
                return;
            }
            if (spare == null) {
                Path file = context.directory().resolve(SegmentFiles.SPARE_FILE);
                try {
                    spare = SegmentWriter.prepared(file, context.fileIO(),
                            context.config().segmentBytes(), workers.preparer(),
                            writeChannels);
                } catch (IOException | RuntimeException e) {
                    // Not fatal: the roll creates the next segment file itself.
                    LOGGER.warn("Preparing the next segment file {} of partition {} failed; "
                            + "the roll creates it instead: {}", file,
                            context.topicPartition(), e.toString());
                    return;
                }
            }
            if (whole) {
                // Queued chunk by chunk without the spare lock, so a roll that takes the spare
                // meanwhile waits for one chunk at most.
                spare.prepareAhead(context.config().segmentBytes(), workers.sparePreparer());
            }
        }
    }

    /**
     * Returns the writer of the segment a roll starts: the spare, renamed to the segment's
     * file name, or a new writer when there is no spare.
     */
    private SegmentWriter takeSpare(Segment segment) throws IOException {
        synchronized (spareLock) {
            SegmentWriter spareWriter = spare;
            spare = null;
            spareRequested = false;
            if (spareWriter != null) {
                // Renamed while holding the spare lock. A preparation that ran between taking
                // the spare and renaming it would open the taken spare's file by its old name,
                // so two writers would map one file.
                try {
                    spareWriter.moveTo(segment.logFile());
                    return spareWriter;
                } catch (IOException e) {
                    spareWriter.close();
                    LOGGER.warn("Renaming the prepared segment file {} of partition {} to {} "
                            + "failed; creating it instead: {}", spareWriter.file(),
                            context.topicPartition(), segment.logFile(), e.toString());
                }
            }
        }
        return newWriter(segment);
    }

    private SegmentWriter newWriter(Segment segment) throws IOException {
        return new SegmentWriter(segment.logFile(), context.fileIO(),
                context.config().segmentBytes(), workers == null ? null : workers.preparer(),
                writeChannels);
    }

    /**
     * Completes every pending seal, oldest first, forces the directory if a segment file was
     * created and moves the recovery point past the last completed seal. Takes the seal lock;
     * a caller may hold the append lock and the force claim, in that order, before it.
     */
    private void completeSeals() throws IOException {
        sealLock.lock();
        try {
            SealingSegment last = null;
            SealingSegment pending;
            while ((pending = sealing.peek()) != null) {
                Segment segment = pending.segment();
                // One force: the cut forces the data with the file's new size, after the
                // writer's mappings are gone, so the force write-protects no mapped page.
                pending.writer().truncate(segment.size());
                segment.writeIndexes(context.fileIO());
                sealing.poll();
                last = pending;
            }
            long changes = directoryChanges.get();
            if (directoryForcedChanges < changes) {
                context.fileIO().forceDirectory(context.directory());
                directoryForcedChanges = changes;
            }
            if (last != null) {
                // Every segment before the one after the last seal is now forced and indexed.
                long recoveryPoint = last.segment().nextOffset();
                CheckpointFile.write(context.fileIO(),
                        context.directory().resolve(SegmentFiles.RECOVERY_POINT_FILE),
                        CheckpointFile.RECOVERY_POINT_MAGIC, recoveryPoint);
                raiseFlushedOffset(recoveryPoint);
            }
        } finally {
            sealLock.unlock();
        }
    }

    /** Completes the pending seals on the sealer; a failure puts the log in the failed state. */
    private void completeSealsInBackground() {
        if (closed || failure.get() != null) {
            return;
        }
        try {
            completeSeals();
        } catch (IOException e) {
            SealingSegment pending = sealing.peek();
            writeFailed("seal", pending != null ? pending.segment().logFile()
                    : context.directory(), e);
        }
    }

    private void raiseFlushedOffset(long offset) {
        synchronized (flushedOffsetLock) {
            if (offset > flushedOffset) {
                flushedOffset = offset;
            }
        }
    }

    /**
     * Forces the log to disk up to at least {@code offset} (exclusive), sharing forces between
     * concurrent callers (group commit). A caller whose offset is not yet flushed either
     * claims the force, when none runs, and forces up to the end offset it then observes, or
     * parks until a force covers its offset or it is woken to claim the next force. Before
     * forcing, a claimer may wait for the callers the previous force released to append
     * again, for at most a quarter of that force's duration and at most 1 ms. A lone caller
     * never waits (see {@link GroupCommit}). A caller that returns normally has its offset
     * covered by a completed force; when a force fails, every caller waiting for it raises
     * {@link PartitionFailedException}. Waiting ignores interrupts and keeps the interrupt
     * flag set.
     *
     * @throws IllegalArgumentException if {@code offset} is above {@link #endOffset()}
     * @throws PartitionFailedException if an earlier write or force failed, including a force
     *     this caller waited for
     * @throws LucidStorageException if this caller's own force fails; the log is then failed
     */
    public void flushUpTo(long offset) {
        checkOpen();
        if (offset <= flushedOffset) {
            return;
        }
        long endOffset = endOffset();
        if (offset > endOffset) {
            throw new IllegalArgumentException("offset " + offset + " is above the end offset "
                    + endOffset + " of partition " + context.topicPartition());
        }
        while (offset > flushedOffset) {
            checkWritable();
            if (groupCommit.tryBegin()) {
                boolean forced = false;
                // A pending interrupt would close the channels the force opens, so it waits
                // until the force is done.
                boolean interrupted = Thread.interrupted();
                try {
                    checkWritable();
                    forceActiveSegment();
                    forced = true;
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    // After a failure every waiter wakes, to raise PartitionFailedException.
                    if (forced) {
                        groupCommit.end(flushedOffset);
                    } else {
                        groupCommit.end();
                    }
                }
                continue;
            }
            // Parking returns at once while the flag is set, so clear it for the wait only.
            boolean interrupted = Thread.interrupted();
            groupCommit.awaitForce(offset, () -> offset <= flushedOffset);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Completes pending seals, then forces the active segment up to its current end. The
     * caller must own the force claim.
     */
    private void forceActiveSegment() {
        if (!sealing.isEmpty() || directoryForcedChanges < directoryChanges.get()) {
            try {
                completeSeals();
            } catch (IOException e) {
                SealingSegment pending = sealing.peek();
                throw writeFailed("seal", pending != null ? pending.segment().logFile()
                        : context.directory(), e);
            }
        }
        Segment active = segments.last();
        // The end offset is read before the size, which the segment publishes first.
        long end = active.nextOffset();
        int size = active.size();
        try {
            writer.force(flushedPosition, size);
        } catch (IOException e) {
            throw writeFailed("force", active.logFile(), e);
        }
        flushedPosition = size;
        raiseFlushedOffset(end);
    }

    /**
     * Reads up to {@code maxRecords} records starting at {@code offset}, and at most about
     * {@code maxBytes} of batches (always at least one batch when any exists).
     *
     * @return the records, empty when {@code offset} equals the end offset
     * @throws io.lucidmq.OffsetOutOfRangeException if {@code offset} is below
     *     {@link #startOffset()} or above {@link #endOffset()}; the message gives the range
     * @throws io.lucidmq.CorruptRecordException if the first batch to read fails its CRC32C
     *     or format check; the message names the file and the byte position. A damaged batch
     *     after sound ones ends the result early instead, so the next read raises it.
     */
    public List<ConsumerRecord> read(long offset, int maxRecords, int maxBytes) {
        checkOpen();
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1, but was "
                    + maxRecords);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, but was "
                    + maxBytes);
        }
        return reader.read(offset, maxRecords, maxBytes);
    }

    /**
     * Returns the offset of the first record with a timestamp at or after {@code timestampMs},
     * or empty when every record is older.
     */
    public OptionalLong offsetForTimestamp(long timestampMs) {
        checkOpen();
        return reader.offsetForTimestamp(timestampMs);
    }

    /**
     * Deletes the oldest sealed segments while the log exceeds {@code retentionBytes} or a
     * segment's newest timestamp is older than {@code nowMs - retentionMs}; {@code -1} disables
     * a limit. Never deletes the active segment.
     *
     * @return the number of segments deleted
     * @throws LucidStorageException if a file cannot be deleted. The segment is no longer
     *     read, and the next open loads its remaining files again as the oldest segment
     */
    public int applyRetention(long retentionBytes, long retentionMs, long nowMs) {
        requireLimit("retentionBytes", retentionBytes);
        requireLimit("retentionMs", retentionMs);
        appendLock.lock();
        try {
            checkWritable();
            // Seals complete first, so that retention never deletes a file a seal still writes.
            groupCommit.begin();
            try {
                completeSeals();
                return new RetentionRun(context, segments).apply(retentionBytes, retentionMs,
                        nowMs);
            } catch (IOException e) {
                throw writeFailed("seal before retention", segments.last().logFile(), e);
            } finally {
                groupCommit.end();
            }
        } finally {
            appendLock.unlock();
        }
    }

    private static void requireLimit(String name, long value) {
        if (value < -1) {
            throw new IllegalArgumentException(
                    name + " must be -1 (no limit) or 0 or more, but was " + value);
        }
    }

    /**
     * Picks up segments and records that another process wrote; for read-only logs. A no-op
     * for a writable log, which is the only writer of its directory.
     */
    public void refresh() {
        checkOpen();
        if (!context.readOnly()) {
            return;
        }
        appendLock.lock();
        try {
            new LogRefresher(context, segments).refresh();
        } catch (IOException e) {
            throw new LucidStorageException("refresh of read-only partition "
                    + context.topicPartition() + " in " + context.directory() + " failed: " + e,
                    e);
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Flushes, writes the indexes and the clean-shutdown marker and closes the files.
     * Idempotent. A failed log closes its files without the marker, so the next open
     * recovers.
     *
     * @throws LucidStorageException if the final force or a write fails; the files are closed
     *     and the marker is not written
     */
    @Override
    public void close() {
        appendLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            IOException closeFailure = null;
            if (!context.readOnly() && failure.get() == null) {
                try {
                    writeCleanShutdown();
                } catch (IOException e) {
                    closeFailure = e;
                }
            }
            closeFiles();
            if (closeFailure != null) {
                throw writeFailed("clean close", cleanShutdownFile, closeFailure);
            }
            LOGGER.info("Closed partition {} in {} at offset {}", context.topicPartition(),
                    context.directory(), endOffset());
        } finally {
            appendLock.unlock();
        }
    }

    private void writeCleanShutdown() throws IOException {
        groupCommit.begin();
        try {
            completeSeals();
            Segment active = segments.last();
            active.seal();
            writer.truncate(active.size());
            active.writeIndexes(context.fileIO());
            raiseFlushedOffset(active.nextOffset());
            CheckpointFile.write(context.fileIO(), cleanShutdownFile,
                    CheckpointFile.CLEAN_SHUTDOWN_MAGIC, active.nextOffset(),
                    active.baseOffset(), active.size());
        } finally {
            groupCommit.end();
        }
    }

    /** Closes the files and deletes the partition's directory with everything in it. */
    public void delete() {
        appendLock.lock();
        try {
            if (context.readOnly()) {
                throw new IllegalStateException("partition " + context.topicPartition() + " in "
                        + context.directory() + " is read-only and cannot be deleted");
            }
            closed = true;
            closeFiles();
            PartitionDirectory.delete(context.directory(), context.fileIO());
            LOGGER.info("Deleted partition {} in {}", context.topicPartition(),
                    context.directory());
        } catch (IOException e) {
            throw new LucidStorageException("deleting partition " + context.topicPartition()
                    + " in " + context.directory() + " failed: " + e, e);
        } finally {
            appendLock.unlock();
        }
    }

    private void closeFiles() {
        if (writer != null) {
            writer.close();
        }
        synchronized (spareLock) {
            if (spare != null) {
                spare.close();
                try {
                    context.fileIO().deleteIfExists(spare.file());
                } catch (IOException e) {
                    LOGGER.warn("Could not delete the prepared segment file {} of partition {}; "
                            + "the next open deletes it: {}", spare.file(),
                            context.topicPartition(), e.toString());
                }
                spare = null;
            }
        }
        sealLock.lock();
        try {
            // A failed or deleted log leaves its pending seals to the next open's recovery.
            sealing.forEach(pending -> pending.writer().close());
            sealing.clear();
        } finally {
            sealLock.unlock();
        }
        for (Segment segment : segments.all()) {
            context.fileCache().invalidate(segment.logFile());
        }
        if (ownsFileCache) {
            context.fileCache().close();
        }
    }

    /** Removes the clean-shutdown marker, durably, before the first change after open. */
    private void prepareFirstWrite() throws IOException {
        if (cleanShutdownMarkerPresent) {
            context.fileIO().deleteIfExists(cleanShutdownFile);
            context.fileIO().forceDirectory(context.directory());
            cleanShutdownMarkerPresent = false;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("partition log " + context.topicPartition() + " in "
                    + context.directory() + " is closed");
        }
    }

    private void checkWritable() {
        checkOpen();
        if (context.readOnly()) {
            throw new IllegalStateException("partition log " + context.topicPartition() + " in "
                    + context.directory() + " is read-only");
        }
        LogFailure current = failure.get();
        if (current != null) {
            throw current.toException(context.topicPartition());
        }
    }

    /**
     * Turns a failed write or force into the exception for its caller. An interrupt leaves the
     * log usable; any other failure puts it in the failed state, logged once.
     */
    private LucidStorageException writeFailed(String operation, Path file, IOException e) {
        String what = operation + " of " + file + " for partition " + context.topicPartition()
                + " at offset " + endOffset();
        if (e instanceof ClosedByInterruptException) {
            return new LucidStorageException(what + " was interrupted; the log stays usable", e);
        }
        if (failure.compareAndSet(null, new LogFailure(what, e))) {
            LOGGER.error("Partition {} failed: {} failed; appends are rejected until the "
                    + "directory is reopened, which recovers from the log",
                    context.topicPartition(), what, e);
        }
        return new LucidStorageException(what + " failed: " + e, e);
    }

    /** A rolled segment with the writer that wrote it. */
    private record SealingSegment(Segment segment, SegmentWriter writer) {
    }

    @Override
    public String toString() {
        return "PartitionLog{" + context.topicPartition() + " in " + context.directory()
                + ", offsets " + startOffset() + " to " + endOffset() + "}";
    }
}
