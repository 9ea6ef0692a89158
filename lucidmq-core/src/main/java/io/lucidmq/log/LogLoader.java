package io.lucidmq.log;

import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the segments of a partition directory.
 *
 * <p>With a clean-shutdown marker that agrees with the active segment, only the tail of the
 * active segment after its last index entry is scanned. Without one, the log is recovered by
 * {@link LogRecovery}. Read-only logs are never changed: a missing or invalid index is rebuilt
 * in memory only.
 *
 * <p>Not thread-safe; runs before the log is published.
 */
final class LogLoader {

    private static final Logger LOGGER = LoggerFactory.getLogger(LogLoader.class);

    private final LogContext context;

    LogLoader(LogContext context) {
        this.context = context;
    }

    /**
     * The loaded segments, oldest first, and whether the clean-shutdown marker was present and
     * valid.
     */
    record LoadedLog(List<Segment> segments, boolean cleanShutdown) {
    }

    /** Loads the partition of {@code context}, recovering it if it was not closed cleanly. */
    static LoadedLog load(LogContext context) throws IOException {
        LogLoader loader = new LogLoader(context);
        return context.readOnly() ? loader.loadReadOnly() : loader.loadWritable();
    }

    private LoadedLog loadWritable() throws IOException {
        Path directory = context.directory();
        FileIO fileIO = context.fileIO();
        fileIO.createDirectories(directory);
        List<Long> baseOffsets = SegmentFiles.listBaseOffsets(directory);
        deleteOrphans(baseOffsets);

        Path markerFile = directory.resolve(SegmentFiles.CLEAN_SHUTDOWN_FILE);
        long[] marker = CheckpointFile.read(markerFile, CheckpointFile.CLEAN_SHUTDOWN_MAGIC, 3);
        if (marker != null) {
            List<Segment> segments = openClean(baseOffsets, marker);
            if (segments != null) {
                return new LoadedLog(segments, true);
            }
        }
        if (Files.exists(markerFile)) {
            LOGGER.warn("Clean-shutdown marker {} of partition {} is invalid or disagrees with "
                    + "the active segment; recovering the log", markerFile.toAbsolutePath(),
                    context.topicPartition());
            fileIO.deleteIfExists(markerFile);
            fileIO.forceDirectory(directory);
        }
        return new LoadedLog(new LogRecovery(context, this).recover(baseOffsets), false);
    }

    private LoadedLog loadReadOnly() throws IOException {
        List<Segment> segments = new ArrayList<>();
        if (!Files.isDirectory(context.directory())) {
            return new LoadedLog(segments, false);
        }
        segments.addAll(openReadOnly(SegmentFiles.listBaseOffsets(context.directory())));
        return new LoadedLog(segments, false);
    }

    /**
     * Opens read-only the segments whose base offsets a listing of the directory returned,
     * ascending: every one but the last as sealed, the last as active.
     *
     * <p>When a sealed segment's batches end before the next listed base offset and the file
     * that end names exists, the listing missed it, so it is opened in between (see
     * {@link SegmentFiles#missedByListing}).
     */
    List<Segment> openReadOnly(List<Long> listedBaseOffsets) throws IOException {
        TreeSet<Long> pending = new TreeSet<>(listedBaseOffsets);
        List<Segment> opened = new ArrayList<>();
        while (!pending.isEmpty()) {
            long baseOffset = pending.pollFirst();
            if (pending.isEmpty()) {
                opened.add(openActiveReadOnly(baseOffset));
                break;
            }
            long next = pending.first();
            SealedOpen sealed = openSealed(baseOffset, next, false);
            long end = sealed.framedEnd();
            if (end < 0) {
                // Not framed to the file's end: the writer's sealer may not have cut the
                // preallocated zeros yet. Frame it like an active segment, to the first zero.
                end = openActiveReadOnly(baseOffset).nextOffset();
            }
            if (end > baseOffset && SegmentFiles.missedByListing(context.directory(), end, next)) {
                LOGGER.debug("The listing of {} missed segment {}, found by its name",
                        context.directory().toAbsolutePath(), end);
                pending.add(end);
                opened.add(openSealed(baseOffset, end));
            } else if (end >= 0 && end != next) {
                opened.add(openSealed(baseOffset, next));
            } else {
                opened.add(sealed.segment());
            }
        }
        return opened;
    }

