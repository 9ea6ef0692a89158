package io.lucidmq.engine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run on its own named daemon thread at a fixed delay between runs. An exception of
 * one run is logged, at debug level when the instance is closing and as an error otherwise,
 * and the next run happens as scheduled. Thread-safe.
 */
public final class PeriodicTask implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PeriodicTask.class);

    private final String role;
    private final BooleanSupplier closing;
    private final ScheduledExecutorService executor;

    /**
     * Starts running {@code task} every {@code interval}, the first time after one interval.
     *
     * @param closing whether the instance is closing, so that a failed run is expected
     */
    public PeriodicTask(String role, Duration interval, BooleanSupplier closing,
            Runnable task) {
        this.role = role;
        this.closing = closing;
        this.executor = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory(role));
        long nanos = interval.toNanos();
        executor.scheduleWithFixedDelay(() -> runOnce(task), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops scheduling and waits for a run in progress to finish. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                logger.warn("The {} task is still running after 30 seconds", role);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            logger.warn("Interrupted while stopping the {} task", role, e);
        }
    }

    private void runOnce(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (closing.getAsBoolean()) {
                logger.debug("The {} task failed while the instance was closing", role, e);
            } else {
                logger.error("The {} task failed; it runs again at the next interval", role, e);
            }
        }
    }
}
