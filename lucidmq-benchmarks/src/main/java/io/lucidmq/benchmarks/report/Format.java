package io.lucidmq.benchmarks.report;

import java.util.Locale;

/** Number formats of the report: US grouping, a fixed number of significant places. */
final class Format {

    private Format() {
    }

    /** Formats a rate or count with thousands separators, without decimals from 100 on. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Formats a score with its JMH error: {@code 1,234 ± 56}, or the score alone. */
    static String withError(JmhResult.Metric metric) {
        if (!metric.hasError()) {
            return number(metric.score()) + " ± n/a";
        }
        return number(metric.score()) + " ± " + number(metric.error());
    }

    /** Formats a ratio as {@code 0.93×}. */
    static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : factor(value) + "×";
    }

    /** Formats a ratio without its sign: three significant digits, grouped from 1,000 on. */
    static String factor(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Formats a byte count in MiB with one decimal. */
    static String mebibytes(double bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
