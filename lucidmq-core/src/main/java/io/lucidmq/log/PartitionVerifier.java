package io.lucidmq.log;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.TopicPartition;
import io.lucidmq.inspect.BatchSummary;
import io.lucidmq.inspect.Problem;
import io.lucidmq.record.ConsumerRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read-only checks of partition directories at the byte level, for
 * {@link io.lucidmq.inspect.LogInspector}: every batch's framing and CRC32C, dense offsets
 * within and across segments, and every index entry against the batches of its log file.
 * Never modifies a file. A zero length field ends a segment's data, so the zero-filled
 * preallocated tail of an active segment is not a problem.
 *
 * <p>Stateless and thread-safe.
 */
public final class PartitionVerifier {

    private PartitionVerifier() {
    }

    /**
     * Verifies the partition in {@code directory}.
     *
     * @return the problems found, in file order; empty when the partition is sound
     * @throws IOException if a file cannot be read
     */
    public static List<Problem> verifyPartition(Path directory) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<Long> baseOffsets = new ArrayList<>(SegmentFiles.listBaseOffsets(directory));
        long expectedOffset = baseOffsets.isEmpty() ? 0 : baseOffsets.get(0);
        for (int i = 0; i < baseOffsets.size(); i++) {
            long baseOffset = baseOffsets.get(i);
            // A segment without a readable batch ends at its own base offset, whose file
            // is that segment itself, not one the listing missed.
            if (i > 0 && expectedOffset > baseOffsets.get(i - 1)
                    && SegmentFiles.missedByListing(directory, expectedOffset, baseOffset)) {
                baseOffsets.add(i, expectedOffset);
                baseOffset = expectedOffset;
            }
            Path logFile = SegmentFiles.logFile(directory, baseOffset).toAbsolutePath();
            if (baseOffset != expectedOffset) {
                String range = baseOffset > expectedOffset
                        ? "offsets " + expectedOffset + " to " + (baseOffset - 1) + " are missing"
                        : "offsets " + baseOffset + " to " + (expectedOffset - 1)
                        + " are in two segments";
                problems.add(new Problem(logFile, -1, range + ": segment base offset "
                        + baseOffset + " does not follow the previous segment, which ends "
                        + "before offset " + expectedOffset));
            }
            boolean sealed = i < baseOffsets.size() - 1;
            SegmentCheck check = checkSegment(directory, baseOffset, sealed, problems);
            checkOffsetIndex(directory, baseOffset, check, sealed, problems);
            checkTimeIndex(directory, baseOffset, check, sealed, problems);
            // A segment inside an earlier one's range does not move the end back: its
            // overlap is reported above, and the next segment must follow the earlier one.
            expectedOffset = Math.max(expectedOffset, check.nextOffset);
        }
        return problems;
    }

    /**
     * Reads a segment file batch by batch and passes each to {@code visitor}, stopping at the
     * end of the data or at the first batch that cannot be framed.
     *
     * @return the byte position where reading stopped
     * @throws IOException if the file cannot be read
     */
    public static long dump(Path segmentFile, Consumer<BatchSummary> visitor) throws IOException {
        TopicPartition topicPartition = topicPartitionOf(segmentFile);
        try (FileChannel channel = FileChannel.open(segmentFile, StandardOpenOption.READ)) {
            SegmentScanner scanner = new SegmentScanner(channel, 0,
                    Math.min(channel.size(), Integer.MAX_VALUE), Integer.MAX_VALUE);
            SegmentScanner.ScannedBatch batch;
            while ((batch = scanner.next()) != null) {
                BatchHeader header = batch.header();
                boolean valid = BatchDecoder.checksumValid(batch.bytes(), header);
                List<ConsumerRecord> records = valid ? BatchDecoder.decode(batch.bytes(), header,
                        topicPartition, header.baseOffset(), Integer.MAX_VALUE, segmentFile,
                        batch.position()) : List.of();
                visitor.accept(new BatchSummary(batch.position(), header.batchLength(),
                        header.baseOffset(), header.lastOffset(), header.firstTimestamp(),
                        header.maxTimestamp(), valid, records));
            }
            return scanner.position();
        }
    }

    /** The findings of one log-file scan: batch starts by relative offset, and the end. */
    private static final class SegmentCheck {
        final Map<Integer, Integer> positionByRelativeOffset = new HashMap<>();
        final Map<Integer, Long> maxTimestampByRelativeOffset = new HashMap<>();
        long nextOffset;
        long size;
    }

    private static SegmentCheck checkSegment(Path directory, long baseOffset, boolean sealed,
            List<Problem> problems) throws IOException {
        Path logFile = SegmentFiles.logFile(directory, baseOffset).toAbsolutePath();
        SegmentCheck check = new SegmentCheck();
        check.nextOffset = baseOffset;
        long maxTimestamp = -1;
        try (FileChannel channel = FileChannel.open(logFile, StandardOpenOption.READ)) {
            SegmentScanner scanner = new SegmentScanner(channel, 0,
                    Math.min(channel.size(), Integer.MAX_VALUE), Integer.MAX_VALUE);
            SegmentScanner.ScannedBatch batch;
            while ((batch = scanner.next()) != null) {
                String damage = batchDamage(batch, check.nextOffset, logFile);
                if (damage != null) {
                    problems.add(new Problem(logFile, batch.position(), damage));
                }
                int relativeOffset = (int) (batch.header().baseOffset() - baseOffset);
                maxTimestamp = Math.max(maxTimestamp, batch.header().maxTimestamp());
                check.positionByRelativeOffset.put(relativeOffset, (int) batch.position());
                check.maxTimestampByRelativeOffset.put(relativeOffset, maxTimestamp);
                check.nextOffset = batch.header().nextOffset();
            }
            if (scanner.stoppedAtDamage()) {
                problems.add(new Problem(logFile, scanner.position(),
                        "batch cannot be framed: " + scanner.stopReason()));
            } else if (sealed && scanner.position() == 0) {
                problems.add(new Problem(logFile, 0, "sealed segment contains no batch: its "
                        + "file is empty or starts with a zero length field"));
            } else if (sealed) {
                long dataAfter = lastNonZeroByte(channel, scanner.position());
                if (dataAfter >= 0) {
                    problems.add(new Problem(logFile, scanner.position(), "a zero length field "
                            + "ends the batches, but the sealed segment has data after it, up "
                            + "to byte " + dataAfter + ": the batches from this byte on cannot "
                            + "be read"));
                }
            }
            check.size = scanner.position();
        }
        return check;
    }

    /**
     * Returns the position of the last byte that is not zero from {@code from} to the end of
     * the file, or -1 when there is none: zeros after the last batch are preallocated space
     * that a crash during a roll may leave, not damage.
     */
    private static long lastNonZeroByte(FileChannel channel, long from) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long last = -1;
        long position = from;
        while (true) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                return last;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) != 0) {
                    last = position + i;
                }
            }
            position += read;
        }
    }

    private static String batchDamage(SegmentScanner.ScannedBatch batch, long expectedOffset,
            Path logFile) {
        BatchHeader header = batch.header();
        if (header.baseOffset() != expectedOffset) {
            return "batch base offset " + header.baseOffset() + ", expected " + expectedOffset;
        }
        try {
            BatchDecoder.decode(batch.bytes(), header, new TopicPartition("verify", 0),
                    header.baseOffset(), Integer.MAX_VALUE, logFile, batch.position());
            return null;
        } catch (CorruptRecordException e) {
            return e.getMessage();
        }
    }

    private static void checkOffsetIndex(Path directory, long baseOffset, SegmentCheck check,
            boolean sealed, List<Problem> problems) throws IOException {
        Path indexFile = SegmentFiles.indexFile(directory, baseOffset).toAbsolutePath();
        ByteBuffer bytes = readIfExists(indexFile);
        if (bytes == null) {
            if (sealed) {
                problems.add(new Problem(indexFile, -1, "offset index of a sealed segment is "
                        + "missing; after a crash, opening the directory for writing rebuilds "
                        + "it"));
            }
            return;
        }
        if (bytes.remaining() % OffsetIndex.ENTRY_SIZE != 0) {
            problems.add(new Problem(indexFile, -1, "size " + bytes.remaining()
                    + " is not a multiple of the entry size " + OffsetIndex.ENTRY_SIZE));
            return;
        }
        for (int position = 0; position < bytes.limit(); position += OffsetIndex.ENTRY_SIZE) {
            int relativeOffset = bytes.getInt(position);
            int logPosition = bytes.getInt(position + 4);
            Integer actual = check.positionByRelativeOffset.get(relativeOffset);
            if (actual == null || actual != logPosition) {
                problems.add(new Problem(indexFile, position, "entry maps relative offset "
                        + relativeOffset + " to byte " + logPosition + ", but the log has "
                        + (actual == null ? "no batch starting at that offset"
                        : "that batch at byte " + actual)));
            }
        }
    }

    private static void checkTimeIndex(Path directory, long baseOffset, SegmentCheck check,
            boolean sealed, List<Problem> problems) throws IOException {
        Path indexFile = SegmentFiles.timeIndexFile(directory, baseOffset).toAbsolutePath();
        ByteBuffer bytes = readIfExists(indexFile);
        if (bytes == null) {
            if (sealed) {
                problems.add(new Problem(indexFile, -1, "time index of a sealed segment is "
                        + "missing; after a crash, opening the directory for writing rebuilds "
                        + "it"));
            }
            return;
        }
        if (bytes.remaining() % TimeIndex.ENTRY_SIZE != 0) {
            problems.add(new Problem(indexFile, -1, "size " + bytes.remaining()
                    + " is not a multiple of the entry size " + TimeIndex.ENTRY_SIZE));
            return;
        }
        for (int position = 0; position < bytes.limit(); position += TimeIndex.ENTRY_SIZE) {
            long timestamp = bytes.getLong(position);
            int relativeOffset = bytes.getInt(position + 8);
            Long actual = check.maxTimestampByRelativeOffset.get(relativeOffset);
            if (actual == null || actual != timestamp) {
                problems.add(new Problem(indexFile, position, "entry gives max timestamp "
                        + timestamp + " up to relative offset " + relativeOffset + ", but the "
                        + "log has " + (actual == null ? "no batch starting at that offset"
                        : "max timestamp " + actual)));
            }
        }
    }

    private static ByteBuffer readIfExists(Path file) throws IOException {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Returns the partition a segment file belongs to, from its directory names. */
    private static TopicPartition topicPartitionOf(Path segmentFile) {
        Path partitionDirectory = segmentFile.toAbsolutePath().getParent();
        Path topicDirectory = partitionDirectory == null ? null : partitionDirectory.getParent();
        try {
            int partition = Integer.parseInt(partitionDirectory.getFileName().toString());
            return new TopicPartition(topicDirectory.getFileName().toString(), partition);
        } catch (RuntimeException e) {
            return new TopicPartition("unknown", 0);
        }
    }
}
