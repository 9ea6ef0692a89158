package io.lucidmq.cli;

/**
 * Thrown by a command that cannot do what was requested for a reason the user can act on,
 * such as a missing topic or file. The message is printed as it is, on one line, and the
 * command exits with {@link ExitCodes#FAILURE}.
 */
public class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message to print. */
    public CommandFailedException(String message) {
        super(message);
    }

    /** Creates the exception with the message to print and the underlying failure. */
    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
