package io.lucidmq.consumer;

/**
 * Where a consumer starts in a partition when its group has no committed offset there, or
 * when its position is no longer in the partition (deleted by retention, or past the end).
 */
public enum OffsetResetPolicy {

    /** Start at the oldest retained record. */
    EARLIEST,

    /** Start at the end offset: only records appended from now on are read. */
    LATEST,

    /** Fail the poll with {@link io.lucidmq.OffsetOutOfRangeException}. */
    NONE
}
