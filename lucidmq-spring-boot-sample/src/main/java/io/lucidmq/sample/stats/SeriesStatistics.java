package io.lucidmq.sample.stats;

import java.time.Instant;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The statistics of one series: an aggregate of every value since the data directory was
 * created, and one aggregate per minute for the most recent minutes. Not thread-safe: the
 * owner, {@link StatisticsState}, serializes access.
 *
 * <p>Minutes are those of the readings' own timestamps, in UTC. The window keeps at most
 * {@code windowMinutes} minutes, the newest ones; a value older than every minute of a full
 * window is counted in the total only.
 */
final class SeriesStatistics {

    private final int windowMinutes;
    private Aggregate total;
    private final TreeMap<Long, Aggregate> minutes;

    SeriesStatistics(int windowMinutes) {
        this(windowMinutes, Aggregate.EMPTY, new TreeMap<>());
    }

    SeriesStatistics(int windowMinutes, Aggregate total, NavigableMap<Long, Aggregate> minutes) {
        this.windowMinutes = windowMinutes;
        this.total = total;
        this.minutes = new TreeMap<>(minutes);
        evictOldMinutes();
    }

    /** Adds {@code value} taken at {@code timestamp}. */
    void add(double value, Instant timestamp) {
        total = total.plus(value);
        long minute = Math.floorDiv(timestamp.getEpochSecond(), 60);
        boolean windowFull = minutes.size() >= windowMinutes;
        if (windowFull && !minutes.containsKey(minute) && minute < minutes.firstKey()) {
            return;
        }
        minutes.merge(minute, Aggregate.EMPTY.plus(value), (old, added) -> old.plus(value));
        evictOldMinutes();
    }

    Aggregate total() {
        return total;
    }

    /** Returns the per-minute aggregates by minutes since the epoch, oldest first, read-only. */
    NavigableMap<Long, Aggregate> minutes() {
        return Collections.unmodifiableNavigableMap(minutes);
    }

    private void evictOldMinutes() {
        while (minutes.size() > windowMinutes) {
            minutes.pollFirstEntry();
        }
    }
}
