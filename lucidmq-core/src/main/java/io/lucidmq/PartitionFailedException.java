package io.lucidmq;

/**
 * Thrown by appends to a partition whose force to disk failed: the partition refuses writes until
 * the directory is reopened, which recovers from the log.
 */
public class PartitionFailedException extends LucidException {

    private static final long serialVersionUID = 1L;

    public PartitionFailedException(String message) {
        super(message);
    }

    public PartitionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
