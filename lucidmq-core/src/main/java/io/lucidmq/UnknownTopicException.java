package io.lucidmq;

/** Thrown when a topic does not exist and cannot be created automatically. */
public class UnknownTopicException extends LucidException {

    private static final long serialVersionUID = 1L;

    public UnknownTopicException(String message) {
        super(message);
    }

    public UnknownTopicException(String message, Throwable cause) {
        super(message, cause);
    }
}
