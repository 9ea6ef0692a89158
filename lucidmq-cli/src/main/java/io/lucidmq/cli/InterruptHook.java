package io.lucidmq.cli;

/**
 * A source of user interrupts (Ctrl-C) for commands that run until they are stopped, such as
 * {@code consume --follow}. The command registers an action that asks it to stop, and closes
 * the registration when it has finished.
 */
@FunctionalInterface
public interface InterruptHook {

    /**
     * Runs {@code action} on each interrupt until the returned registration is closed. The
     * action runs on another thread than the command's, so it must be thread-safe.
     */
    Registration onInterrupt(Runnable action);

    /** A registered interrupt action; closing it restores the previous handling. */
    interface Registration extends AutoCloseable {

        /** Removes the action. Idempotent. */
        @Override
        void close();
    }
}
