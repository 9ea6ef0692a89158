package io.lucidmq.benchmarks.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A raw {@link FileChannel} writer of {@link FramedSegments}: the baseline for appends.
 *
 * <p>{@link #append} copies frames into a direct buffer and writes the buffer when it is full,
 * so the file system sees writes of the buffer's size. {@link #appendAndForce} writes one frame
 * and forces it with {@code FileChannel.force(false)} (fdatasync) before it returns. A segment
 * is closed and the next one created once it reaches {@code segmentBytes}. Nothing is forced on
 * a roll, unless the writer was made by {@link #createForcingRolls}: then a background thread
 * forces each full segment with {@code FileChannel.force(true)} and closes it, the disk work
 * that LucidMQ's sealer does for every rolled segment.
 *
 * <p>Thread-safe: every method holds this writer's monitor, as one log serializes its appends.
 * After an {@link IOException} the writer is unusable; it is a benchmark tool, not a store.
 */
public final class ChannelLogWriter implements Closeable {

    private final Path directory;
    private final long segmentBytes;
    private final ByteBuffer buffer;
    /** Forces and closes full segments; {@code null} when rolls force nothing. */
    private final ExecutorService rollForcer;
    /** The first failed background force, raised by the next call. */
    private volatile UncheckedIOException forceFailure;
    private FileChannel channel;
    private int sequence;
    private long segmentPosition;

    private ChannelLogWriter(Path directory, long segmentBytes, int bufferBytes,
            boolean forceRolls) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.buffer = ByteBuffer.allocateDirect(bufferBytes);
        this.rollForcer = forceRolls ? Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "raw-roll-forcer");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /**
     * Creates a writer of a new log in {@code directory}.
     *
     * @param bufferBytes the size of each write of {@link #append}; at least one frame
     */
    public static ChannelLogWriter create(Path directory, long segmentBytes, int bufferBytes) {
        ChannelLogWriter writer = new ChannelLogWriter(directory, segmentBytes, bufferBytes,
                false);
        writer.openSegment();
        return writer;
    }

    /**
     * Creates a writer of a new log in {@code directory} that forces each full segment on a
     * background thread, so appends go on during the force.
     *
     * @param bufferBytes the size of each write of {@link #append}; at least one frame
     */
    public static ChannelLogWriter createForcingRolls(Path directory, long segmentBytes,
            int bufferBytes) {
        ChannelLogWriter writer = new ChannelLogWriter(directory, segmentBytes, bufferBytes,
                true);
        writer.openSegment();
        return writer;
    }

    /** Appends a frame to the buffer, writing the buffer first when the frame does not fit. */
    public synchronized void append(byte[] value) {
        if (buffer.remaining() < FramedSegments.frameBytes(value.length)) {
            writeBuffer();
        }
        buffer.putInt(value.length).put(value);
    }

    /** Writes a frame and forces it to the disk before returning. */
    public synchronized void appendAndForce(byte[] value) {
        append(value);
        writeBuffer();
        try {
            channel.force(false);
        } catch (IOException e) {
            throw failure("force", e);
        }
    }

    /** Writes the buffered frames to the file, without forcing. */
    public synchronized void writeBuffer() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                segmentPosition += channel.write(buffer);
            }
        } catch (IOException e) {
            throw failure("write", e);
        }
        buffer.clear();
        if (forceFailure != null) {
            throw forceFailure;
        }
        if (segmentPosition >= segmentBytes) {
            if (rollForcer != null) {
                forceInBackground(channel, sequence);
                channel = null;
            } else {
                closeSegment();
            }
            sequence++;
            openSegment();
        }
    }

    /**
     * Writes the buffered frames and closes the file, without forcing it; waits for the
     * background forces of full segments first.
     */
    @Override
    public synchronized void close() {
        if (channel != null) {
            writeBuffer();
            closeSegment();
        }
        if (rollForcer != null) {
            rollForcer.shutdown();
            try {
                if (!rollForcer.awaitTermination(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("forces of full segments in " + directory
                            + " did not finish within a minute");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for forces", e);
            }
            if (forceFailure != null) {
                throw forceFailure;
            }
        }
    }

    private void forceInBackground(FileChannel full, int fullSequence) {
        rollForcer.execute(() -> {
            Path path = FramedSegments.segmentPath(directory, fullSequence).toAbsolutePath();
            try (full) {
                full.force(true);
            } catch (IOException e) {
                forceFailure = new UncheckedIOException("force of " + path + " failed", e);
            }
        });
    }

    private void openSegment() {
        Path path = FramedSegments.segmentPath(directory, sequence);
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path.toAbsolutePath(), e);
        }
        segmentPosition = 0;
    }

    private void closeSegment() {
        try {
            channel.close();
        } catch (IOException e) {
            throw failure("close", e);
        }
        channel = null;
    }

    private UncheckedIOException failure(String operation, IOException cause) {
        Path path = FramedSegments.segmentPath(directory, sequence).toAbsolutePath();
        return new UncheckedIOException(operation + " failed on " + path
                + " at position " + segmentPosition, cause);
    }
}
