package io.lucidmq.benchmarks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * A raw {@link FileChannel} reader of {@link FramedSegments} written by
 * {@link ChannelLogWriter}: the baseline for consuming.
 *
 * <p>Reads each segment in order through one direct buffer and copies every value into a new
 * array, as a consumer that hands records to application code must. Not thread-safe.
 */
public final class ChannelLogReader {

    private final Path directory;
    private final ByteBuffer buffer;

    /** Creates a reader of the log in {@code directory} that reads {@code bufferBytes} at once. */
    public ChannelLogReader(Path directory, int bufferBytes) {
        this.directory = directory;
        this.buffer = ByteBuffer.allocateDirect(bufferBytes);
    }

    /**
     * Reads every frame from the first segment on and passes each value to {@code sink}.
     *
     * @return the number of values read
     */
    public long readAll(Consumer<byte[]> sink) {
        long count = 0;
        for (int sequence = 0; ; sequence++) {
            Path path = FramedSegments.segmentPath(directory, sequence);
            if (!Files.exists(path)) {
                return count;
            }
            count += readSegment(path, sink);
        }
    }

    private long readSegment(Path path, Consumer<byte[]> sink) {
        long count = 0;
        buffer.clear();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            while (true) {
                int read = channel.read(buffer);
                buffer.flip();
                count += drainFrames(sink);
                if (read < 0) {
                    if (buffer.hasRemaining()) {
                        throw new IllegalStateException(path.toAbsolutePath() + " ends in a "
                                + "partial frame of " + buffer.remaining() + " bytes");
                    }
                    return count;
                }
                if (buffer.remaining() == buffer.capacity()) {
                    throw new IllegalStateException("a frame in " + path.toAbsolutePath()
                            + " is larger than the read buffer of " + buffer.capacity());
                }
                buffer.compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    private long drainFrames(Consumer<byte[]> sink) {
        long count = 0;
        while (buffer.remaining() >= FramedSegments.FRAME_HEADER_BYTES) {
            int length = buffer.getInt(buffer.position());
            if (buffer.remaining() < FramedSegments.frameBytes(length)) {
                break;
            }
            buffer.position(buffer.position() + FramedSegments.FRAME_HEADER_BYTES);
            byte[] value = new byte[length];
            buffer.get(value);
            sink.accept(value);
            count++;
        }
        return count;
    }
}
