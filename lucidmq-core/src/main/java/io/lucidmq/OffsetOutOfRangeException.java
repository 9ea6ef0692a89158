package io.lucidmq;

/**
 * Thrown when a consumer's position is outside the partition's offsets and its reset policy is
 * {@code NONE}.
 */
public class OffsetOutOfRangeException extends LucidException {

    private static final long serialVersionUID = 1L;

    public OffsetOutOfRangeException(String message) {
        super(message);
    }

    public OffsetOutOfRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
