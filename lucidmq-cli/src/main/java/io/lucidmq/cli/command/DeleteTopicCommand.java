package io.lucidmq.cli.command;

import io.lucidmq.LucidMQ;
import io.lucidmq.cli.CommandFailedException;
import io.lucidmq.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lucidmq topics delete NAME}: deletes a topic with all its records and every group's
 * offsets for it.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Deletes a topic with all its records and every group's offsets for it.")
final class DeleteTopicCommand extends DirectoryCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The topic.")
    String name;

    @Override
    public Integer call() {
        try (LucidMQ lucid = openWritable()) {
            if (!lucid.deleteTopic(name)) {
                throw new CommandFailedException("topic '" + name + "' not found in "
                        + directory());
            }
        }
        out().println("Deleted topic " + name);
        return ExitCodes.OK;
    }
}
