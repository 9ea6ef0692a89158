package io.lucidmq.benchmarks.report;

/**
 * The ratio of two measured figures with the range their iterations span.
 *
 * <p>With iteration scores from {@code minA} to {@code maxA} and from {@code minB} to
 * {@code maxB}, the range is {@code [minA / maxB, maxA / minB]}: the ratio of the slowest
 * iteration of one side to the fastest of the other, and the reverse. It is unknown
 * ({@code NaN}) when either side has a single iteration. On a shared machine it shows how far
 * a ratio can move when the load changes between iterations.
 *
 * @param value the ratio of the scores
 * @param low the lower end of the range, or {@code NaN}
 * @param high the upper end of the range, or {@code NaN}
 */
public record Ratio(double value, double low, double high) {

    /** Returns {@code numerator / denominator} with the range of their iterations. */
    public static Ratio of(JmhResult.Metric numerator, JmhResult.Metric denominator) {
        double value = numerator.score() / denominator.score();
        if (!numerator.hasSpread() || !denominator.hasSpread()) {
            return new Ratio(value, Double.NaN, Double.NaN);
        }
        return new Ratio(value, numerator.min() / denominator.max(),
                numerator.max() / denominator.min());
    }

    /**
     * Returns the ratio as {@code 0.93×}, followed by its range when known:
     * {@code 0.93× (0.90 – 0.96)}.
     */
    public String format() {
        String text = Format.ratio(value);
        if (Double.isNaN(low)) {
            return text;
        }
        return text + " (" + Format.factor(low) + " – " + Format.factor(high) + ")";
    }
}
