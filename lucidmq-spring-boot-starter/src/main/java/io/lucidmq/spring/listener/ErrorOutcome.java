package io.lucidmq.spring.listener;

/** What a {@link LucidErrorHandler} did with a failed delivery. */
public enum ErrorOutcome {

    /** A retry succeeded: the records count as processed by the listener. */
    RETRIED,

    /** The records were handed to a recoverer; the container commits past them. */
    RECOVERED,

    /**
     * The records are not done, for example because the container is stopping during a
     * back-off or the recoverer failed: the container seeks back and delivers them again.
     */
    REDELIVER
}
