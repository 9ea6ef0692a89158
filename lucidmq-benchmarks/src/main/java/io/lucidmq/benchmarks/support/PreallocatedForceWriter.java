package io.lucidmq.benchmarks.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A raw writer that forces each frame into a file whose blocks were written and forced
 * beforehand, so a force flushes data but no file-size or block-allocation metadata.
 *
 * <p>The file is filled with zeros and forced at creation. Each {@link #appendAndForce} writes
 * one length-prefixed value at the next position and calls {@code force(false)} (fdatasync);
 * at the end of the file the position wraps to 0. On ext4 this is the fastest durable write a
 * single writer can issue, so it bounds any log that preallocates its segments.
 *
 * <p>Thread-safe: every method holds this writer's monitor.
 */
public final class PreallocatedForceWriter implements Closeable {

    private static final int ZERO_CHUNK_BYTES = 1024 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final long fileBytes;
    private final ByteBuffer frame;
    private long position;

    private PreallocatedForceWriter(Path path, FileChannel channel, long fileBytes,
            int valueBytes) {
        this.path = path;
        this.channel = channel;
        this.fileBytes = fileBytes;
        this.frame = ByteBuffer.allocateDirect(FramedSegments.frameBytes(valueBytes));
    }

    /** Creates {@code path} with {@code fileBytes} of forced zeros for values of one size. */
    public static PreallocatedForceWriter create(Path path, long fileBytes, int valueBytes) {
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            fillWithZeros(channel, fileBytes);
            channel.force(true);
            return new PreallocatedForceWriter(path, channel, fileBytes, valueBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot preallocate " + path.toAbsolutePath(), e);
        }
    }

    /** Writes a frame at the next position and forces it before returning. */
    public void appendAndForce(byte[] value) {
        appendAndForce(value, 1);
    }

    /**
     * Writes {@code frames} frames of {@code value}, one write call each, as that many
     * senders would, then forces them all with one call before returning.
     */
    public synchronized void appendAndForce(byte[] value, int frames) {
        try {
            for (int i = 0; i < frames; i++) {
                frame.clear();
                frame.putInt(value.length).put(value).flip();
                if (position + frame.remaining() > fileBytes) {
                    position = 0;
                }
                while (frame.hasRemaining()) {
                    position += channel.write(frame, position);
                }
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("write and force failed on " + path.toAbsolutePath()
                    + " at position " + position, e);
        }
    }

    /** Closes the file. */
    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path.toAbsolutePath(), e);
        }
    }

    private static void fillWithZeros(FileChannel channel, long fileBytes) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_CHUNK_BYTES);
        long written = 0;
        while (written < fileBytes) {
            zeros.clear().limit((int) Math.min(ZERO_CHUNK_BYTES, fileBytes - written));
            written += channel.write(zeros, written);
        }
    }
}
