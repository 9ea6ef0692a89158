package io.lucidmq.sample.stats;

import io.lucidmq.sample.reading.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The statistics of every series, with the offsets of the {@code readings} topic that they
 * cover. Thread-safe: every method synchronizes on this object.
 *
 * <p>The covered offset of a partition is the next offset not yet counted. {@link #apply}
 * counts a reading only when its offset is at or above the covered offset, so a reading that
 * is delivered again after a restart (the consumer group's committed offset lags behind the
 * snapshot) is skipped instead of counted twice.
 */
public final class StatisticsState {

    private final int windowMinutes;
    private final int maxSeries;
    private final TreeMap<SeriesKey, SeriesStatistics> series = new TreeMap<>();
    private final Map<Integer, Long> coveredOffsets = new HashMap<>();
    private long skippedRedeliveries;
    private long changesSinceSnapshot;

    /**
     * Creates a state restored from {@code snapshot}.
     *
     * @param windowMinutes the number of recent minutes kept per series, at least 1
     * @param maxSeries the maximum number of series, at least 1
     */
    public StatisticsState(StatisticsSnapshot snapshot, int windowMinutes, int maxSeries) {
        if (windowMinutes < 1) {
            throw new IllegalArgumentException(
                    "windowMinutes must be at least 1, but was " + windowMinutes);
        }
        if (maxSeries < 1) {
            throw new IllegalArgumentException("maxSeries must be at least 1, but was "
                    + maxSeries);
        }
        this.windowMinutes = windowMinutes;
        this.maxSeries = maxSeries;
        restore(snapshot);
    }

    /**
     * Counts {@code reading}, read at {@code offset} of readings partition {@code partition},
     * unless that offset is already covered.
     *
     * @return {@code true} if counted, {@code false} if skipped as already covered
     * @throws SeriesLimitException if the reading would start a series beyond the maximum;
     *     nothing is changed then
     */
    public synchronized boolean apply(int partition, long offset, Reading reading) {
        if (offset < coveredOffset(partition)) {
            skippedRedeliveries++;
            return false;
        }
        SeriesKey key = new SeriesKey(reading.host(), reading.metric());
        SeriesStatistics statistics = series.get(key);
        if (statistics == null) {
            if (series.size() >= maxSeries) {
                throw new SeriesLimitException(key, maxSeries);
            }
            statistics = new SeriesStatistics(windowMinutes);
            series.put(key, statistics);
        }
        statistics.add(reading.value(), reading.timestamp());
        coveredOffsets.put(partition, offset + 1);
        changesSinceSnapshot++;
        return true;
    }

    /** Returns the next offset of {@code partition} not yet counted; 0 when none is. */
    public synchronized long coveredOffset(int partition) {
        return coveredOffsets.getOrDefault(partition, 0L);
    }

    /** Returns the number of readings skipped because their offsets were already covered. */
    public synchronized long skippedRedeliveries() {
        return skippedRedeliveries;
    }

    /** Returns the number of readings counted or skipped since the last snapshot was taken. */
    public synchronized long changesSinceSnapshot() {
        return changesSinceSnapshot;
    }

    /**
     * Takes a snapshot and passes it to {@code writer} while holding the monitor, so no
     * reading is counted between taking and writing it, and snapshots reach the writer in
     * the order of the states they capture. Does nothing when nothing changed since the last
     * snapshot. The change count is reset only when {@code writer} returns normally.
     *
     * @return {@code true} if a snapshot was written
     */
    public synchronized boolean writeSnapshotIfChanged(Consumer<StatisticsSnapshot> writer) {
        if (changesSinceSnapshot == 0) {
            return false;
        }
        writer.accept(snapshot());
        changesSinceSnapshot = 0;
        return true;
    }

    /** Returns a snapshot of the current state. */
    public synchronized StatisticsSnapshot snapshot() {
        List<StatisticsSnapshot.Series> list = new ArrayList<>(series.size());
        series.forEach((key, statistics) -> list.add(toSnapshot(key, statistics)));
        return new StatisticsSnapshot(StatisticsSnapshot.FORMAT_VERSION, coveredOffsets, list);
    }

    /** Returns the views of the series that {@code filter} accepts, sorted by host and metric. */
    public synchronized List<SeriesView> view(Predicate<SeriesKey> filter) {
        List<SeriesView> views = new ArrayList<>();
        series.forEach((key, statistics) -> {
            if (filter.test(key)) {
                views.add(toView(key, statistics));
            }
        });
        return views;
    }

    private void restore(StatisticsSnapshot snapshot) {
        coveredOffsets.putAll(snapshot.coveredOffsets());
        for (StatisticsSnapshot.Series saved : snapshot.series()) {
            TreeMap<Long, Aggregate> minutes = new TreeMap<>();
            saved.minutes().forEach(minute -> minutes.put(minute.epochMinute(),
                    minute.aggregate()));
            series.put(new SeriesKey(saved.host(), saved.metric()),
                    new SeriesStatistics(windowMinutes, saved.total(), minutes));
        }
    }

    private static StatisticsSnapshot.Series toSnapshot(SeriesKey key,
            SeriesStatistics statistics) {
        List<StatisticsSnapshot.Minute> minutes = new ArrayList<>();
        statistics.minutes().forEach((minute, aggregate) ->
                minutes.add(new StatisticsSnapshot.Minute(minute, aggregate)));
        return new StatisticsSnapshot.Series(key.host(), key.metric(), statistics.total(),
                minutes);
    }

    private static SeriesView toView(SeriesKey key, SeriesStatistics statistics) {
        List<SeriesView.MinuteView> minutes = new ArrayList<>();
        statistics.minutes().forEach((minute, aggregate) -> minutes.add(
                new SeriesView.MinuteView(Instant.ofEpochSecond(minute * 60),
                        aggregate.count(), aggregate.min(), aggregate.max(), aggregate.mean())));
        Aggregate total = statistics.total();
        return new SeriesView(key.host(), key.metric(), total.count(), total.min(), total.max(),
                total.mean(), minutes);
    }
}
