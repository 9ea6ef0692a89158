package io.lucidmq.sample.reading;

/**
 * Thrown when accepted readings could not be made durable in time, so the request failed and
 * the client should send the readings again. Some of them may have been stored.
 */
public class PublishFailedException extends RuntimeException {

    /** Creates an exception with {@code message} and the failure that caused it. */
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
