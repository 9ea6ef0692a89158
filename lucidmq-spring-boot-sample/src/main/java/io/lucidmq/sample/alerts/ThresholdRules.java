package io.lucidmq.sample.alerts;

import io.lucidmq.sample.SampleProperties.Threshold;
import io.lucidmq.sample.reading.Reading;
import java.util.Map;
import java.util.Optional;

/** The configured thresholds per metric name, and the check of a reading against them. */
public final class ThresholdRules {

    private final Map<String, Threshold> thresholds;

    /** Creates the rules for {@code thresholds}, keyed by metric name. */
    public ThresholdRules(Map<String, Threshold> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
    }

    /**
     * Returns the alert for {@code reading}, or empty when its metric has no threshold or the
     * value is within the limits. A value equal to a limit is within it.
     */
    public Optional<Alert> check(Reading reading) {
        Threshold threshold = thresholds.get(reading.metric());
        if (threshold == null) {
            return Optional.empty();
        }
        if (threshold.max() != null && reading.value() > threshold.max()) {
            return Optional.of(alert(reading, "max", threshold.max()));
        }
        if (threshold.min() != null && reading.value() < threshold.min()) {
            return Optional.of(alert(reading, "min", threshold.min()));
        }
        return Optional.empty();
    }

    private static Alert alert(Reading reading, String limit, double threshold) {
        return new Alert(reading.host(), reading.metric(), reading.value(), limit, threshold,
                reading.timestamp());
    }
}
