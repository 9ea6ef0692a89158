package io.lucidmq;

/** Thrown when a file operation fails; the message names the file and the operation. */
public class LucidStorageException extends LucidException {

    private static final long serialVersionUID = 1L;

    public LucidStorageException(String message) {
        super(message);
    }

    public LucidStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
