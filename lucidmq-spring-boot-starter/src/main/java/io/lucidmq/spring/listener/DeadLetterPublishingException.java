package io.lucidmq.spring.listener;

/** Thrown when a record could not be published to its dead-letter topic. */
public class DeadLetterPublishingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the record and the destination. */
    public DeadLetterPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
