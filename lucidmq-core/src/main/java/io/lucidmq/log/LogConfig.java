package io.lucidmq.log;

/**
 * The settings of one partition log.
 *
 * @param segmentBytes the size at which the active segment is sealed and a new one started
 * @param maxRecordBytes the maximum encoded size of one record
 * @param indexIntervalBytes the number of log bytes between two offset-index entries
 * @param maxOpenSegmentFiles the budget of open sealed-segment files this log may draw on
 */
public record LogConfig(int segmentBytes, int maxRecordBytes, int indexIntervalBytes,
        int maxOpenSegmentFiles) {

    /** Default {@link #indexIntervalBytes()}: 4 KiB. */
    public static final int DEFAULT_INDEX_INTERVAL_BYTES = 4096;
}
