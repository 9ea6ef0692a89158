package io.lucidmq.benchmarks.spring;

import io.lucidmq.benchmarks.latency.StampSink;
import io.lucidmq.spring.annotation.LucidListener;

/**
 * The {@code @LucidListener} of the Spring benchmarks: passes each event's timestamps to the
 * sink the running benchmark installed, on the listener container's thread.
 */
public class BenchListener {

    /** The topic the benchmarks send to and listen on. */
    public static final String TOPIC = "bench-e2e";

    private volatile StampSink sink = (scheduled, sendStart, measured) -> { };

    /** Installs the sink that receives the timestamps of later events. */
    public void setSink(StampSink sink) {
        this.sink = sink;
    }

    /** Receives one event, converted from JSON by the listener's message converter. */
    @LucidListener(id = "bench-e2e", topics = TOPIC)
    public void onEvent(BenchEvent event) {
        sink.arrived(event.scheduledNanos(), event.sendStartNanos(), event.measured());
    }
}
