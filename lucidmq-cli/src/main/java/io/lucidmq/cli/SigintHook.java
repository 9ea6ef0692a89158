package io.lucidmq.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The {@link InterruptHook} of the real command: it replaces the JVM's SIGINT handling, which
 * would start the shutdown and end the process with status 130, by the command's action, so
 * that the command closes its consumer and directory cleanly and exits with status 0.
 *
 * <p>NOTE: this uses {@code sun.misc.Signal} of the {@code jdk.unsupported} module, which javac
 * warns about, because Java has no supported API that handles SIGINT without shutting the JVM
 * down.
 */
public final class SigintHook implements InterruptHook {

    private static final Signal SIGINT = new Signal("INT");

    @Override
    public Registration onInterrupt(Runnable action) {
        SignalHandler previous = Signal.handle(SIGINT, signal -> action.run());
        return new Registration() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    Signal.handle(SIGINT, previous);
                }
            }
        };
    }
}
