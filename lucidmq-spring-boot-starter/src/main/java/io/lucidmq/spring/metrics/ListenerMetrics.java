package io.lucidmq.spring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Records the meters of one listener container, tagged with its listener id: the
 * {@value LucidMeters#LISTENER} timer and the retry, dead-letter and skip counters.
 * Thread-safe.
 */
public final class ListenerMetrics {

    private final String listenerId;
    private final @Nullable MeterRegistry registry;

    private ListenerMetrics(String listenerId, @Nullable MeterRegistry registry) {
        this.listenerId = listenerId;
        this.registry = registry;
    }

    /** Returns metrics for {@code listenerId} that register meters in {@code registry}. */
    public static ListenerMetrics of(String listenerId, @Nullable MeterRegistry registry) {
        return new ListenerMetrics(listenerId, registry);
    }

    /** Returns metrics for {@code listenerId} that record nothing. */
    public static ListenerMetrics none(String listenerId) {
        return new ListenerMetrics(listenerId, null);
    }

    /** The listener id these metrics are tagged with. */
    public String listenerId() {
        return listenerId;
    }

    /**
     * Records one listener invocation on records of {@code topic} that took {@code nanos}.
     *
     * @param failure the exception the listener threw, or {@code null} on success
     */
    public void recordInvocation(String topic, long nanos, @Nullable Throwable failure) {
        if (registry == null) {
            return;
        }
        Timer.builder(LucidMeters.LISTENER)
                .description("Time a @LucidListener method takes per record or batch")
                .tag(LucidMeters.TAG_NAME, listenerId)
                .tag(LucidMeters.TAG_TOPIC, topic)
                .tag(LucidMeters.TAG_RESULT, failure == null ? LucidMeters.SUCCESS
                        : LucidMeters.FAILURE)
                .tag(LucidMeters.TAG_EXCEPTION, LucidMeters.exceptionTag(failure))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts one retry of a delivery from {@code topic}. */
    public void countRetry(String topic) {
        count(LucidMeters.LISTENER_RETRIES, "Deliveries retried after a listener failure",
                topic);
    }

    /** Counts one record of {@code topic} published to a dead-letter topic. */
    public void countDeadLetter(String topic) {
        count(LucidMeters.LISTENER_DEAD_LETTERS, "Records published to a dead-letter topic",
                topic);
    }

    /** Counts one failed record of {@code topic} that was logged and skipped. */
    public void countSkipped(String topic) {
        count(LucidMeters.LISTENER_SKIPPED, "Failed records logged and skipped", topic);
    }

    private void count(String name, String description, String topic) {
        if (registry == null) {
            return;
        }
        Counter.builder(name)
                .description(description)
                .tag(LucidMeters.TAG_NAME, listenerId)
                .tag(LucidMeters.TAG_TOPIC, topic)
                .register(registry)
                .increment();
    }
}
