package io.lucidmq.log;

import io.lucidmq.LucidStorageException;
import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retention pass over a partition log: deletes whole sealed segments, oldest first, while
 * the log is larger than the byte limit or the oldest segment's newest record is older than
 * the age limit. The active segment is never deleted.
 *
 * <p>Not thread-safe: runs under the log's append lock. A segment is removed from the list
 * before its files are deleted, so new reads no longer find it; a read already holding its
 * channel finishes, because the open channel keeps the deleted file's data reachable.
 */
final class RetentionRun {

    private static final Logger LOGGER = LoggerFactory.getLogger(RetentionRun.class);

    private final LogContext context;
    private final SegmentList segments;

    RetentionRun(LogContext context, SegmentList segments) {
        this.context = context;
        this.segments = segments;
    }

    /** Deletes the segments past the limits; {@code -1} disables a limit. */
    int apply(long retentionBytes, long retentionMs, long nowMs) {
        int deleted = 0;
        while (segments.size() > 1) {
            Segment oldest = segments.first();
            String reason = deletionReason(oldest, retentionBytes, retentionMs, nowMs);
            if (reason == null) {
                break;
            }
            delete(oldest, reason);
            deleted++;
        }
        if (deleted > 0) {
            try {
                context.fileIO().forceDirectory(context.directory());
            } catch (IOException e) {
                throw new LucidStorageException("forcing directory " + context.directory()
                        + " after retention of partition " + context.topicPartition()
                        + " failed: " + e, e);
            }
        }
        return deleted;
    }

    private String deletionReason(Segment oldest, long retentionBytes, long retentionMs,
            long nowMs) {
        long size = segments.sizeInBytes();
        if (retentionBytes >= 0 && size > retentionBytes) {
            return "the log takes " + size + " bytes, above retentionBytes " + retentionBytes;
        }
        long maxTimestamp = oldest.maxTimestamp();
        if (retentionMs >= 0 && maxTimestamp >= 0 && maxTimestamp < nowMs - retentionMs) {
            return "its newest record, at " + maxTimestamp + " ms, is older than retentionMs "
                    + retentionMs + " before " + nowMs + " ms";
        }
        return null;
    }

    private void delete(Segment segment, String reason) {
        segments.remove(segment);
        segment.markDeleted();
        context.fileCache().invalidate(segment.logFile());
        FileIO fileIO = context.fileIO();
        try {
            fileIO.deleteIfExists(segment.logFile());
            fileIO.deleteIfExists(segment.indexFile());
            fileIO.deleteIfExists(segment.timeIndexFile());
        } catch (IOException e) {
            throw new LucidStorageException("deleting segment " + segment.logFile()
                    + " of partition " + context.topicPartition() + " failed: " + e, e);
        }
        Path file = segment.logFile();
        LOGGER.info("Deleted segment {} of partition {} with offsets {} to {} ({} bytes) "
                + "because {}", file, context.topicPartition(), segment.baseOffset(),
                segment.nextOffset() - 1, segment.size(), reason);
    }
}
