package io.lucidmq.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a read-only log up to date with the files another process writes: drops segments
 * whose files were deleted, frames the batches appended to the newest known segment, and opens
 * segments created since. A batch whose length field is still 0, or that is not yet complete,
 * is not visible yet.
 *
 * <p>Not thread-safe: the log serializes refreshes under its append lock; readers run
 * concurrently and see each segment's extent grow through its volatile fields.
 */
final class LogRefresher {

    private final LogContext context;
    private final SegmentList segments;
    private final LogLoader loader;

    LogRefresher(LogContext context, SegmentList segments) {
        this.context = context;
        this.segments = segments;
        this.loader = new LogLoader(context);
    }

    /** Applies the changes found in the directory since the last refresh. */
    void refresh() throws IOException {
        if (!Files.isDirectory(context.directory())) {
            return;
        }
        List<Long> baseOffsets = SegmentFiles.listBaseOffsets(context.directory());
        dropDeleted(baseOffsets);

        Segment newest = segments.last();
        if (newest != null) {
            extend(newest);
        }
        long after = newest == null ? -1 : newest.baseOffset();
        List<Long> added = new ArrayList<>(
                baseOffsets.stream().filter(baseOffset -> baseOffset > after).toList());
        // The listing may have missed the segment after the newest known one. Once the newest
        // one is sealed, its end offset names that segment's file.
        if (newest != null && !added.isEmpty() && SegmentFiles.missedByListing(
                context.directory(), newest.nextOffset(), added.get(0))) {
            added.add(0, newest.nextOffset());
        }
        for (Segment segment : loader.openReadOnly(added)) {
            segments.add(segment);
        }
    }

    /**
     * Drops the segments whose files were deleted. A segment missing from the listing is
     * dropped only when its file is gone, because a listing that runs while the writer
     * creates files may miss one.
     */
    private void dropDeleted(List<Long> baseOffsets) {
        for (Segment segment : segments.all()) {
            if (!baseOffsets.contains(segment.baseOffset())
                    && !Files.exists(segment.logFile())) {
                segments.remove(segment);
                segment.markDeleted();
                context.fileCache().invalidate(segment.logFile());
            }
        }
    }

    /**
     * Frames the batches appended to {@code segment}. A file shorter than the known extent was
     * truncated by a recovering writer, so the segment is opened again from its files.
     */
    private void extend(Segment segment) throws IOException {
        try (FileChannel channel = FileChannel.open(segment.logFile(), StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize >= segment.size()) {
                SegmentScan.scanFrom(context, segment, channel, fileSize, false);
                return;
            }
        } catch (NoSuchFileException e) {
            return;
        }
        // NOTE: records that a recovering writer cut off may already have been returned to
        // readers of this log; they are not returned again.
        segments.remove(segment);
        context.fileCache().invalidate(segment.logFile());
        segments.add(loader.openActiveReadOnly(segment.baseOffset()));
    }
}
