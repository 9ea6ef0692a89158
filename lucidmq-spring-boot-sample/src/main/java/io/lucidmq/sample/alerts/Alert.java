package io.lucidmq.sample.alerts;

import java.time.Instant;

/**
 * A reading that crossed a threshold, as published to the {@code alerts} topic.
 *
 * @param host the host of the reading
 * @param metric the metric of the reading
 * @param value the value read
 * @param limit which limit was crossed: {@code "max"} or {@code "min"}
 * @param threshold the value of that limit
 * @param timestamp when the reading was taken
 */
public record Alert(String host, String metric, double value, String limit, double threshold,
        Instant timestamp) {

    /** Returns the record key of this alert: {@code host/metric}, as for readings. */
    public String key() {
        return host + "/" + metric;
    }

    /** Returns the crossing as text, for example {@code 91.0 > max 80.0}. */
    public String describe() {
        String operator = "max".equals(limit) ? ">" : "<";
        return value + " " + operator + " " + limit + " " + threshold;
    }
}
