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
    private long damagedBytesCut;
    private long preallocatedBytesReleased;

    LogRecovery(LogContext context, LogLoader loader) {
        this.context = context;
        this.loader = loader;
    }

    /** Recovers the segments with {@code baseOffsets} and returns them, oldest first. */
    List<Segment> recover(List<Long> baseOffsets) throws IOException {
        Path directory = context.directory();
        long recoveryPoint = readRecoveryPoint();
        List<Segment> segments = new ArrayList<>();
        long expected = -1;
        for (int i = 0; i < baseOffsets.size(); i++) {
            long baseOffset = baseOffsets.get(i);
            boolean last = i == baseOffsets.size() - 1;
            if (!last && baseOffsets.get(i + 1) <= recoveryPoint) {
                // A trusted segment ends where its successor starts, even when files in
                // between are missing: such a gap is reported by openSealed, not cut here.
                segments.add(loader.openSealed(baseOffset, baseOffsets.get(i + 1)));
                expected = baseOffsets.get(i + 1);
                continue;
            }
            if (!segments.isEmpty()) {
                if (baseOffset != expected) {
                    deleteSegments(baseOffsets.subList(i, baseOffsets.size()), expected);
                    break;
                }
            }
            Segment recovered = recoverSegment(baseOffset, last);
            segments.add(recovered);
            expected = recovered.nextOffset();
        }
        if (segments.isEmpty()) {
            segments.add(new Segment(directory, 0));
        }

        Segment active = segments.get(segments.size() - 1);
        CheckpointFile.write(context.fileIO(), directory.resolve(SegmentFiles.RECOVERY_POINT_FILE),
                CheckpointFile.RECOVERY_POINT_MAGIC, active.baseOffset());
        if (baseOffsets.isEmpty()) {
            // A partition without segment files is new: there was nothing to recover.
            LOGGER.debug("Started partition {} in {} at offset 0", context.topicPartition(),
                    directory.toAbsolutePath());
            return segments;
        }
        LOGGER.info("Recovered partition {} in {}: {} segments validated, {} bytes of damaged "
                + "data truncated, {} bytes of preallocated space released, offsets {} to {}",
                context.topicPartition(), directory.toAbsolutePath(), segmentsScanned,
                damagedBytesCut, preallocatedBytesReleased, segments.get(0).baseOffset(),
                active.nextOffset());
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
        // Without damage the scan stopped at a zero length field: no batch was committed
        // after it, so the bytes from there on are the writer's preallocated space.
        if (scan.damage() != null) {
            LOGGER.warn("Truncated {} bytes of damaged data at position {} of {} (partition {}, "
                    + "records from offset {} on are lost): {}", bytes, position,
                    segment.logFile().toAbsolutePath(), context.topicPartition(),
                    segment.nextOffset(), scan.damage());
        } else {
            LOGGER.debug("Released {} bytes of preallocated space after the last batch, at "
                    + "position {} of {} (partition {}, next offset {})", bytes, position,
                    segment.logFile().toAbsolutePath(), context.topicPartition(),
                    segment.nextOffset());
        }
        FileIO fileIO = context.fileIO();
        try (FileChannel channel = fileIO.open(segment.logFile(),
                EnumSet.of(StandardOpenOption.WRITE))) {
            channel.truncate(position);
            fileIO.force(channel, true);
        }
        if (scan.damage() != null) {
            damagedBytesCut += bytes;
        } else {
            preallocatedBytesReleased += bytes;
        }
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
