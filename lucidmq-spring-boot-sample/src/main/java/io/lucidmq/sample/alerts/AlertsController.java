package io.lucidmq.sample.alerts;

import io.lucidmq.sample.alerts.AlertHistory.AlertEntry;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /alerts}: the newest alerts, newest first, at most the history's capacity. */
@RestController
public class AlertsController {

    private final AlertHistory history;

    AlertsController(AlertHistory history) {
        this.history = history;
    }

    /** Returns the newest alerts with their offsets in the {@code alerts} topic. */
    @GetMapping("/alerts")
    public List<AlertEntry> alerts() {
        return history.newestFirst();
    }
}
