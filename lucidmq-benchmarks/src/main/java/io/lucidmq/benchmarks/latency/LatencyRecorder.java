package io.lucidmq.benchmarks.latency;

/**
 * A histogram of latencies in nanoseconds with a relative error of at most 1/64 (1.6%).
 *
 * <p>Values below 128 have a bucket each. Above, each power-of-two range [2^k, 2^(k+1)) is
 * split into 64 equal buckets, so a bucket's width is at most 1/64 of its lower bound. A
 * percentile is reported as the upper bound of the bucket that holds it, capped at the
 * maximum recorded value, so it never understates.
 *
 * <p>Not thread-safe: one thread records, and reads after recording stops.
 */
public final class LatencyRecorder {

    private static final int SUB_BUCKET_BITS = 7;
    private static final int LINEAR_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int HALF_BUCKETS = LINEAR_BUCKETS / 2;
    private static final int MAX_SHIFT = 62 - (SUB_BUCKET_BITS - 1);

    private final long[] counts = new long[LINEAR_BUCKETS + MAX_SHIFT * HALF_BUCKETS];
    private long count;
    private long max;

    /** Records one latency; a negative value (clock skew) is recorded as 0. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[indexOf(value)]++;
        count++;
        max = Math.max(max, value);
    }

    /** The number of recorded values. */
    public long count() {
        return count;
    }

    /** The largest recorded value, or 0 when none was recorded. */
    public long max() {
        return max;
    }

    /**
     * Returns the value below or at which {@code percentile} percent of the recorded values
     * lie, or 0 when none was recorded.
     *
     * @param percentile from 0 (exclusive) to 100 (inclusive)
     */
    public long valueAtPercentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException(
                    "percentile must be above 0 and at most 100, but was " + percentile);
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * count));
        long seen = 0;
        for (int index = 0; index < counts.length; index++) {
            seen += counts[index];
            if (seen >= rank) {
                return Math.min(upperBound(index), max);
            }
        }
        return max;
    }

    static int indexOf(long value) {
        if (value < LINEAR_BUCKETS) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - (SUB_BUCKET_BITS - 1);
        int subBucket = (int) (value >>> shift) - HALF_BUCKETS;
        return LINEAR_BUCKETS + (shift - 1) * HALF_BUCKETS + subBucket;
    }

    static long upperBound(int index) {
        if (index < LINEAR_BUCKETS) {
            return index;
        }
        int shift = (index - LINEAR_BUCKETS) / HALF_BUCKETS + 1;
        long subBucket = (index - LINEAR_BUCKETS) % HALF_BUCKETS + HALF_BUCKETS;
        return ((subBucket + 1) << shift) - 1;
    }
}
