package io.lucidmq.sample.stats;

import java.util.List;
import java.util.Map;

/**
 * The state of the statistics at one point, as stored in the {@code stats-snapshots} topic
 * (one JSON record per snapshot; the newest record wins).
 *
 * <p>{@code coveredOffsets} maps each partition of the {@code readings} topic to the next
 * offset the snapshot does not contain: every reading of partition {@code p} with an offset
 * below {@code coveredOffsets[p]} is counted in {@code series}, and no reading at or above it
 * is. A partition missing from the map has none of its readings counted.
 *
 * @param formatVersion the layout of this record; {@value #FORMAT_VERSION} when written by
 *     this class
 * @param coveredOffsets the next uncounted offset of each readings partition
 * @param series the statistics of each series, sorted by host and metric
 */
public record StatisticsSnapshot(
        int formatVersion, Map<Integer, Long> coveredOffsets, List<Series> series) {

    /**
     * The {@link #formatVersion()} this class writes. Version 2 stores each aggregate's mean;
     * version 1 stored its sum, and is still read.
     */
    public static final int FORMAT_VERSION = 2;

    /** The oldest {@link #formatVersion()} this class reads. */
    public static final int MIN_FORMAT_VERSION = 1;

    /** A snapshot with nothing counted. */
    public static final StatisticsSnapshot EMPTY =
            new StatisticsSnapshot(FORMAT_VERSION, Map.of(), List.of());

    public StatisticsSnapshot {
        coveredOffsets = Map.copyOf(coveredOffsets);
        series = List.copyOf(series);
    }

    /**
     * The statistics of one series in a snapshot.
     *
     * @param host the host name
     * @param metric the metric name
     * @param total the aggregate of every value counted
     * @param minutes the per-minute aggregates, oldest first
     */
    public record Series(String host, String metric, Aggregate total, List<Minute> minutes) {

        public Series {
            minutes = List.copyOf(minutes);
        }
    }

    /**
     * The aggregate of one minute of a series.
     *
     * @param epochMinute the minute, counted in minutes since 1970-01-01T00:00Z
     * @param aggregate the values whose timestamps fall in that minute
     */
    public record Minute(long epochMinute, Aggregate aggregate) {
    }
}
