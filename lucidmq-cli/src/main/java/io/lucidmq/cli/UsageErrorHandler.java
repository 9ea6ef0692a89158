package io.lucidmq.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints an invalid command line as one error line, suggestions for a mistyped name, and a
 * pointer to the help, and exits with {@link ExitCodes#USAGE}.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("lucidmq: " + exception.getMessage());
        UnmatchedArgumentException.printSuggestions(exception, err);
        err.println(helpHint(commandLine));
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Returns the line that points to the help of {@code commandLine}'s command. */
    static String helpHint(CommandLine commandLine) {
        return "Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more "
                + "information.";
    }
}
