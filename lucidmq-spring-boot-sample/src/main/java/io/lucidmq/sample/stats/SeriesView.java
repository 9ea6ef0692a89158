package io.lucidmq.sample.stats;

import java.time.Instant;
import java.util.List;

/**
 * The statistics of one series as {@code GET /stats} returns them.
 *
 * @param host the host name
 * @param metric the metric name
 * @param count the number of readings since the data directory was created
 * @param min the smallest value of those readings
 * @param max the largest value
 * @param mean the arithmetic mean
 * @param minutes the per-minute figures of the most recent minutes, oldest first
 */
public record SeriesView(String host, String metric, long count, double min, double max,
        double mean, List<MinuteView> minutes) {

    /**
     * The figures of one minute.
     *
     * @param minute the start of the minute, in UTC
     * @param count the number of readings whose timestamps fall in the minute
     * @param min the smallest value
     * @param max the largest value
     * @param mean the arithmetic mean
     */
    public record MinuteView(Instant minute, long count, double min, double max, double mean) {
    }
}
