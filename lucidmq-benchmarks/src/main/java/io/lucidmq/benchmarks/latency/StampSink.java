package io.lucidmq.benchmarks.latency;

/** Receives the timestamps a record carried, on the thread that received the record. */
@FunctionalInterface
public interface StampSink {

    /**
     * Called once per received record, as soon as it arrives.
     *
     * @param scheduledNanos when the send was scheduled, in {@link System#nanoTime()} units
     * @param sendStartNanos when the send call started
     * @param measured whether the record belongs to the measured phase
     */
    void arrived(long scheduledNanos, long sendStartNanos, boolean measured);
}
