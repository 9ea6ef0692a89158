package io.lucidmq.log;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background threads that the partition logs of one instance share, so that no file work
 * of a size that grows with the data runs on an appending thread:
 *
 * <ul>
 *   <li>the preparer claims file space ahead of the appends: it extends the active segment
 *       with zeros, maps the new chunk and touches its pages;
 *   <li>the spare preparer does the same for the file of a partition's next segment, before
 *       the roll, so that a partition that fills segments fast uses a second processor for
 *       its file space;
 *   <li>the sealer completes a roll: it unmaps the full segment, cuts its preallocated tail
 *       and forces it, writes its indexes and moves the recovery point past it.
 * </ul>
 *
 * <p>They are separate so that a long force on the sealer never delays the space an append
 * waits for, and so that preparing a next segment never delays an active one. Without
 * workers (see {@link PartitionLog#open}), appends do all of it themselves. Thread-safe.
 */
public final class SegmentWorkers implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(SegmentWorkers.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    private final ExecutorService preparer;
    private final ExecutorService sparePreparer;
    private final ExecutorService sealer;

    /**
     * Starts the preparer and the spare preparer thread from {@code preparerThreads}, and the
     * sealer thread from {@code sealerThreads}.
     */
    public SegmentWorkers(ThreadFactory preparerThreads, ThreadFactory sealerThreads) {
        this(preparerThreads, preparerThreads, sealerThreads);
    }

    /** Starts each of the three threads from its own factory. */
    public SegmentWorkers(ThreadFactory preparerThreads, ThreadFactory sparePreparerThreads,
            ThreadFactory sealerThreads) {
        this.preparer = Executors.newSingleThreadExecutor(preparerThreads);
        this.sparePreparer = Executors.newSingleThreadExecutor(sparePreparerThreads);
        this.sealer = Executors.newSingleThreadExecutor(sealerThreads);
    }

    ExecutorService preparer() {
        return preparer;
    }

    ExecutorService sparePreparer() {
        return sparePreparer;
    }

    ExecutorService sealer() {
        return sealer;
    }

    /**
     * Runs the work already queued and stops the threads, waiting up to 30 seconds. Close
     * the logs first: a log completes its pending seals itself when it closes, so what the
     * sealer still finds queued then is a no-op.
     */
    @Override
    public void close() {
        preparer.shutdown();
        sparePreparer.shutdown();
        sealer.shutdown();
        try {
            if (!preparer.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    || !sparePreparer.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    || !sealer.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOGGER.warn("Segment workers did not stop within {} s; leaving them running",
                        CLOSE_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOGGER.warn("Interrupted while waiting for the segment workers to stop", e);
        }
    }
}
