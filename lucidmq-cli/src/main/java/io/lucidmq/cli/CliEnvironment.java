package io.lucidmq.cli;

import io.lucidmq.LucidMQ;
import java.io.InputStream;
import java.util.Objects;

/**
 * What the commands take from their surroundings besides the command line: how to open a
 * directory, the standard input that {@code produce} reads, and the source of interrupts.
 * Output goes through picocli's {@code CommandLine} writers instead.
 *
 * @param opener opens the LucidMQ instance of a command
 * @param stdin the standard input
 * @param interrupts the source of Ctrl-C interrupts
 */
public record CliEnvironment(DirectoryOpener opener, InputStream stdin, InterruptHook interrupts) {

    public CliEnvironment {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(interrupts, "interrupts");
    }

    /** Returns the environment of the real process: {@code System.in} and SIGINT. */
    public static CliEnvironment system() {
        return new CliEnvironment(LucidMQ::open, System.in, new SigintHook());
    }
}
