package io.lucidmq.cli;

import io.lucidmq.LucidMQ;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code lucidmq} command lines in-process against one directory, with {@code --dir}
 * added first, capturing the output and the exit status.
 */
final class TestCli {

    private final Path directory;
    private DirectoryOpener opener = LucidMQ::open;
    private final ManualInterrupt interrupts = new ManualInterrupt();

    TestCli(Path directory) {
        this.directory = directory;
    }

    /** Makes the commands open their instances with {@code opener}. */
    TestCli withOpener(DirectoryOpener opener) {
        this.opener = opener;
        return this;
    }

    ManualInterrupt interrupts() {
        return interrupts;
    }

    /** Runs {@code --dir DIR args} with empty standard input. */
    CliResult run(String... args) {
        return runWithInput("", args);
    }

    /** Runs {@code --dir DIR args} with {@code stdin} as standard input. */
    CliResult runWithInput(String stdin, String... args) {
        List<String> arguments = new ArrayList<>(List.of("--dir", directory.toString()));
        arguments.addAll(List.of(args));
        return runRaw(stdin, arguments.toArray(String[]::new));
    }

    /** Runs {@code args} exactly as given, writing standard output to {@code out}. */
    int runInto(StringWriter out, StringWriter err, String... args) {
        List<String> arguments = new ArrayList<>(List.of("--dir", directory.toString()));
        arguments.addAll(List.of(args));
        return commandLine(emptyInput(), out, err).execute(arguments.toArray(String[]::new));
    }

    /** Runs {@code args} exactly as given, without adding {@code --dir}. */
    CliResult runRaw(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int exitCode = commandLine(input, out, err).execute(args);
        return new CliResult(exitCode, out.toString(), err.toString());
    }

    private CommandLine commandLine(InputStream stdin, StringWriter out, StringWriter err) {
        CommandLine commandLine = LucidCli.newCommandLine(
                new CliEnvironment(opener, stdin, interrupts));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    private static InputStream emptyInput() {
        return new ByteArrayInputStream(new byte[0]);
    }
}
