package io.lucidmq;

/**
 * Thrown when stored bytes fail their checksum or format check; the message names the file and the
 * byte position. Corrupt bytes are never returned as records.
 */
public class CorruptRecordException extends LucidException {

    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }

    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
