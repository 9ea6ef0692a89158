package io.lucidmq.sample.stats;

/**
 * Count, minimum, maximum and sum of a set of values. Immutable; {@link #plus(double)} returns
 * a new instance, so an aggregate can be shared with a snapshot without copying.
 *
 * @param count the number of values
 * @param min the smallest value, or {@code +Infinity} when {@code count} is 0
 * @param max the largest value, or {@code -Infinity} when {@code count} is 0
 * @param sum the sum of the values
 */
public record Aggregate(long count, double min, double max, double sum) {

    /** The aggregate of no values. */
    public static final Aggregate EMPTY =
            new Aggregate(0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0);

    /** Returns the aggregate of these values and {@code value}. */
    public Aggregate plus(double value) {
        return new Aggregate(count + 1, Math.min(min, value), Math.max(max, value), sum + value);
    }

    /** Returns the arithmetic mean, or {@code NaN} when {@code count} is 0. */
    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }
}
