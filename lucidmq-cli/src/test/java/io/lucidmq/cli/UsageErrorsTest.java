package io.lucidmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UsageErrorsTest {

    @TempDir
    Path directory;

    @Test
    void unknownCommandExitsTwo() {
        CliResult result = new TestCli(directory).run("topicz", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched arguments from index 2: 'topicz', 'list'");
        assertThat(result.err()).contains("Did you mean: lucidmq topics");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingDirExitsTwo() {
        CliResult result = new TestCli(directory).runRaw("", "topics", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("lucidmq: Missing required option: '--dir=DATA'");
        assertThat(result.err()).contains("Try 'lucidmq topics list --help'");
    }

    @Test
    void badNumberExitsTwo() {
        CliResult result = new TestCli(directory)
                .run("topics", "create", "orders", "--partitions", "three");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(
                "Invalid value for option '--partitions': 'three' is not an int");
        assertThat(directory.resolve("topics")).doesNotExist();
    }

    @Test
    void badSizeExitsTwo() {
        CliResult result = new TestCli(directory).run("topics", "create", "orders",
                "--partitions", "1", "--segment-bytes", "64M");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'64M' is not a size")
                .contains("KB or KiB, MB or MiB, GB or GiB");
    }

    @Test
    void missingCommandExitsTwo() {
        CliResult root = new TestCli(directory).run();
        CliResult group = new TestCli(directory).run("groups");

        assertThat(root.exitCode()).isEqualTo(2);
        assertThat(root.err()).contains("Missing required command: one of topics, produce, "
                + "consume, groups, verify, dump");
        assertThat(group.exitCode()).isEqualTo(2);
        assertThat(group.err()).contains("Missing required command: one of list, describe, "
                + "reset");
    }

    @Test
    void helpWorksOnEveryCommand() {
        List<List<String>> commands = new ArrayList<>();
        collectCommands(LucidCli.newCommandLine(environment()), new ArrayList<>(), commands);

        assertThat(commands).hasSize(14);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");

            CliResult result = new TestCli(directory).runRaw("", args.toArray(String[]::new));

            String expectedUsage = String.join(" ", command);
            assertThat(result.exitCode()).as(expectedUsage).isEqualTo(0);
            assertThat(result.out()).as(expectedUsage)
                    .startsWith(("Usage: lucidmq " + expectedUsage).strip());
            assertThat(result.err()).as(expectedUsage).isEmpty();
        }
    }

    @Test
    void runtimeErrorPrintsOneLine() {
        CliResult result = new TestCli(directory.resolve("absent")).run("topics", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void verboseRuntimeErrorPrintsStackTrace() {
        CliResult result = new TestCli(directory.resolve("absent"))
                .run("--verbose", "topics", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("\tat io.lucidmq.cli.");
    }

    private static void collectCommands(CommandLine commandLine, List<String> path,
            List<List<String>> commands) {
        commands.add(List.copyOf(path));
        commandLine.getSubcommands().forEach((name, subcommand) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            collectCommands(subcommand, subPath, commands);
        });
    }

    private static CliEnvironment environment() {
        return new CliEnvironment(LucidMQ::open, new ByteArrayInputStream(new byte[0]),
                new ManualInterrupt());
    }
}