    /**
     * Opens the segments after a clean close.
     *
     * @param marker the end offset, active base offset and active size the close recorded
     * @return the segments, or {@code null} when the files disagree with the marker
     */
    private List<Segment> openClean(List<Long> baseOffsets, long[] marker) throws IOException {
        int count = baseOffsets.size();
        if (count == 0 || baseOffsets.get(count - 1) != marker[1]) {
            return null;
        }
        Segment active = new Segment(context.directory(), marker[1]);
        long activeSize = Files.size(active.logFile());
        if (activeSize != marker[2] || !active.loadIndexes(activeSize)) {
            return null;
        }
        active.resumeAtLastIndexEntry();
        try (FileChannel channel = FileChannel.open(active.logFile(), StandardOpenOption.READ)) {
            String damage = SegmentScan.scanFrom(context, active, channel, activeSize, true);
            if (damage != null || active.size() != activeSize
                    || active.nextOffset() != marker[0]) {
                return null;
            }
        }

        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            segments.add(openSealed(baseOffsets.get(i), baseOffsets.get(i + 1)));
        }
        segments.add(active);
        return segments;
    }

    /**
     * Opens a sealed segment without scanning it, trusting its size and its successor's base
     * offset. A missing index, or one that disagrees with the log file, is rebuilt by framing
     * the file; the rebuilt files are written unless the log is read-only.
     */
    Segment openSealed(long baseOffset, long nextBaseOffset) throws IOException {
        return openSealed(baseOffset, nextBaseOffset, true).segment();
    }

    /**
     * Opens a sealed segment as {@link #openSealed(long, long)} does, logging a gap before
     * {@code nextBaseOffset} only when {@code warnOnGap}.
     */
    private SealedOpen openSealed(long baseOffset, long nextBaseOffset, boolean warnOnGap)
            throws IOException {
        Segment segment = new Segment(context.directory(), baseOffset);
        long size = Math.min(Files.size(segment.logFile()), Integer.MAX_VALUE);
        if (!segment.loadIndexes(size) || !indexesAgree(segment, size, nextBaseOffset)) {
            segment = rebuildIndexes(baseOffset);
        }
        long endOffset = framedEndOffset(segment, size);
        if (warnOnGap && endOffset >= 0 && endOffset != nextBaseOffset) {
            LOGGER.warn("Offsets of partition {} in {} are not dense: segment {} ends at offset "
                    + "{}, but the next segment starts at offset {}; a read that reaches "
                    + "offset {} raises CorruptRecordException", context.topicPartition(),
                    context.directory().toAbsolutePath(), segment.logFile().getFileName(),
                    endOffset - 1, nextBaseOffset, Math.min(endOffset, nextBaseOffset));
        }
        // A gap keeps the framed end, so that a read reaches the gap instead of looking for
        // missing offsets in this file. NOTE: an overlap keeps the successor's base offset.
        boolean gap = endOffset >= 0 && endOffset < nextBaseOffset;
        segment.restoreExtent((int) size, gap ? endOffset : nextBaseOffset);
        return new SealedOpen(segment, endOffset);
    }

    /**
     * A sealed segment just opened, and the offset after its last batch when its batches
     * frame to the file's end, else -1.
     */
    private record SealedOpen(Segment segment, long framedEnd) {
    }

    /**
     * Frames a sealed segment from its last offset-index entry to {@code size}.
     *
     * @return the offset after its last batch, or -1 when the batches there cannot be framed
     *     up to {@code size} (damage, or zeros that recovery has not cut yet)
     */
    private long framedEndOffset(Segment segment, long size) throws IOException {
        OffsetIndex offsets = segment.offsetIndex();
        int entries = offsets.entryCount();
        long position = entries == 0 ? 0 : offsets.position(entries - 1);
        long endOffset = segment.baseOffset()
                + (entries == 0 ? 0 : offsets.relativeOffset(entries - 1));
        try (FileChannel channel = FileChannel.open(segment.logFile(), StandardOpenOption.READ)) {
            SegmentScanner scanner = new SegmentScanner(channel, position, size,
                    context.config().maxRecordBytes());
            SegmentScanner.ScannedBatch batch;
            while ((batch = scanner.next()) != null) {
                if (batch.header().baseOffset() != endOffset) {
                    return -1;
                }
                endOffset = batch.header().nextOffset();
            }
            return scanner.position() == size ? endOffset : -1;
        }
    }

    private Segment rebuildIndexes(long baseOffset) throws IOException {
        SegmentScan scan = SegmentScan.scan(context, baseOffset, false);
        Segment rebuilt = scan.segment();
        rebuilt.seal();
        if (scan.damage() != null) {
            LOGGER.warn("Sealed segment {} of partition {} cannot be framed at byte {}: {}; "
                    + "reads there raise CorruptRecordException",
                    rebuilt.logFile().toAbsolutePath(), context.topicPartition(),
                    rebuilt.size(), scan.damage());
        }
        if (!context.readOnly()) {
            rebuilt.writeIndexes(context.fileIO());
            LOGGER.warn("Rebuilt the missing or inconsistent indexes of segment {} of "
                    + "partition {}", rebuilt.logFile().toAbsolutePath(),
                    context.topicPartition());
        }
        return rebuilt;
    }

    /** Checks that the last entries of both indexes point at batches of this segment. */
    private boolean indexesAgree(Segment segment, long size, long nextBaseOffset)
            throws IOException {
        long recordCount = nextBaseOffset - segment.baseOffset();
        if (segment.timeIndex().lastRelativeOffset() >= recordCount) {
            return false;
        }
        OffsetIndex offsets = segment.offsetIndex();
        int entries = offsets.entryCount();
        if (entries == 0) {
            return true;
        }
        if (offsets.relativeOffset(entries - 1) >= recordCount) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(segment.logFile(), StandardOpenOption.READ)) {
            SegmentScanner scanner = new SegmentScanner(channel, offsets.position(entries - 1),
                    size, context.config().maxRecordBytes());
            SegmentScanner.ScannedBatch batch = scanner.next();
            return batch != null && batch.header().baseOffset()
                    == segment.baseOffset() + offsets.relativeOffset(entries - 1);
        }
    }

    /**
     * Opens the newest segment of a read-only log: loads its indexes and frames the batches
     * after the last index entry, or the whole file when the index disagrees with it.
     */
    Segment openActiveReadOnly(long baseOffset) throws IOException {
        Segment segment = new Segment(context.directory(), baseOffset);
        long size = Files.size(segment.logFile());
        if (!segment.loadIndexes(size)) {
            segment = new Segment(context.directory(), baseOffset);
        }
        segment.resumeAtLastIndexEntry();
        try (FileChannel channel = FileChannel.open(segment.logFile(), StandardOpenOption.READ)) {
            String damage = SegmentScan.scanFrom(context, segment, channel, size, false);
            if (damage != null && segment.offsetIndex().entryCount() > 0) {
                // The index may disagree with the log; frame the whole file instead.
                segment = new Segment(context.directory(), baseOffset);
                SegmentScan.scanFrom(context, segment, channel, size, false);
            }
        }
        return segment;
    }

    /** Deletes index files without a log file and leftover temporary files. */
    private void deleteOrphans(List<Long> baseOffsets) throws IOException {
        List<Path> orphans = new ArrayList<>();
        Path directory = context.directory();
        for (long baseOffset : SegmentFiles.list(directory, SegmentFiles.INDEX_SUFFIX)) {
            if (!baseOffsets.contains(baseOffset)) {
                orphans.add(SegmentFiles.indexFile(directory, baseOffset));
            }
        }
        for (long baseOffset : SegmentFiles.list(directory, SegmentFiles.TIME_INDEX_SUFFIX)) {
            if (!baseOffsets.contains(baseOffset)) {
                orphans.add(SegmentFiles.timeIndexFile(directory, baseOffset));
            }
        }
        try (var temporaryFiles = Files.newDirectoryStream(context.directory(), "*.tmp")) {
            temporaryFiles.forEach(orphans::add);
        }
        for (Path orphan : orphans) {
            LOGGER.info("Deleting leftover file {} of partition {}", orphan.toAbsolutePath(),
                    context.topicPartition());
            context.fileIO().deleteIfExists(orphan);
        }
    }
}
