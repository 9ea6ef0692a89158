package io.lucidmq.log;

import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;

/**
 * Writes the active segment's log file through a memory mapping, so that an append is a
 * memory copy with no system call.
 *
 * <p>The file is extended ahead of the writes in chunks of {@link #PREALLOCATION_BYTES} by
 * writing zeros through {@link FileIO}, and only then mapped, so the mapping never covers a
 * byte the file system has not allocated: a full disk raises an {@link IOException} from the
 * append that claims the chunk instead of a {@code SIGBUS} later. The zeros also mark the end
 * of the log for readers, because a batch length of 0 means no batch.
 *
 * <p>Commit point: {@link #write} stores every byte of a batch except its length field, then
 * issues a release fence, then stores the length. A reader in this or another process that
 * sees a non-zero length therefore sees the whole batch.
 *
 * <p>Not thread-safe: the log's append lock serializes {@link #write}, {@link #truncate} and
 * {@link #close}; {@link #force} may run concurrently with {@link #write} under the log's
 * flush lock. A failed call leaves the bytes written so far in place and the file at least as
 * long as before.
 */
final class SegmentWriter implements AutoCloseable {

    /** Size of one preallocation step. */
    static final int PREALLOCATION_BYTES = 4 * 1024 * 1024;

    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024);

    private final Path file;
    private final FileIO fileIO;
    private final int segmentBytes;
    private volatile FileChannel channel;
    private volatile MappedByteBuffer mapping;
    private volatile long preallocatedBytes;
    private long forcedFileSize;

    /**
     * Opens {@code file} for writing, creating it if missing; the bytes already in it, valid or
     * zero, count as preallocated.
     */
    SegmentWriter(Path file, FileIO fileIO, int segmentBytes) throws IOException {
        this.file = file;
        this.fileIO = fileIO;
        this.segmentBytes = segmentBytes;
        this.channel = openChannel();
        this.preallocatedBytes = channel.size();
        this.forcedFileSize = preallocatedBytes;
    }

    Path file() {
        return file;
    }

    /** Writes {@code batch} (position to limit) at {@code position}; the length field last. */
    void write(int position, ByteBuffer batch) throws IOException {
        int length = batch.remaining();
        int start = batch.position();
        ensurePreallocated((long) position + length);
        MappedByteBuffer target = mapping;

        target.put(position, batch, start, BatchDescriptor.BATCH_LENGTH_OFFSET);
        int afterLength = BatchDescriptor.BATCH_LENGTH_OFFSET + 4;
        target.put(position + afterLength, batch, start + afterLength, length - afterLength);

        // Commit point: the length field makes the batch visible.
        VarHandle.releaseFence();
        target.putInt(position + BatchDescriptor.BATCH_LENGTH_OFFSET,
                batch.getInt(start + BatchDescriptor.BATCH_LENGTH_OFFSET));
    }

    /**
     * Forces bytes {@code from} to {@code to} of the file to disk, and the file size when
     * preallocation changed it since the last force.
     */
    void force(int from, int to) throws IOException {
        MappedByteBuffer target = mapping;
        if (target != null && to > from) {
            fileIO.force(target, from, to - from);
        }
        long fileSize = preallocatedBytes;
        if (fileSize != forcedFileSize) {
            fileIO.force(channel(), false);
            forcedFileSize = fileSize;
        }
    }

    /** Forces the whole file and its metadata to disk. */
    void forceFile() throws IOException {
        fileIO.force(channel(), true);
        forcedFileSize = preallocatedBytes;
    }

    /**
     * Cuts the file to {@code size} bytes, dropping the preallocated zeros, and forces it with
     * its metadata. The writer must not write afterwards.
     */
    void truncate(int size) throws IOException {
        // NOTE: the old mapping stays valid until the garbage collector unmaps it; it is never
        // touched again, so the bytes past the new file end are never accessed.
        mapping = null;
        FileChannel target = channel();
        target.truncate(size);
        fileIO.force(target, true);
        preallocatedBytes = size;
        forcedFileSize = size;
    }

    @Override
    public void close() throws IOException {
        mapping = null;
        if (channel != null) {
            channel.close();
        }
    }

    private void ensurePreallocated(long end) throws IOException {
        if (end <= preallocatedBytes && mapping != null) {
            return;
        }
        long target = preallocatedBytes;
        if (end > target) {
            target = Math.max(end, Math.min(target + PREALLOCATION_BYTES, segmentBytes));
        }
        if (target > Integer.MAX_VALUE) {
            throw new IOException("segment " + file.toAbsolutePath() + " cannot grow to "
                    + target + " bytes, above the 2 GiB mapping limit");
        }
        FileChannel writeChannel = channel();
        long position = preallocatedBytes;
        while (position < target) {
            ByteBuffer zeros = ZEROS.duplicate();
            zeros.limit((int) Math.min(zeros.capacity(), target - position));
            position += writeChannel.write(zeros, position);
        }
        mapping = writeChannel.map(FileChannel.MapMode.READ_WRITE, 0, target);
        preallocatedBytes = target;
    }

    /** Returns the channel, reopening it if an interrupt of an earlier caller closed it. */
    private synchronized FileChannel channel() throws IOException {
        if (!channel.isOpen()) {
            channel = openChannel();
        }
        return channel;
    }

    private FileChannel openChannel() throws IOException {
        return fileIO.open(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
    }
}
