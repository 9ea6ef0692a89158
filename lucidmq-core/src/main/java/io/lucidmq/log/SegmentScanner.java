package io.lucidmq.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Frames the batches of one segment file in order with positional reads, reading ahead in
 * blocks so that a scan costs one system call per block rather than per batch. Checks each
 * header with {@link BatchHeader#framingError} before reading the batch, so a torn length field
 * never causes a large allocation; does not check CRCs.
 *
 * <p>A scan stops at the limit, at a zero length field (the end of the log), or at the first
 * batch that cannot be framed; {@link #stopReason()} says which. Not thread-safe.
 */
final class SegmentScanner {

    /** Bytes read ahead per system call when batches are small. */
    static final int READ_AHEAD_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final long limit;
    private final int maxRecordBytes;
    private ByteBuffer buffer = ByteBuffer.allocate(0);
    private long bufferStart;
    private long position;
    private String stopReason;

    /**
     * Creates a scanner.
     *
     * @param position where the first batch starts
     * @param limit the end of the bytes to scan, at most the file size
     * @param maxRecordBytes the record size limit for plausibility checks, or
     *     {@code Integer.MAX_VALUE} when unknown
     */
    SegmentScanner(FileChannel channel, long position, long limit, int maxRecordBytes) {
        this.channel = channel;
        this.position = position;
        this.limit = limit;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Creates a scanner that reads ahead into {@code buffer} while it is large enough; the
     * caller must not use the buffer elsewhere until the scan ends, and may then pass
     * {@link #buffer()} to its next scanner.
     */
    SegmentScanner(FileChannel channel, long position, long limit, int maxRecordBytes,
            ByteBuffer buffer) {
        this(channel, position, limit, maxRecordBytes);
        this.buffer = buffer.clear().limit(0);
    }

    /**
     * Frames the next batch.
     *
     * @return the batch, or {@code null} when the scan stopped
     */
    ScannedBatch next() throws IOException {
        if (stopReason != null || position >= limit) {
            return null;
        }
        long remaining = limit - position;
        if (remaining < BatchDescriptor.BATCH_LENGTH_OFFSET + 4) {
            return stop(fill(remaining) && isZero(remaining) ? null : "incomplete batch header");
        }
        if (!fill(Math.min(remaining, BatchDescriptor.HEADER_LENGTH))) {
            return stop("file ends before the batch header");
        }
        int offset = (int) (position - bufferStart);
        if (buffer.getInt(offset + BatchDescriptor.BATCH_LENGTH_OFFSET) == 0) {
            return stop(null);
        }
        if (remaining < BatchDescriptor.HEADER_LENGTH) {
            return stop("incomplete batch header");
        }

        BatchHeader header = BatchHeader.read(buffer, offset);
        String framingError = header.framingError(remaining, maxRecordBytes);
        if (framingError != null) {
            return stop(framingError);
        }
        if (!fill(header.batchLength())) {
            return stop("file ends inside the batch");
        }

        offset = (int) (position - bufferStart);
        ByteBuffer bytes = buffer.duplicate().limit(offset + header.batchLength())
                .position(offset).slice();
        ScannedBatch batch = new ScannedBatch(position, header, bytes);
        position += header.batchLength();
        return batch;
    }

    /** The read-ahead buffer, which may have grown since the scanner was created. */
    ByteBuffer buffer() {
        return buffer;
    }

        /** The position after the last batch returned: the end of the framed bytes. */
    long position() {
        return position;
    }

    /**
     * Why the scan stopped before its limit: {@code null} at the limit or at a zero length
     * field, otherwise a description of the batch that could not be framed.
     */
    String stopReason() {
        return stoppedAtDamage() ? stopReason : null;
    }

    private ScannedBatch stop(String reason) {
        stopReason = reason == null ? "" : reason;
        return null;
    }

    /** Whether the scan stopped at a batch that could not be framed. */
    boolean stoppedAtDamage() {
        return stopReason != null && !stopReason.isEmpty();
    }

    private boolean isZero(long length) {
        int offset = (int) (position - bufferStart);
        for (int i = 0; i < length; i++) {
            if (buffer.get(offset + i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Ensures the buffer holds {@code length} bytes from {@link #position}. */
    private boolean fill(long length) throws IOException {
        long bufferEnd = bufferStart + buffer.limit();
        if (position >= bufferStart && position + length <= bufferEnd) {
            return true;
        }
        long readLength = Math.min(limit - position, Math.max(length, READ_AHEAD_BYTES));
        if (buffer.capacity() < readLength) {
            buffer = ByteBuffer.allocate((int) readLength);
        }
        buffer.clear().limit((int) readLength);
        bufferStart = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, bufferStart + buffer.position());
            if (read < 0) {
                break;
            }
        }
        buffer.flip();
        return buffer.limit() >= length;
    }

    /**
     * One framed batch.
     *
     * @param position the byte position of the batch in the file
     * @param header the decoded header
     * @param bytes the whole batch, valid until the scanner's next call or the next use of its
     *     buffer
     */
    record ScannedBatch(long position, BatchHeader header, ByteBuffer bytes) {
    }
}
