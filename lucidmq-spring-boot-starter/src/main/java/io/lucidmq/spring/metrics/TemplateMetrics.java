package io.lucidmq.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Records the {@value LucidMeters#TEMPLATE} timer for template sends. Thread-safe.
 */
public final class TemplateMetrics {

    private static final TemplateMetrics NONE = new TemplateMetrics(null);

    private final @Nullable MeterRegistry registry;

    private TemplateMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
    }

    /** Returns metrics that register meters in {@code registry}. */
    public static TemplateMetrics of(MeterRegistry registry) {
        return new TemplateMetrics(registry);
    }

    /** Returns metrics that record nothing. */
    public static TemplateMetrics none() {
        return NONE;
    }

    /**
     * Records one send to {@code topic} that took {@code nanos}.
     *
     * @param failure the exception the send failed with, or {@code null} on success
     */
    public void recordSend(String topic, long nanos, @Nullable Throwable failure) {
        if (registry == null) {
            return;
        }
        Timer.builder(LucidMeters.TEMPLATE)
                .description("Time from a LucidTemplate send to its acknowledgement")
                .tag(LucidMeters.TAG_TOPIC, topic)
                .tag(LucidMeters.TAG_RESULT, failure == null ? LucidMeters.SUCCESS
                        : LucidMeters.FAILURE)
                .tag(LucidMeters.TAG_EXCEPTION, LucidMeters.exceptionTag(failure))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
