package io.lucidmq.sample.alerts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The newest alerts, with their offsets in the {@code alerts} topic. Thread-safe. Bounded: the
 * oldest entry is dropped when a new one would exceed the capacity.
 *
 * <p>Entries are deduplicated by offset: an alert whose offset is not above the newest one
 * held is ignored, so an alert loaded from the topic at startup and delivered again to the
 * alert logger is listed once. The {@code alerts} topic has one partition, so its offsets
 * order every alert.
 */
public final class AlertHistory {

    /** Default capacity: the number of alerts {@code GET /alerts} returns at most. */
    public static final int DEFAULT_CAPACITY = 100;

    private final int capacity;
    private final Deque<AlertEntry> entries = new ArrayDeque<>();
    private long newestOffset = -1;

    /** Creates an empty history of at most {@code capacity} entries, at least 1. */
    public AlertHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, but was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Adds an alert read at {@code offset}.
     *
     * @return {@code false} if ignored because an alert at this or a later offset is held
     */
    public synchronized boolean add(long offset, Alert alert) {
        if (offset <= newestOffset) {
            return false;
        }
        entries.addLast(new AlertEntry(offset, alert));
        newestOffset = offset;
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
        return true;
    }

    /** Returns the alerts held, newest first. */
    public synchronized List<AlertEntry> newestFirst() {
        List<AlertEntry> list = new ArrayList<>(entries.size());
        entries.descendingIterator().forEachRemaining(list::add);
        return list;
    }

    /** Returns the capacity of this history. */
    public int capacity() {
        return capacity;
    }

    /**
     * One alert with its place in the topic.
     *
     * @param offset the offset of the alert in the {@code alerts} topic
     * @param alert the alert
     */
    public record AlertEntry(long offset, Alert alert) {
    }
}
