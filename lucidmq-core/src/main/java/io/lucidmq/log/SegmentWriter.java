package io.lucidmq.log;

import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the active segment's log file through memory mappings, so that an append is a memory
 * copy with no system call.
 *
 * <p>The file is prepared in chunks of {@link #PREALLOCATION_BYTES}: each chunk is first
 * extended by writing zeros through {@link FileIO}, then mapped on its own, then touched one
 * page at a time, so the mapping never covers a byte the file system has not allocated (a
 * full disk raises an {@link IOException} instead of a {@code SIGBUS} later) and an append
 * takes no page fault. The zeros also mark the end of the log for readers, because a batch
 * length of 0 means no batch.
 *
 * <p>With a preparer executor, chunks are prepared on it ahead of the writes: the second once
 * a quarter of the first is written, later ones almost two chunks ahead. An append that
 * catches up waits for that step, and prepares a chunk itself only when none is under way. A
 * chunk the preparer fails to claim is retried by the appending thread when it needs that
 * space, so a full disk fails exactly the append that needs the space. Without an executor,
 * every chunk is prepared by the append that first needs it. {@link #prepareAhead} prepares
 * chunks on another executor too, for the next segment's file before a roll makes it active.
 *
 * <p>The writer keeps no file descriptor open between calls. A mapping stays valid after its
 * channel closes, so a channel is opened only to extend, truncate or force the file's size.
 * Many partitions therefore cost no open files. The exception is a writer given a
 * {@link WriteChannelBudget}, which a log forced after every append gets: if its first write
 * finds a place free there, it keeps the file open until {@link #truncate} or {@link #close},
 * writes every batch with {@code pwrite} and forces with {@code fdatasync}, because a force of
 * mapped pages write-protects them and the next append to each page faults again.
 *
 * <p>Commit point: {@link #write} stores every byte of a batch except its length field, then
 * issues a release fence, then stores the length. A reader in this or another process that
 * sees a non-zero length therefore sees the whole batch. Batches are 8-byte aligned, so the
 * length field never spans two chunks. Through a channel, the batch is written with a zero
 * length field first and the length by a second write.
 *
 * <p>Not thread-safe: the log's append lock serializes {@link #write}; {@link #force} may run
 * concurrently with {@link #write} under the log's force claim, and {@link #truncate} runs
 * after the last write. Chunk preparation is serialized internally. A failed call leaves the
 * bytes written so far in place and the file at least as long as before.
 */
final class SegmentWriter implements AutoCloseable {

    /** Size of one preallocation step, and of each mapping. */
    static final int PREALLOCATION_BYTES = 4 * 1024 * 1024;

    private static final Logger LOGGER = LoggerFactory.getLogger(SegmentWriter.class);
    private static final int PAGE_BYTES = 4096;
    /**
     * How far ahead of the writes the second chunk is requested: once a quarter of the first
     * is written, so that a partition with less than 1 MiB in its active segment keeps one.
     */
    private static final int FIRST_LEAD_BYTES = PREALLOCATION_BYTES / 4 * 3;
    /**
     * How far ahead of the writes later chunks are requested: the preparer then works almost
     * two chunks ahead, because a busy partition writes a chunk in a few milliseconds, about
     * as long as preparing one takes.
     */
    private static final int LEAD_BYTES = PREALLOCATION_BYTES / 4 * 7;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024);

    /** The file written; changes only in {@link #moveTo}, before the first write. */
    private volatile Path file;
    private final FileIO fileIO;
    private final int segmentBytes;
    private final Executor preparer;
    /**
     * The mapping of each chunk, indexed by position / {@link #PREALLOCATION_BYTES}; a chunk is
     * published before {@link #preparedBytes} grows over it. Written under the prepare lock.
     */
    private volatile MappedByteBuffer[] chunks = new MappedByteBuffer[0];
    private final Object prepareLock = new Object();
    /** Serializes opening the file by name with renaming it. */
    private final Object fileNameLock = new Object();
    private final AtomicBoolean preparationQueued = new AtomicBoolean();
    /** The bytes from the file start that are allocated, mapped and touched. */
    private volatile long preparedBytes;
    /** The file size; at least {@link #preparedBytes}. Written under the prepare lock. */
    private volatile long fileSize;
    private volatile long forcedFileSize;
    /** Set once no more chunks may be prepared; guarded by the prepare lock. */
    private boolean stopped;
    private boolean backgroundFailureLogged;
    /** The budget a channel for writing is taken from, or {@code null} to write mapped. */
    private final WriteChannelBudget writeChannels;
    /**
     * The channel batches are written through, or {@code null} when they are copied into the
     * mappings. Set by the first write, closed by {@link #truncate} and {@link #close}.
     */
    private volatile FileChannel writeChannel;
    /** Serializes replacing and closing {@link #writeChannel}. */
    private final Object writeChannelLock = new Object();
    /** Whether the first write has chosen between the channel and the mappings. */
    private boolean writeModeChosen;
    /** Whether a reopened write channel was logged at INFO; guarded by the channel lock. */
    private boolean reopenLogged;

    /**
     * Prepares to write {@code file}, creating it if missing; the bytes already in it count as
     * written and are never touched.
     *
     * @param preparer the executor that prepares chunks ahead of the writes, or {@code null}
     *     to prepare each chunk on the appending thread
     * @param writeChannels the budget to take a channel for writing from, or {@code null} to
     *     write through the mappings
     */
    SegmentWriter(Path file, FileIO fileIO, int segmentBytes, Executor preparer,
            WriteChannelBudget writeChannels) throws IOException {
        this.file = file;
        this.fileIO = fileIO;
        this.segmentBytes = segmentBytes;
        this.preparer = preparer;
        this.writeChannels = writeChannels;
        try (FileChannel channel = openChannel()) {
            // Files.size, unlike FileChannel.size, cannot be interrupted: an interrupted roll
            // would leave the new segment file behind, empty.
            this.fileSize = Files.size(file);
        }
        this.forcedFileSize = fileSize;
        // Bytes already in the file belong to batches or to zeros after them; their chunks
        // are mapped when the first write needs them.
    }

    /**
     * Creates a writer for a new, empty {@code file} and prepares its first chunk at once, on
     * the calling thread, so that a roll can start the next segment without waiting for file
     * space: see {@link #moveTo}.
     */
    static SegmentWriter prepared(Path file, FileIO fileIO, int segmentBytes, Executor preparer,
            WriteChannelBudget writeChannels) throws IOException {
        SegmentWriter writer = new SegmentWriter(file, fileIO, segmentBytes, preparer,
                writeChannels);
        writer.prepareUpTo(Math.min(PREALLOCATION_BYTES, segmentBytes));
        return writer;
    }

    /**
     * Renames the file to {@code target}, replacing it, before the first write. The mappings
     * stay valid, because they refer to the file, not to its name.
     */
    void moveTo(Path target) throws IOException {
        // Not under the prepare lock, so a roll does not wait for a chunk under way: that
        // preparation holds its channel, which stays on the renamed file.
        synchronized (fileNameLock) {
            fileIO.atomicMove(file, target);
            file = target;
        }
    }

    /** The file written. */
    Path file() {
        return file;
    }

    /**
     * Returns whether batches are written through a channel rather than the mappings, which
     * the first call decides: through a channel when the writer has a budget with a free
     * place. The caller holds the log's append lock.
     *
     * @throws IOException if the file cannot be opened for the channel; the next call tries
     *     again
     */
    boolean writesThroughChannel() throws IOException {
        if (!writeModeChosen) {
            if (writeChannels != null && writeChannels.tryTake()) {
                try {
                    writeChannel = openChannel();
                } catch (IOException | RuntimeException e) {
                    writeChannels.giveBack();
                    throw e;
                }
            }
            writeModeChosen = true;
        }
        return writeChannel != null;
    }

    /**
     * Writes {@code batch} (position to limit) at {@code position}, the length field last,
     * through the channel or the mappings as {@link #writesThroughChannel} returns. The caller
     * may reuse the buffer afterwards.
     */
    void write(int position, ByteBuffer batch) throws IOException {
        write(position, batch, null);
    }

    /**
     * Writes {@code batch} as {@link #write(int, ByteBuffer)} does. Through a channel, a batch
     * in a heap buffer is copied piece by piece through {@code staging}, a direct buffer,
     * because the JDK would copy it into a temporary direct buffer of its whole size that the
     * writing thread then keeps.
     *
     * @param staging a direct buffer the writer may overwrite, or {@code null}
     */
    void write(int position, ByteBuffer batch, ByteBuffer staging) throws IOException {
        int length = batch.remaining();
        int start = batch.position();
        long end = (long) position + length;
        if (end > preparedBytes) {
            prepareUpTo(end);
        }

        int lengthField = BatchDescriptor.BATCH_LENGTH_OFFSET;
        if (writesThroughChannel()) {
            writeThroughChannel(position, batch, staging);
            requestPreparation(end);
            return;
        }
        copy(position, batch, start, lengthField);
        copy(position + lengthField + 4, batch, start + lengthField + 4,
                length - lengthField - 4);
        commit(position, length);
    }

    /**
     * Writes the batch through the channel: all of it with a zero length field, then the
     * length field. The interrupt flag is cleared meanwhile, so that an interrupt that came
     * before cannot close the channel. An interrupt that comes during a write closes it. The
     * write is then repeated on a new channel until one attempt completes, around the length
     * field, because the interrupted attempt may have written it already. The flag is set
     * again before returning. So an interrupt does not fail the write, and leaves no batch in
     * the file that the log does not count.
     */
    private void writeThroughChannel(int position, ByteBuffer batch, ByteBuffer staging)
            throws IOException {
        int lengthIndex = batch.position() + BatchDescriptor.BATCH_LENGTH_OFFSET;
        int lengthValue = batch.remaining();
        long lengthPosition = (long) position + BatchDescriptor.BATCH_LENGTH_OFFSET;
        boolean interrupted = Thread.interrupted();
        try {
            FileChannel channel = writeChannel;
            for (boolean first = true; ; first = false) {
                try {
                    if (first) {
                        batch.putInt(lengthIndex, 0);
                        writeFully(channel, batch.duplicate(), position, staging);
                        batch.putInt(lengthIndex, lengthValue);
                    } else {
                        writeFully(channel, batch.duplicate().limit(lengthIndex), position,
                                staging);
                        writeFully(channel, batch.duplicate().position(lengthIndex + 4),
                                lengthPosition + 4, staging);
                    }
                    writeFully(channel, batch.duplicate().limit(lengthIndex + 4)
                            .position(lengthIndex), lengthPosition, staging);
                    return;
                } catch (ClosedChannelException e) {
                    batch.putInt(lengthIndex, lengthValue);
                    interrupted |= Thread.interrupted();
                    channel = reopenWriteChannel(channel, "a write at byte " + position);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Forces the file through the channel with the interrupt flag cleared, repeating the
     * force on a new channel until one completes when an interrupt, of this thread or of a
     * writing one, closed the channel meanwhile. The flag is set again before returning.
     */
    private void forceThroughChannel(FileChannel first) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            FileChannel channel = first;
            while (true) {
                try {
                    fileIO.force(channel, false);
                    return;
                } catch (ClosedChannelException e) {
                    interrupted |= Thread.interrupted();
                    channel = reopenWriteChannel(channel, "a force");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Returns the channel for writing that replaces {@code closed}: the one another thread
     * opened already, or a new one.
     */
    private FileChannel reopenWriteChannel(FileChannel closed, String during)
            throws IOException {
        synchronized (writeChannelLock) {
            FileChannel current = writeChannel;
            if (current == null) {
                throw new IllegalStateException("writer of " + file + " is closed");
            }
            if (current == closed) {
                current = openChannel();
                writeChannel = current;
                // Once at INFO: a thread interrupted again and again would flood the log.
                if (reopenLogged) {
                    LOGGER.debug("An interrupt closed the channel of segment {} during {}; "
                            + "opened it again", file.toAbsolutePath(), during);
                } else {
                    reopenLogged = true;
                    LOGGER.info("An interrupt closed the channel of segment {} during {}; "
                            + "opened it again and repeated it", file.toAbsolutePath(),
                            during);
                }
            }
            return current;
        }
    }

    /**
     * Writes all of {@code bytes} at {@code position}, through {@code staging} in pieces when
     * {@code bytes} is a heap buffer and a staging buffer is given.
     */
    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position,
            ByteBuffer staging) throws IOException {
        long at = position;
        if (bytes.isDirect() || staging == null) {
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
            return;
        }
        while (bytes.hasRemaining()) {
            int piece = Math.min(bytes.remaining(), staging.capacity());
            staging.clear();
            staging.put(0, bytes, bytes.position(), piece);
            staging.limit(piece);
            bytes.position(bytes.position() + piece);
            while (staging.hasRemaining()) {
                at += channel.write(staging, at);
            }
        }
    }

    /**
     * Returns the mapping that contains all of bytes {@code position} to {@code position +
     * length}, preparing them first, so that a batch can be encoded in place at
     * {@link #indexInChunk}; {@code null} when the bytes span two chunks. The caller writes
     * every byte of the batch except its length field, then calls {@link #commit}.
     */
    ByteBuffer chunkFor(int position, int length) throws IOException {
        long end = (long) position + length;
        if (end > preparedBytes) {
            prepareUpTo(end);
        }
        int index = position / PREALLOCATION_BYTES;
        return (end - 1) / PREALLOCATION_BYTES == index ? chunks[index] : null;
    }

    /** The index of file position {@code position} in the mapping {@link #chunkFor} returns. */
    static int indexInChunk(int position) {
        return position % PREALLOCATION_BYTES;
    }

    /**
     * Commits the batch of {@code length} bytes whose other bytes are in place at
     * {@code position}: stores its length field after a release fence, so that a reader that
     * reads a non-zero length also reads every other byte of the batch.
     */
    void commit(int position, int length) {
        VarHandle.releaseFence();
        int lengthPosition = position + BatchDescriptor.BATCH_LENGTH_OFFSET;
        chunk(lengthPosition).putInt(lengthPosition % PREALLOCATION_BYTES, length);
        requestPreparation((long) position + length);
    }

    /** Asks the preparer for the next chunk when the writes have come close to the end. */
    private void requestPreparation(long end) {
        long prepared = preparedBytes;
        if (preparer != null && prepared < segmentBytes && end
                + (prepared <= PREALLOCATION_BYTES ? FIRST_LEAD_BYTES : LEAD_BYTES) > prepared) {
            prepareInBackground();
        }
    }

    /**
     * Forces bytes {@code from} to {@code to} of the file to disk, and the file size when
     * preallocation changed it since the last force.
     */
    void force(int from, int to) throws IOException {
        FileChannel written = writeChannel;
        if (written != null) {
            // fdatasync also writes the file size when preallocation changed it.
            long size = fileSize;
            forceThroughChannel(written);
            forcedFileSize = size;
            return;
        }
        MappedByteBuffer[] mappings = chunks;
        long position = from;
        while (position < to) {
            int index = (int) (position / PREALLOCATION_BYTES);
            long chunkEnd = Math.min(to, (index + 1L) * PREALLOCATION_BYTES);
            MappedByteBuffer mapping = index < mappings.length ? mappings[index] : null;
            if (mapping != null) {
                int offset = (int) (position - (long) index * PREALLOCATION_BYTES);
                fileIO.force(mapping, offset, (int) (chunkEnd - position));
            }
            position = chunkEnd;
        }
        long size = fileSize;
        if (size != forcedFileSize) {
            try (FileChannel channel = openChannel()) {
                fileIO.force(channel, false);
            }
            forcedFileSize = size;
        }
    }

    /** Forces the whole file and its metadata to disk. */
    void forceFile() throws IOException {
        long size = fileSize;
        try (FileChannel channel = openChannel()) {
            fileIO.force(channel, true);
        }
        forcedFileSize = size;
    }

    /**
     * Stops preparing chunks, unmaps the file, cuts it to {@code size} bytes, dropping the
     * preallocated zeros, and forces its data and metadata with one {@code fsync}. Unmapping
     * first leaves the force no mapped page to write-protect, which costs a TLB flush on
     * every processor running the instance. The writer must not write afterwards.
     */
    void truncate(int size) throws IOException {
        synchronized (prepareLock) {
            stopped = true;
            dropMappings();
            releaseWriteChannel();
            try (FileChannel channel = openChannel()) {
                channel.truncate(size);
                fileIO.force(channel, true);
            }
            fileSize = size;
            forcedFileSize = size;
        }
    }

    /** Stops preparing chunks, unmaps the file and closes the channel for writing. */
    @Override
    public void close() {
        synchronized (prepareLock) {
            stopped = true;
            dropMappings();
            releaseWriteChannel();
        }
    }

    /**
     * Closes the channel for writing, if any, and gives its place back to the budget. A roll
     * calls it after the last write, so that the next segment can take the place before the
     * sealer truncates this file. The seal forces the file through a channel of its own.
     */
    void releaseWriteChannel() {
        FileChannel channel;
        synchronized (writeChannelLock) {
            channel = writeChannel;
            if (channel == null) {
                return;
            }
            writeChannel = null;
        }
        writeChannels.giveBack();
        try {
            channel.close();
        } catch (IOException e) {
            LOGGER.warn("Closing segment {} after writing it failed: {}", file.toAbsolutePath(),
                    e.toString());
        }
    }

    /**
     * Unmaps every chunk. The callers guarantee that no write or force uses the mappings any
     * more: the last write happened before, under the log's append lock, and forces of this
     * writer run under the force claim, which the log holds or has given up for good.
     */
    private void dropMappings() {
        MappedByteBuffer[] mappings = chunks;
        preparedBytes = 0;
        chunks = new MappedByteBuffer[0];
        for (MappedByteBuffer mapping : mappings) {
            if (mapping != null) {
                Unmapper.unmap(mapping);
            }
        }
    }

    private MappedByteBuffer chunk(int position) {
        return chunks[position / PREALLOCATION_BYTES];
    }

    /** Copies {@code length} bytes from {@code source} into the chunks from {@code position}. */
    private void copy(int position, ByteBuffer source, int sourceIndex, int length) {
        int done = 0;
        while (done < length) {
            int at = position + done;
            int offset = at % PREALLOCATION_BYTES;
            int part = Math.min(length - done, PREALLOCATION_BYTES - offset);
            chunk(at).put(offset, source, sourceIndex + done, part);
            done += part;
        }
    }

    /** Prepares chunks on the calling thread until the prepared bytes reach {@code end}. */
    private void prepareUpTo(long end) throws IOException {
        if (end > Integer.MAX_VALUE) {
            throw new IOException("segment " + file.toAbsolutePath() + " cannot grow to "
                    + end + " bytes, above the 2 GiB limit");
        }
        synchronized (prepareLock) {
            if (stopped) {
                throw new IllegalStateException("writer of " + file + " is closed");
            }
            // A background step that ran meanwhile may have prepared the space already.
            while (preparedBytes < end) {
                prepareNextChunk(end);
            }
        }
    }

    /**
     * Prepares chunks on {@code executor}, one step per chunk, until {@code upTo} bytes (at
     * most the segment size) are prepared or the writer is closed. Each step queues the next,
     * so the executor runs other work between them. A failed step ends the steps; the appends
     * then prepare the space themselves.
     */
    void prepareAhead(long upTo, Executor executor) {
        long target = Math.min(upTo, segmentBytes);
        if (preparedBytes >= target) {
            return;
        }
        try {
            executor.execute(() -> {
                if (prepareOneChunkUpTo(target)) {
                    prepareAhead(target, executor);
                }
            });
        } catch (RejectedExecutionException e) {
            // The instance is closing; the appends prepare what they still need.
        }
    }

    /**
     * Prepares the next chunk if fewer than {@code target} bytes are prepared; returns whether
     * it did. A failure is not fatal: the append that needs this space prepares it again and
     * fails with its own error if the file system still rejects it.
     */
    private boolean prepareOneChunkUpTo(long target) {
        synchronized (prepareLock) {
            if (stopped || preparedBytes >= target) {
                return false;
            }
            try {
                prepareNextChunk(0);
                return true;
            } catch (IOException | RuntimeException e) {
                logBackgroundFailure(e);
                return false;
            }
        }
    }

    private void logBackgroundFailure(Exception e) {
        // Once per writer: a full disk would fail every step.
        if (!backgroundFailureLogged) {
            backgroundFailureLogged = true;
            LOGGER.warn("Preparing space at byte {} of segment {} ahead of the appends failed; "
                    + "appends will prepare it themselves: {}", preparedBytes,
                    file.toAbsolutePath(), e.toString());
        }
    }

    private void prepareInBackground() {
        // A plain read first: appends in the second half of a chunk arrive here while the
        // step is queued, and a failing compare-and-set would cost each of them a write.
        if (preparationQueued.get() || !preparationQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            preparer.execute(this::prepareAheadStep);
        } catch (RejectedExecutionException e) {
            // The instance is closing; the appending thread prepares what it still needs.
            preparationQueued.set(false);
        }
    }

    /** Prepares the chunk after the one being written; runs on the preparer. */
    private void prepareAheadStep() {
        synchronized (prepareLock) {
            preparationQueued.set(false);
            prepareOneChunkUpTo(segmentBytes);
        }
    }

    /**
     * Extends the file with zeros to the end of the next chunk (unless it is already longer),
     * maps that chunk and touches its new pages. A chunk ends early at the segment size, or at
     * {@code needed} when a batch larger than the segment size needs more; such a chunk is
     * mapped again, longer, when a later write needs more of it. The caller holds the prepare
     * lock and has checked that more is needed than is prepared.
     */
    private void prepareNextChunk(long needed) throws IOException {
        long from = preparedBytes;
        int index = (int) (from / PREALLOCATION_BYTES);
        long chunkStart = (long) index * PREALLOCATION_BYTES;
        long chunkEnd = Math.min(chunkStart + PREALLOCATION_BYTES,
                Math.max(segmentBytes, needed));
        try (FileChannel channel = openChannel()) {
            long zeroFrom = fileSize;
            long position = zeroFrom;
            while (position < chunkEnd) {
                ByteBuffer zeros = ZEROS.duplicate();
                zeros.limit((int) Math.min(zeros.capacity(), chunkEnd - position));
                position += channel.write(zeros, position);
            }
            fileSize = Math.max(fileSize, chunkEnd);
            MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_WRITE, chunkStart,
                    chunkEnd - chunkStart);
            // Touch each page that holds only zeros, so that appends take no page fault. Appends
            // through a channel take none anyway.
            long firstPage = Math.max(zeroFrom, chunkStart);
            for (long page = firstPage + (PAGE_BYTES - firstPage % PAGE_BYTES) % PAGE_BYTES;
                    page < chunkEnd && writeChannel == null; page += PAGE_BYTES) {
                mapping.put((int) (page - chunkStart), (byte) 0);
            }
            MappedByteBuffer[] mappings = chunks;
            if (index >= mappings.length) {
                mappings = Arrays.copyOf(mappings, Math.max(index + 1, mappings.length * 2));
            }
            mappings[index] = mapping;
            chunks = mappings;
        }
        preparedBytes = chunkEnd;
    }

    /** Opens the file by its current name, never by a name {@link #moveTo} is replacing. */
    private FileChannel openChannel() throws IOException {
        synchronized (fileNameLock) {
            return fileIO.open(file, EnumSet.of(StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE));
        }
    }
}
