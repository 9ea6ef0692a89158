package io.lucidmq.sample.stats;

import java.util.Comparator;

/**
 * The identity of a time series: one metric of one host. Sorted by host, then metric.
 *
 * @param host the host name
 * @param metric the metric name
 */
public record SeriesKey(String host, String metric) implements Comparable<SeriesKey> {

    private static final Comparator<SeriesKey> ORDER =
            Comparator.comparing(SeriesKey::host).thenComparing(SeriesKey::metric);

    @Override
    public int compareTo(SeriesKey other) {
        return ORDER.compare(this, other);
    }
}
