package io.lucidmq.log;

import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers a partition that was not closed cleanly.
 *
 * <p>Segments wholly below the recovery point (the base offset of the active segment at the
 * last roll, when every older segment had been forced) are trusted. Every later segment is
 * validated batch by batch: framing, CRC32C and dense offsets. The first invalid or incomplete
 * batch and everything after it in its file are cut off; segments that then no longer follow
 * densely are deleted; indexes that are missing or disagree with the scan are rewritten.
 * Trailing zeros after the last batch are cut too, so that the next append starts right
 * after the last valid record on a zeroed tail.
 *
 * <p>Not thread-safe; runs before the log is published.
 */
final class LogRecovery {

    private static final Logger LOGGER = LoggerFactory.getLogger(LogRecovery.class);

    private final LogContext context;
    private final LogLoader loader;
    private int segmentsScanned;
    private long bytesCut;

    LogRecovery(LogContext context, LogLoader loader) {
        this.context = context;
        this.loader = loader;
    }

    /** Recovers the segments with {@code baseOffsets} and returns them, oldest first. */
    List<Segment> recover(List<Long> baseOffsets) throws IOException {
        Path directory = context.directory();
        long recoveryPoint = readRecoveryPoint();
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < baseOffsets.size(); i++) {
            long baseOffset = baseOffsets.get(i);
            boolean last = i == baseOffsets.size() - 1;
            if (!last && baseOffsets.get(i + 1) <= recoveryPoint) {
                segments.add(loader.openSealed(baseOffset, baseOffsets.get(i + 1)));
                continue;
            }
            if (!segments.isEmpty()) {
                long expected = segments.get(segments.size() - 1).nextOffset();
                if (baseOffset != expected) {
                    deleteSegments(baseOffsets.subList(i, baseOffsets.size()), expected);
                    break;
                }
            }
            segments.add(recoverSegment(baseOffset, last));
        }
        if (segments.isEmpty()) {
            segments.add(new Segment(directory, 0));
        }

        Segment active = segments.get(segments.size() - 1);
        CheckpointFile.write(context.fileIO(), directory.resolve(SegmentFiles.RECOVERY_POINT_FILE),
                CheckpointFile.RECOVERY_POINT_MAGIC, active.baseOffset());
        LOGGER.info("Recovered partition {} in {}: {} segments validated, {} bytes cut, "
                + "offsets {} to {}", context.topicPartition(), directory.toAbsolutePath(),
                segmentsScanned, bytesCut, segments.get(0).baseOffset(), active.nextOffset());
        return segments;
    }

    private long readRecoveryPoint() throws IOException {
        long[] values = CheckpointFile.read(
                context.directory().resolve(SegmentFiles.RECOVERY_POINT_FILE),
                CheckpointFile.RECOVERY_POINT_MAGIC, 1);
        return values == null ? -1 : values[0];
    }

    private Segment recoverSegment(long baseOffset, boolean active) throws IOException {
        segmentsScanned++;
        SegmentScan scan = SegmentScan.scan(context, baseOffset, true);
        Segment segment = scan.segment();
        if (scan.bytesAfterValidData() > 0) {
            cut(segment, scan);
        }
        if (!active) {
            segment.seal();
        }
        Segment stored = new Segment(context.directory(), baseOffset);
        boolean indexesMatch = stored.loadIndexes(segment.size())
                && stored.offsetIndex().sameEntries(segment.offsetIndex())
                && stored.timeIndex().sameEntries(segment.timeIndex());
        if (!indexesMatch) {
            LOGGER.info("Rewriting the indexes of segment {} of partition {} from its {} valid "
                    + "bytes", segment.logFile().toAbsolutePath(), context.topicPartition(),
                    segment.size());
            segment.writeIndexes(context.fileIO());
        }
        return segment;
    }

    private void cut(Segment segment, SegmentScan scan) throws IOException {
        long position = segment.size();
        long bytes = scan.bytesAfterValidData();
        if (scan.damage() != null) {
            LOGGER.warn("Truncating segment {} of partition {} at byte {}, cutting {} bytes: {}",
                    segment.logFile().toAbsolutePath(), context.topicPartition(), position,
                    bytes, scan.damage());
        } else {
            LOGGER.info("Truncating segment {} of partition {} at byte {}, cutting {} bytes "
                    + "after the end of the log", segment.logFile().toAbsolutePath(),
                    context.topicPartition(), position, bytes);
        }
        FileIO fileIO = context.fileIO();
        try (FileChannel channel = fileIO.open(segment.logFile(),
                EnumSet.of(StandardOpenOption.WRITE))) {
            channel.truncate(position);
            fileIO.force(channel, true);
        }
        bytesCut += bytes;
    }

    private void deleteSegments(List<Long> baseOffsets, long expectedOffset) throws IOException {
        Path directory = context.directory();
        FileIO fileIO = context.fileIO();
        for (long baseOffset : baseOffsets) {
            Path logFile = SegmentFiles.logFile(directory, baseOffset);
            LOGGER.warn("Deleting segment {} of partition {}: the log ends at offset {}, so a "
                    + "segment with base offset {} no longer follows it",
                    logFile.toAbsolutePath(), context.topicPartition(), expectedOffset,
                    baseOffset);
            fileIO.deleteIfExists(logFile);
            fileIO.deleteIfExists(SegmentFiles.indexFile(directory, baseOffset));
            fileIO.deleteIfExists(SegmentFiles.timeIndexFile(directory, baseOffset));
        }
        fileIO.forceDirectory(directory);
    }
}
