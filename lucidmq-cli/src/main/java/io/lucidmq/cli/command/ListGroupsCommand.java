package io.lucidmq.cli.command;

import io.lucidmq.LucidMQ;
import io.lucidmq.cli.ExitCodes;
import picocli.CommandLine.Command;

/** {@code lucidmq groups list}: the ids of groups with committed offsets. Read-only. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Prints the id of each consumer group that has committed offsets, one a "
                + "line, sorted.")
final class ListGroupsCommand extends DirectoryCommand {

    @Override
    public Integer call() {
        try (LucidMQ lucid = openReadOnly()) {
            lucid.listGroups().forEach(out()::println);
        }
        return ExitCodes.OK;
    }
}
