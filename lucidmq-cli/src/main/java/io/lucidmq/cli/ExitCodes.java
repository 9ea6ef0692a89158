package io.lucidmq.cli;

/** The exit statuses of the {@code lucidmq} command. */
public final class ExitCodes {

    /** The command succeeded. */
    public static final int OK = 0;

    /** The command failed at run time: a missing topic, an I/O error, a locked directory. */
    public static final int FAILURE = 1;

    /** The command line is invalid: an unknown command or option, or a bad value. */
    public static final int USAGE = 2;

    /**
     * Damaged data was found: {@code verify} or {@code dump} ran to the end and found some, or
     * another command, such as {@code consume}, stopped at it.
     */
    public static final int PROBLEMS_FOUND = 3;

    private ExitCodes() {
    }
}
