package io.lucidmq.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * The result of scanning a segment's log file from its first byte: a segment rebuilt from the
 * valid batches (extent and both indexes) and, when the scan stopped early, why.
 *
 * @param segment the rebuilt segment, holding every valid batch before the stop
 * @param fileSize the size of the log file
 * @param damage why the scan stopped before the end of the data, or {@code null} when it
 *     stopped at the end of the file or at a zero length field
 */
record SegmentScan(Segment segment, long fileSize, String damage) {

    /**
     * Scans the log file of the segment with {@code baseOffset}: frames every batch, checks
     * that base offsets follow densely from {@code baseOffset}, and with
     * {@code verifyChecksums} checks every CRC.
     */
    static SegmentScan scan(LogContext context, long baseOffset, boolean verifyChecksums)
            throws IOException {
        Segment rebuilt = new Segment(context.directory(), baseOffset);
        try (FileChannel channel = FileChannel.open(rebuilt.logFile(), StandardOpenOption.READ)) {
            long fileSize = channel.size();
            String damage = scanFrom(context, rebuilt, channel, fileSize, verifyChecksums);
            return new SegmentScan(rebuilt, fileSize, damage);
        }
    }

    /**
     * Frames the batches of {@code segment} from its current size up to {@code limit} and adds
     * each valid one to the segment's extent and indexes.
     *
     * @return why the scan stopped before {@code limit}, or {@code null} when it reached the
     *     limit or a zero length field
     */
    static String scanFrom(LogContext context, Segment segment, FileChannel channel,
            long limit, boolean verifyChecksums) throws IOException {
        SegmentScanner scanner = new SegmentScanner(channel, segment.size(),
                Math.min(limit, Integer.MAX_VALUE), context.config().maxRecordBytes());
        SegmentScanner.ScannedBatch batch;
        while ((batch = scanner.next()) != null) {
            String damage = check(batch, segment.nextOffset(), verifyChecksums);
            if (damage != null) {
                return damage;
            }
            segment.batchAppended(batch.header(), (int) batch.position(),
                    context.config().indexIntervalBytes());
        }
        return scanner.stopReason();
    }

    private static String check(SegmentScanner.ScannedBatch batch, long expectedOffset,
            boolean verifyChecksums) {
        if (batch.header().baseOffset() != expectedOffset) {
            return "batch base offset " + batch.header().baseOffset() + " where offset "
                    + expectedOffset + " was expected";
        }
        if (verifyChecksums && !BatchDecoder.checksumValid(batch.bytes(), batch.header())) {
            return "batch failed its CRC32C check";
        }
        return null;
    }

    /** The number of bytes after the last valid batch. */
    long bytesAfterValidData() {
        return fileSize - segment.size();
    }
}
