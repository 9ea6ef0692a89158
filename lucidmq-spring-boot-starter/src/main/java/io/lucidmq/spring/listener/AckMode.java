package io.lucidmq.spring.listener;

/**
 * When a listener container commits the offsets of processed records. Every mode commits an
 * offset only after the listener returned for the record (or the error handler recovered
 * it), so delivery is at-least-once: a crash or stop redelivers the records after the last
 * commit, and never skips one.
 */
public enum AckMode {

    /** Commit after each record; a batch listener commits after each batch. */
    RECORD,

    /** Commit once all records of a poll are processed. The default. */
    BATCH,

    /**
     * Commit what the listener acknowledged with its {@link Acknowledgment}, at the end of the
     * poll's records and when the container stops. Records that the error handler recovered
     * are committed too.
     */
    MANUAL
}
