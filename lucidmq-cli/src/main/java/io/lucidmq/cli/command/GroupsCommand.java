package io.lucidmq.cli.command;

import picocli.CommandLine.Command;

/** {@code lucidmq groups}: the consumer group subcommands. */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = "Lists, describes and resets consumer groups.",
        subcommands = {ListGroupsCommand.class, DescribeGroupCommand.class,
                ResetGroupCommand.class})
final class GroupsCommand extends CommandGroup {
}
