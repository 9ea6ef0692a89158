package io.lucidmq;

/** The base of every exception that LucidMQ throws for a condition other than bad input. */
public class LucidException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LucidException(String message) {
        super(message);
    }

    public LucidException(String message, Throwable cause) {
        super(message, cause);
    }
}
