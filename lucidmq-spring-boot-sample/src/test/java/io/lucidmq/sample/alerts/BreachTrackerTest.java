package io.lucidmq.sample.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.sample.SampleProperties.Threshold;
import io.lucidmq.sample.reading.Reading;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreachTrackerTest {

    private final BreachTracker tracker = new BreachTracker(
            new ThresholdRules(Map.of("temperature", new Threshold(-20.0, 80.0))));

    private static Reading reading(String host, double value) {
        return new Reading(host, "temperature", value, Instant.parse("2026-12-04T10:15:30Z"));
    }

    @Test
    void alertsOncePerCrossing() {
        assertThat(tracker.check(reading("gw", 81))).isPresent();
        assertThat(tracker.check(reading("gw", 85))).isEmpty();
        assertThat(tracker.check(reading("gw", 20))).isEmpty();
        assertThat(tracker.check(reading("gw", 90))).isPresent();
    }

    @Test
    void otherLimitAlertsAgain() {
        assertThat(tracker.check(reading("gw", 81))).isPresent();
        assertThat(tracker.check(reading("gw", -30)))
                .hasValueSatisfying(alert -> assertThat(alert.limit()).isEqualTo("min"));
    }

    @Test
    void seriesTrackedSeparately() {
        assertThat(tracker.check(reading("gw-1", 81))).isPresent();
        assertThat(tracker.check(reading("gw-2", 81))).isPresent();
    }
}
