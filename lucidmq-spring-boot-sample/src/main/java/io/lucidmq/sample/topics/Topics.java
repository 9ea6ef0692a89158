package io.lucidmq.sample.topics;

/**
 * The names of the sample's topics. The starter creates them at startup from
 * {@code lucidmq.topics.*} in {@code application.yml}, which fixes their partition counts and
 * limits, and fails the startup if an existing topic's settings differ.
 */
public final class Topics {

    /** Readings from the sampler and from {@code POST /readings}, keyed by host/metric. */
    public static final String READINGS = "readings";

    /** Readings the statistics aggregator rejected, written by the dead-letter recoverer. */
    public static final String READINGS_DLT = READINGS + "-dlt";

    /** Threshold alerts, keyed by host/metric; one partition, so offsets order all alerts. */
    public static final String ALERTS = "alerts";

    /** Alerts the alert logger rejected, written by the dead-letter recoverer. */
    public static final String ALERTS_DLT = ALERTS + "-dlt";

    /** Snapshots of the statistics; the newest record is the current state. */
    public static final String STATS_SNAPSHOTS = "stats-snapshots";

    private Topics() {
    }
}
