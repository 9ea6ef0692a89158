package io.lucidmq.cli.command;

import io.lucidmq.LucidMQ;
import io.lucidmq.cli.ExitCodes;
import picocli.CommandLine.Command;

/** {@code lucidmq topics list}: the topic names, one a line. Read-only. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Prints the name of each topic, one a line, sorted.")
final class ListTopicsCommand extends DirectoryCommand {

    @Override
    public Integer call() {
        try (LucidMQ lucid = openReadOnly()) {
            lucid.listTopics().forEach(out()::println);
        }
        return ExitCodes.OK;
    }
}
