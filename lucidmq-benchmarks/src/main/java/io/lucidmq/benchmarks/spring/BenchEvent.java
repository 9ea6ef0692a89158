package io.lucidmq.benchmarks.spring;

/**
 * The JSON payload of the Spring benchmarks: the harness timestamps and a text body that
 * brings the serialized event to about 150 bytes.
 *
 * @param scheduledNanos when the send was scheduled, in {@link System#nanoTime()} units
 * @param sendStartNanos when the send call started
 * @param measured whether the event belongs to the measured phase
 * @param body filler text
 */
public record BenchEvent(long scheduledNanos, long sendStartNanos, boolean measured,
        String body) {

    /** The filler text of every event. */
    public static final String BODY = "sensor-0042 temperature reading, unit celsius, "
            + "value twenty-one point five";
}
