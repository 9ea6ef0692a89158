package io.lucidmq.sample.stats;

import java.time.Instant;
import java.util.List;

/**
 * The statistics of one series as {@code GET /stats} returns them. A figure that is not a
 * finite number is stored as {@code null}, so the JSON field is a number or {@code null} and
 * never a string such as {@code "Infinity"}.
 *
 * @param host the host name
 * @param metric the metric name
 * @param count the number of readings since the data directory was created
 * @param min the smallest value of those readings
 * @param max the largest value
 * @param mean the arithmetic mean
 * @param minutes the per-minute figures of the most recent minutes, oldest first
 */
public record SeriesView(String host, String metric, long count, Double min, Double max,
        Double mean, List<MinuteView> minutes) {

    public SeriesView {
        min = finiteOrNull(min);
        max = finiteOrNull(max);
        mean = finiteOrNull(mean);
    }

    /**
     * The figures of one minute, with non-finite figures stored as {@code null}.
     *
     * @param minute the start of the minute, in UTC
     * @param count the number of readings whose timestamps fall in the minute
     * @param min the smallest value
     * @param max the largest value
     * @param mean the arithmetic mean
     */
    public record MinuteView(Instant minute, long count, Double min, Double max, Double mean) {

        public MinuteView {
            min = finiteOrNull(min);
            max = finiteOrNull(max);
            mean = finiteOrNull(mean);
        }
    }

    private static Double finiteOrNull(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
