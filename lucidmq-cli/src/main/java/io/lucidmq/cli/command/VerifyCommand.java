package io.lucidmq.cli.command;

import io.lucidmq.cli.CommandFailedException;
import io.lucidmq.cli.ExitCodes;
import io.lucidmq.inspect.LogInspector;
import io.lucidmq.inspect.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code lucidmq verify}: checks every checksum and index of the directory and prints each
 * problem with its file and byte position. Reads only, so it may run beside a writer, but a batch
 * being appended at that moment may show as an incomplete tail.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks every segment checksum, index, topic metadata and group offsets "
                + "file; prints each problem with its file and byte position. Exits with 0 "
                + "only when everything is sound, else 3.")
final class VerifyCommand extends DirectoryCommand {

    @Override
    public Integer call() {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            throw new CommandFailedException("directory " + directory + " not found");
        }
        List<Problem> problems = LogInspector.verify(directory);
        problems.forEach(problem -> out().println(problem));
        if (problems.isEmpty()) {
            out().println("no problems found in " + directory);
            return ExitCodes.OK;
        }
        out().println(problems.size() + " problem(s) found in " + directory);
        return ExitCodes.PROBLEMS_FOUND;
    }
}
