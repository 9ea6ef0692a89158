package io.lucidmq.engine;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the engine's background threads: daemon threads named
 * {@code lucidmq-<role>-<n>}, whose uncaught exceptions are logged. Thread-safe.
 */
public final class NamedThreadFactory implements ThreadFactory {

    private static final Logger logger = LoggerFactory.getLogger(NamedThreadFactory.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String name;

    /** Creates a factory for threads named {@code lucidmq-<role>-<n>}. */
    public NamedThreadFactory(String role) {
        this.name = "lucidmq-" + role + "-" + INSTANCES.incrementAndGet();
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((failed, error) ->
                logger.error("Uncaught exception in thread {}", failed.getName(), error));
        return thread;
    }
}
