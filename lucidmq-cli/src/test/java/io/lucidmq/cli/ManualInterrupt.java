package io.lucidmq.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link InterruptHook} that a test fires instead of pressing Ctrl-C. */
final class ManualInterrupt implements InterruptHook {

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    @Override
    public Registration onInterrupt(Runnable action) {
        actions.add(action);
        return () -> actions.remove(action);
    }

    /** Whether a command has an action registered now. */
    boolean hasRegistration() {
        return !actions.isEmpty();
    }

    /** Runs every registered action, as an interrupt would. */
    void fire() {
        actions.forEach(Runnable::run);
    }
}
