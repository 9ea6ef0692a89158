package io.lucidmq.benchmarks.report;

/**
 * The ratio of two measured figures with the range their JMH error bars allow.
 *
 * <p>With figures {@code a ± ea} and {@code b ± eb}, the range is
 * {@code [(a - ea) / (b + eb), (a + ea) / (b - eb)]}; it is unknown ({@code NaN}) when either
 * error is unknown, and unbounded above when {@code b - eb <= 0}.
 *
 * @param value the ratio of the scores
 * @param low the lower end of the range, or {@code NaN}
 * @param high the upper end of the range, {@code NaN} or positive infinity
 */
public record Ratio(double value, double low, double high) {

    /** Returns {@code numerator / denominator} with the range of their errors. */
    public static Ratio of(JmhResult.Metric numerator, JmhResult.Metric denominator) {
        double value = numerator.score() / denominator.score();
        if (!numerator.hasError() || !denominator.hasError()) {
            return new Ratio(value, Double.NaN, Double.NaN);
        }
        double low = (numerator.score() - numerator.error())
                / (denominator.score() + denominator.error());
        double highDenominator = denominator.score() - denominator.error();
        double high = highDenominator <= 0 ? Double.POSITIVE_INFINITY
                : (numerator.score() + numerator.error()) / highDenominator;
        return new Ratio(value, Math.max(0, low), high);
    }

    /** Returns the ratio as {@code 0.93×}, with its range when known: {@code 0.93× (0.90 – 0.96)}. */
    public String format() {
        String text = Format.ratio(value);
        if (Double.isNaN(low)) {
            return text;
        }
        String upper = Double.isInfinite(high) ? "∞" : Format.factor(high);
        return text + " (" + Format.factor(low) + " – " + upper + ")";
    }
}
