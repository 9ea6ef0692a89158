package io.lucidmq.sample.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.sample.alerts.AlertHistory.AlertEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertHistoryTest {

    private static Alert alert(double value) {
        return new Alert("gw", "temperature", value, "max", 80,
                Instant.parse("2026-12-04T10:15:30Z"));
    }

    @Test
    void keepsNewestWithinCapacity() {
        AlertHistory history = new AlertHistory(2);
        history.add(0, alert(81));
        history.add(1, alert(82));
        history.add(2, alert(83));

        assertThat(history.newestFirst()).extracting(AlertEntry::offset).containsExactly(2L, 1L);
    }

    @Test
    void ignoresOffsetsAlreadyHeld() {
        AlertHistory history = new AlertHistory(10);
        history.add(4, alert(81));

        assertThat(history.add(4, alert(81))).isFalse();
        assertThat(history.add(3, alert(90))).isFalse();
        assertThat(history.add(5, alert(91))).isTrue();
        assertThat(history.newestFirst()).extracting(AlertEntry::offset).containsExactly(5L, 4L);
    }
}
