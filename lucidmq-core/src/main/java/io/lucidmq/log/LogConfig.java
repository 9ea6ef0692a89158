package io.lucidmq.log;

/**
 * The settings of one partition log. Immutable and thread-safe.
 *
 * @param segmentBytes the size at which the active segment is sealed and a new one started;
 *     a segment may be exactly this full, and a single batch larger than this gets a segment
 *     of its own
 * @param maxRecordBytes the maximum encoded size of one record
 * @param indexIntervalBytes the number of log bytes between two offset-index entries
 * @param maxOpenSegmentFiles the budget of open sealed-segment files of the private file
 *     cache, when the log is opened without a shared {@link SegmentFileCache}
 */
public record LogConfig(int segmentBytes, int maxRecordBytes, int indexIntervalBytes,
        int maxOpenSegmentFiles) {

    /** Default {@link #indexIntervalBytes()}: 4 KiB. */
    public static final int DEFAULT_INDEX_INTERVAL_BYTES = 4096;

    /** Validates every value; each message names the value and the allowed range. */
    public LogConfig {
        requirePositive("segmentBytes", segmentBytes);
        requirePositive("maxRecordBytes", maxRecordBytes);
        requirePositive("indexIntervalBytes", indexIntervalBytes);
        requirePositive("maxOpenSegmentFiles", maxOpenSegmentFiles);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
        }
    }
}
