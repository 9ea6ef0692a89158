package io.lucidmq;

/**
 * Thrown when a record's encoded size exceeds the topic's maximum record size; nothing is written.
 */
public class RecordTooLargeException extends LucidException {

    private static final long serialVersionUID = 1L;

    public RecordTooLargeException(String message) {
        super(message);
    }

    public RecordTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
