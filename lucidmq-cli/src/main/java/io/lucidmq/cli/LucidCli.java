package io.lucidmq.cli;

import io.lucidmq.cli.command.LucidCommand;
import picocli.CommandLine;

/**
 * Builds the {@code lucidmq} command line: the command tree with its error handling. Output
 * goes to the {@code CommandLine}'s out and err writers, so a caller that replaces them with
 * {@link CommandLine#setOut} and {@link CommandLine#setErr} captures everything printed.
 */
public final class LucidCli {

    private LucidCli() {
    }

    /** Returns a new command line whose commands work in {@code environment}. */
    public static CommandLine newCommandLine(CliEnvironment environment) {
        CommandLine commandLine = new CommandLine(new LucidCommand(environment));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }
}
