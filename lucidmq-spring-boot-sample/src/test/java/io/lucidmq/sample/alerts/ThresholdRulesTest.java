package io.lucidmq.sample.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.sample.SampleProperties.Threshold;
import io.lucidmq.sample.reading.Reading;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:15:30Z");

    private final ThresholdRules rules = new ThresholdRules(Map.of(
            "temperature", new Threshold(-20.0, 80.0),
            "cpu-usage", new Threshold(null, 0.9)));

    private static Reading reading(String metric, double value) {
        return new Reading("gw-1", metric, value, T0);
    }

    @Test
    void valueAboveMaxRaisesAlert() {
        assertThat(rules.check(reading("temperature", 91))).contains(
                new Alert("gw-1", "temperature", 91, "max", 80, T0));
    }

    @Test
    void valueBelowMinRaisesAlert() {
        assertThat(rules.check(reading("temperature", -25))).contains(
                new Alert("gw-1", "temperature", -25, "min", -20, T0));
    }

    @Test
    void valuesWithinLimitsRaiseNothing() {
        assertThat(rules.check(reading("temperature", 80))).isEmpty();
        assertThat(rules.check(reading("temperature", -20))).isEmpty();
        assertThat(rules.check(reading("cpu-usage", -5))).isEmpty();
        assertThat(rules.check(reading("humidity", 1e9))).isEmpty();
    }

    @Test
    void alertDescribesCrossing() {
        assertThat(rules.check(reading("temperature", 91)).orElseThrow().describe())
                .isEqualTo("91.0 > max 80.0");
    }

    @Test
    void minAboveMaxRejected() {
        assertThatThrownBy(() -> new Threshold(5.0, 1.0))
                .hasMessage("threshold min 5.0 must not be above max 1.0");
    }
}
