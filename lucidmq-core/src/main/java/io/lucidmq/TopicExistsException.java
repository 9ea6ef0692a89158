package io.lucidmq;

/** Thrown when a topic is created with a configuration that differs from the existing topic's. */
public class TopicExistsException extends LucidException {

    private static final long serialVersionUID = 1L;

    public TopicExistsException(String message) {
        super(message);
    }

    public TopicExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
