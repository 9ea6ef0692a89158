package io.lucidmq.cli.command;

import java.time.Instant;
import picocli.CommandLine.Option;

/** Where {@code groups reset} moves the committed offsets: exactly one of these options. */
final class ResetTarget {

    @Option(names = "--to-earliest", required = true,
            description = "To each partition's start offset.")
    boolean toEarliest;

    @Option(names = "--to-latest", required = true,
            description = "To each partition's end offset: skip every record stored now.")
    boolean toLatest;

    @Option(names = "--to-offset", required = true, paramLabel = "N",
            description = "To offset N, which must lie between the start and end offsets of "
                    + "every partition reset.")
    Long toOffset;

    @Option(names = "--to-time", required = true, paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "To the first record whose timestamp is at or after TIME, an ISO-8601 "
                    + "instant such as 2024-05-01T12:00:00Z; the end offset when none is.")
    Instant toTime;
}
