package io.lucidmq.benchmarks.spring;

import io.lucidmq.benchmarks.latency.StampSink;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Counts the arrivals of one phase and records when the last one arrived. */
final class CountingSink implements StampSink {

    private final boolean measuredPhase;
    private final CountDownLatch remaining;
    private volatile long lastArrivalNanos;

    /** Expects {@code records} arrivals whose measured flag equals {@code measuredPhase}. */
    CountingSink(boolean measuredPhase, int records) {
        this.measuredPhase = measuredPhase;
        this.remaining = new CountDownLatch(records);
    }

    @Override
    public void arrived(long scheduledNanos, long sendStartNanos, boolean measured) {
        if (measured == measuredPhase) {
            lastArrivalNanos = System.nanoTime();
            remaining.countDown();
        }
    }

    /**
     * Waits for every expected arrival and returns the time of the last.
     *
     * @throws IllegalStateException if they do not arrive within {@code timeoutSeconds}
     */
    long awaitLast(long timeoutSeconds) throws InterruptedException {
        if (!remaining.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(remaining.getCount()
                    + " records had not arrived after " + timeoutSeconds + " s");
        }
        return lastArrivalNanos;
    }
}
