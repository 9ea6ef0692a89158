package io.lucidmq;

/**
 * Thrown when a writer opens a directory that another writer, in this or another process, holds.
 */
public class DirectoryLockedException extends LucidException {

    private static final long serialVersionUID = 1L;

    public DirectoryLockedException(String message) {
        super(message);
    }

    public DirectoryLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
