package io.lucidmq.sample.stats;

/**
 * Thrown when a reading would start a new series while the statistics already track the
 * maximum number of series. The bound keeps each snapshot within the snapshot topic's maximum
 * record size.
 */
public class SeriesLimitException extends RuntimeException {

    /** Creates an exception for the series {@code key} and the bound {@code maxSeries}. */
    public SeriesLimitException(SeriesKey key, int maxSeries) {
        super("Cannot start series " + key.host() + "/" + key.metric() + ": the statistics "
                + "already track the maximum of " + maxSeries + " series "
                + "(sample.stats.max-series)");
    }
}
