package io.lucidmq;

/** Thrown when an operation that needs a consumer group to be idle finds an active member. */
public class GroupActiveException extends LucidException {

    private static final long serialVersionUID = 1L;

    public GroupActiveException(String message) {
        super(message);
    }

    public GroupActiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
