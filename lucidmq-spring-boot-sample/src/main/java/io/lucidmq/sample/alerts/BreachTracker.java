package io.lucidmq.sample.alerts;

import io.lucidmq.sample.reading.Reading;
import io.lucidmq.sample.stats.SeriesKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns per-reading threshold checks into alerts on crossings: a series raises an alert when
 * it goes beyond a limit, and no more while it stays beyond that limit. A reading back within
 * the limits ends the breach, so the next crossing alerts again. Thread-safe.
 *
 * <p>The state is kept in memory only, so after a restart a series that is still beyond its
 * limit raises one alert again.
 */
public final class BreachTracker {

    private final ThresholdRules rules;
    /** The limit ({@code "max"} or {@code "min"}) each series is beyond now. */
    private final Map<SeriesKey, String> breaches = new ConcurrentHashMap<>();

    /** Creates a tracker that checks readings with {@code rules}. */
    public BreachTracker(ThresholdRules rules) {
        this.rules = rules;
    }

    /** Returns the alert for {@code reading} when it starts a breach, else empty. */
    public Optional<Alert> check(Reading reading) {
        SeriesKey series = new SeriesKey(reading.host(), reading.metric());
        Optional<Alert> alert = rules.check(reading);
        if (alert.isEmpty()) {
            breaches.remove(series);
            return Optional.empty();
        }
        String previous = breaches.put(series, alert.get().limit());
        return alert.get().limit().equals(previous) ? Optional.empty() : alert;
    }
}
