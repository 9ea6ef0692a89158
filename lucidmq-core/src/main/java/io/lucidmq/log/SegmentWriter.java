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
 * <p>The writer keeps no file descriptor open between calls. A mapping stays valid after its
 * channel closes, so a channel is opened only to extend, truncate or force the file's size.
 * Many partitions therefore cost no open files.
 *
 * <p>Commit point: {@link #write} stores every byte of a batch except its length field, then
 * issues a release fence, then stores the length. A reader in this or another process that
 * sees a non-zero length therefore sees the whole batch.
 *
 * <p>Not thread-safe: the log's append lock serializes {@link #write} and {@link #truncate};
 * {@link #force} may run concurrently with {@link #write} under the log's force claim. A failed
 * call leaves the bytes written so far in place and the file at least as long as before.
 */
final class SegmentWriter implements AutoCloseable {

    /** Size of one preallocation step. */
    static final int PREALLOCATION_BYTES = 4 * 1024 * 1024;

    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024);

    private final Path file;
    private final FileIO fileIO;
    private final int segmentBytes;
    private volatile MappedByteBuffer mapping;
    private volatile long preallocatedBytes;
    private volatile long forcedFileSize;

    /**
     * Prepares to write {@code file}, creating it if missing; the bytes already in it, valid or
     * zero, count as preallocated.
     */
    SegmentWriter(Path file, FileIO fileIO, int segmentBytes) throws IOException {
        this.file = file;
        this.fileIO = fileIO;
        this.segmentBytes = segmentBytes;
        try (FileChannel channel = openChannel()) {
            this.preallocatedBytes = channel.size();
        }
        this.forcedFileSize = preallocatedBytes;
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
            try (FileChannel channel = openChannel()) {
                fileIO.force(channel, false);
            }
            forcedFileSize = fileSize;
        }
    }

    /** Forces the whole file and its metadata to disk. */
    void forceFile() throws IOException {
        try (FileChannel channel = openChannel()) {
            fileIO.force(channel, true);
        }
        forcedFileSize = preallocatedBytes;
    }

    /**
     * Cuts the file to {@code size} bytes, dropping the preallocated zeros, and forces it with
     * its metadata. The writer must not write afterwards.
     */
    void truncate(int size) throws IOException {
        // NOTE: the old mapping stays mapped until the garbage collector unmaps it. Nothing
        // touches it again, so the bytes past the new file end are never accessed.
        mapping = null;
        try (FileChannel channel = openChannel()) {
            channel.truncate(size);
            fileIO.force(channel, true);
        }
        preallocatedBytes = size;
        forcedFileSize = size;
    }

    /** Drops the mapping; the garbage collector unmaps it. */
    @Override
    public void close() {
        mapping = null;
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
        try (FileChannel channel = openChannel()) {
            long position = preallocatedBytes;
            while (position < target) {
                ByteBuffer zeros = ZEROS.duplicate();
                zeros.limit((int) Math.min(zeros.capacity(), target - position));
                position += channel.write(zeros, position);
            }
            preallocatedBytes = target;
            mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, target);
        }
    }

    private FileChannel openChannel() throws IOException {
        return fileIO.open(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
    }
}
