package io.lucidmq.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The segments of a partition log ordered by base offset; the last one is the active segment.
 * Thread-safe: readers look segments up while the writer adds and removes them, and a reader
 * may hold a segment that was removed meanwhile ({@link Segment#isDeleted()}).
 */
final class SegmentList {

    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();

    /** The newest segment, cached because every append and read needs it. */
    private volatile Segment last;

    /** Returns the segment that would hold {@code offset}, or {@code null} below the first. */
    Segment floor(long offset) {
        Map.Entry<Long, Segment> entry = segments.floorEntry(offset);
        return entry == null ? null : entry.getValue();
    }

    /** Returns the segment after {@code segment}, or {@code null} for the last. */
    Segment next(Segment segment) {
        Map.Entry<Long, Segment> entry = segments.higherEntry(segment.baseOffset());
        return entry == null ? null : entry.getValue();
    }

    /** Returns the oldest segment, or {@code null} when there is none. */
    Segment first() {
        Map.Entry<Long, Segment> entry = segments.firstEntry();
        return entry == null ? null : entry.getValue();
    }

    /** Returns the active segment, or {@code null} when there is none. */
    Segment last() {
        return last;
    }

    /** Returns the segments, oldest first. */
    List<Segment> all() {
        return new ArrayList<>(segments.values());
    }

    int size() {
        return segments.size();
    }

    /** Adds a segment; for the log's single writer thread. */
    void add(Segment segment) {
        segments.put(segment.baseOffset(), segment);
        updateLast();
    }

    /** Removes a segment; for the log's single writer thread. */
    void remove(Segment segment) {
        segments.remove(segment.baseOffset(), segment);
        updateLast();
    }

    private void updateLast() {
        Map.Entry<Long, Segment> entry = segments.lastEntry();
        last = entry == null ? null : entry.getValue();
    }

    /** The offset of the oldest record, or 0 when there is no segment. */
    long startOffset() {
        Segment first = first();
        return first == null ? 0 : first.baseOffset();
    }

    /** The offset the next record gets, or 0 when there is no segment. */
    long endOffset() {
        Segment last = last();
        return last == null ? 0 : last.nextOffset();
    }

    /** The total size of the valid batches of every segment. */
    long sizeInBytes() {
        long total = 0;
        for (Segment segment : segments.values()) {
            total += segment.size();
        }
        return total;
    }
}
