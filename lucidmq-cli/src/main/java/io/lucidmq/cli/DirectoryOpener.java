package io.lucidmq.cli;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;

/**
 * Opens the LucidMQ instance a command works on. The command closes the instance it gets when
 * it finishes. The default is {@link LucidMQ#open(LucidConfig)}. An application that embeds the
 * commands, or a test, may pass its own.
 */
@FunctionalInterface
public interface DirectoryOpener {

    /**
     * Opens the directory of {@code config}.
     *
     * @throws io.lucidmq.DirectoryLockedException if {@code config} is writable and another
     *     writer holds the directory
     */
    LucidMQ open(LucidConfig config);
}
