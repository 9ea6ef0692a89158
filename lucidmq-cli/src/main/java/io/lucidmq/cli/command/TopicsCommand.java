package io.lucidmq.cli.command;

import picocli.CommandLine.Command;

/** {@code lucidmq topics}: the topic subcommands. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Lists, describes, creates and deletes topics.",
        subcommands = {ListTopicsCommand.class, DescribeTopicCommand.class,
                CreateTopicCommand.class, DeleteTopicCommand.class})
final class TopicsCommand extends CommandGroup {
}
