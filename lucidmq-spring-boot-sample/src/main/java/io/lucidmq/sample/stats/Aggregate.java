package io.lucidmq.sample.stats;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Count, minimum, maximum and mean of a set of values. Immutable; {@link #plus(double)} returns
 * a new instance, so an aggregate can be shared with a snapshot without copying.
 *
 * <p>The mean is updated incrementally instead of being derived from a running sum, so it stays
 * finite for any finite values: a sum of values near {@link Double#MAX_VALUE} would overflow.
 *
 * @param count the number of values
 * @param min the smallest value, or {@code +Infinity} when {@code count} is 0
 * @param max the largest value, or {@code -Infinity} when {@code count} is 0
 * @param mean the arithmetic mean, or {@code NaN} when {@code count} is 0
 */
public record Aggregate(long count, double min, double max, double mean) {

    /** The aggregate of no values. */
    public static final Aggregate EMPTY =
            new Aggregate(0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);

    /**
     * Creates an aggregate from snapshot JSON. Format version 1 stored the sum in place of the
     * mean. When that sum overflowed, the mean cannot be recovered, so the midpoint of min and
     * max is used in its place.
     */
    @JsonCreator
    static Aggregate fromJson(@JsonProperty("count") long count, @JsonProperty("min") double min,
            @JsonProperty("max") double max, @JsonProperty("mean") Double mean,
            @JsonProperty("sum") Double sum) {
        if (mean != null || count == 0) {
            return new Aggregate(count, min, max, mean == null ? Double.NaN : mean);
        }
        double fromSum = sum == null ? Double.NaN : sum / count;
        double restored = Double.isFinite(fromSum) ? fromSum : min / 2 + max / 2;
        return new Aggregate(count, min, max, clamp(restored, min, max));
    }

    /** Returns the aggregate of these values and {@code value}. */
    public Aggregate plus(double value) {
        long newCount = count + 1;
        double newMin = Math.min(min, value);
        double newMax = Math.max(max, value);
        if (count == 0) {
            return new Aggregate(newCount, newMin, newMax, value);
        }
        // Dividing before subtracting keeps (value - mean) / n within range when value and
        // mean have opposite signs near MAX_VALUE. Rounding may leave the result a little
        // outside [min, max], where the mean cannot lie, so it is clamped.
        double newMean = mean + (value / newCount - mean / newCount);
        return new Aggregate(newCount, newMin, newMax, clamp(newMean, newMin, newMax));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
