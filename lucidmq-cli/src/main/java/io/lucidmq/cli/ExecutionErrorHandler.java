package io.lucidmq.cli;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.DirectoryLockedException;
import io.lucidmq.LucidException;
import io.lucidmq.cli.command.LucidCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints a failed command's exception as one line that names the path or value involved, and
 * its stack trace only under {@code --verbose}.
 *
 * <p>An {@link IllegalArgumentException} is bad input that the option parser could not see,
 * such as a partition count of 0, and exits with {@link ExitCodes#USAGE}. A
 * {@link CorruptRecordException}, such as {@code consume} reaching a damaged batch, exits with
 * {@link ExitCodes#PROBLEMS_FOUND}. Every other failure exits with {@link ExitCodes#FAILURE}.
 */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionErrorHandler.class);

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
            ParseResult parseResult) {
        LucidCommand root = (LucidCommand) commandLine.getCommandSpec().root().userObject();
        String command = commandLine.getCommandSpec().qualifiedName();
        PrintWriter err = commandLine.getErr();

        err.println("lucidmq: " + describe(exception, root, command));
        if (root.verbose()) {
            exception.printStackTrace(err);
        } else {
            LOG.debug("{} failed", command, exception);
        }

        boolean usage = exception instanceof IllegalArgumentException;
        if (usage) {
            err.println(UsageErrorHandler.helpHint(commandLine));
        }
        err.flush();
        if (usage) {
            return ExitCodes.USAGE;
        }
        return exception instanceof CorruptRecordException
                ? ExitCodes.PROBLEMS_FOUND
                : ExitCodes.FAILURE;
    }

    private static String describe(Exception exception, LucidCommand root, String command) {
        if (exception instanceof DirectoryLockedException) {
            return "directory " + root.directory() + " is in use by another process: an "
                    + "application holds its writer lock, so '" + command + "' cannot write "
                    + "it (" + exception.getMessage() + "). Stop that application and retry; "
                    + "read-only commands such as 'topics describe' and 'groups describe' "
                    + "work while it runs.";
        }
        if (exception instanceof CorruptRecordException && exception.getMessage() != null) {
            return exception.getMessage() + " (run 'lucidmq verify' to list every damaged file)";
        }
        boolean expected = exception instanceof CommandFailedException
                || exception instanceof LucidException
                || exception instanceof IllegalArgumentException;
        if (expected && exception.getMessage() != null) {
            return exception.getMessage();
        }
        return exception.toString();
    }
}
