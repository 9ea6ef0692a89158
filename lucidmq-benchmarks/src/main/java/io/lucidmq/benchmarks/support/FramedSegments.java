package io.lucidmq.benchmarks.support;

import java.nio.file.Path;

/**
 * The file layout of the raw baselines: a directory of segment files, each a run of frames.
 *
 * <pre>
 * frame    = length value
 * length   = 4 bytes, big-endian, the size of value in bytes
 * value    = the record value, as given
 * segment  = frame*, in a file named by its sequence number, 20 digits + ".seg"
 * </pre>
 *
 * <p>The frame is the least a log must store to read its records back, so a raw writer of this
 * layout is the limit of what any record log can reach on the same file system.
 */
public final class FramedSegments {

    /** Bytes of the length field before each value. */
    public static final int FRAME_HEADER_BYTES = 4;

    /** Default segment size, equal to LucidMQ's default {@code segmentBytes}: 64 MiB. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

    private FramedSegments() {
    }

    /** Returns the path of segment number {@code sequence} in {@code directory}. */
    public static Path segmentPath(Path directory, int sequence) {
        return directory.resolve(String.format("%020d.seg", sequence));
    }

    /** Returns the size of the frame that holds a value of {@code valueBytes}. */
    public static int frameBytes(int valueBytes) {
        return FRAME_HEADER_BYTES + valueBytes;
    }
}
