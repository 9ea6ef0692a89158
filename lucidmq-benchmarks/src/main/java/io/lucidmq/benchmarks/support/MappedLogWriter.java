package io.lucidmq.benchmarks.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A raw memory-mapped writer of {@link FramedSegments}: the baseline for appends through mmap.
 *
 * <p>Each segment file is created at {@code segmentBytes} and mapped whole; frames are copied
 * into the mapping, and a frame that does not fit starts the next segment (the rest of the
 * old one stays zero). A full segment is unmapped at once rather than left to the garbage
 * collector. Nothing is forced.
 *
 * <p>Thread-safe: {@link #append} holds this writer's monitor, as one log serializes its
 * appends.
 */
public final class MappedLogWriter implements Closeable {

    /** {@code sun.misc.Unsafe.invokeCleaner(ByteBuffer)}, bound to the Unsafe instance. */
    private static final MethodHandle INVOKE_CLEANER = findInvokeCleaner();

    private final Path directory;
    private final long segmentBytes;
    private MappedByteBuffer mapping;
    private int sequence;

    private MappedLogWriter(Path directory, long segmentBytes) {
        if (segmentBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("segmentBytes must be at most "
                    + Integer.MAX_VALUE + " for one mapping, but was " + segmentBytes);
        }
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /** Creates a writer of a new log in {@code directory}. */
    public static MappedLogWriter create(Path directory, long segmentBytes) {
        MappedLogWriter writer = new MappedLogWriter(directory, segmentBytes);
        writer.mapSegment();
        return writer;
    }

    /** Copies a frame into the mapping, starting a new segment when it does not fit. */
    public synchronized void append(byte[] value) {
        if (mapping.remaining() < FramedSegments.frameBytes(value.length)) {
            unmap();
            sequence++;
            mapSegment();
        }
        mapping.putInt(value.length).put(value);
    }

    /** Unmaps the current segment without forcing it. */
    @Override
    public synchronized void close() {
        if (mapping != null) {
            unmap();
        }
    }

    private void mapSegment() {
        Path path = FramedSegments.segmentPath(directory, sequence);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, segmentBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + path.toAbsolutePath(), e);
        }
    }

    private void unmap() {
        try {
            INVOKE_CLEANER.invokeExact((ByteBuffer) mapping);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot unmap segment " + sequence + " in "
                    + directory.toAbsolutePath(), e);
        }
        mapping = null;
    }

    /** Looks the method up reflectively, because javac warns on every use of Unsafe. */
    private static MethodHandle findInvokeCleaner() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return MethodHandles.lookup()
                    .findVirtual(unsafeClass, "invokeCleaner",
                            MethodType.methodType(void.class, ByteBuffer.class))
                    .bindTo(field.get(null));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
