package io.lucidmq.cli.command;

import io.lucidmq.cli.CliEnvironment;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code lucidmq} command: the options every command shares and the command tree.
 * Its global options may come before or after the subcommand names.
 */
@Command(name = "lucidmq", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Inspects, feeds, drains and verifies the topics of a LucidMQ directory, "
                + "alone or beside the application that writes it.",
        subcommands = {TopicsCommand.class, ProduceCommand.class, ConsumeCommand.class,
                GroupsCommand.class, VerifyCommand.class, DumpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:success",
                "1:the command failed (missing topic or file, I/O error, directory in use)",
                "2:invalid command line or value",
                "3:verify or dump found damaged data"})
public final class LucidCommand extends CommandGroup {

    @Option(names = "--dir", required = true, paramLabel = "DATA", scope = ScopeType.INHERIT,
            description = "The LucidMQ data directory.")
    private Path directory;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print the offsets that produce writes, stack traces of errors, and "
                    + "log at info level.")
    private boolean verbose;

    private final CliEnvironment environment;

    /** Creates the root command; its subcommands work in {@code environment}. */
    public LucidCommand(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The absolute, normalized {@code --dir}, or {@code null} before parsing. */
    public Path directory() {
        return directory == null ? null : directory.toAbsolutePath().normalize();
    }

    /** Whether {@code --verbose} was given. */
    public boolean verbose() {
        return verbose;
    }

    /** The environment the commands work in. */
    public CliEnvironment environment() {
        return environment;
    }
}
