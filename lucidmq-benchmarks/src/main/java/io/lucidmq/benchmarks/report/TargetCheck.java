package io.lucidmq.benchmarks.report;

/**
 * One target of the suite and how the run met it.
 *
 * @param target the target, as a sentence
 * @param measured the measured figure or ratio
 * @param bound the bound the figure must meet
 * @param verdict whether it met the bound
 * @param note what limits the figure on this machine, or an empty string
 */
public record TargetCheck(String target, String measured, String bound, Verdict verdict,
        String note) {

    /** The outcome of a target. */
    public enum Verdict {
        /** The figure meets the bound. */
        PASS,
        /** The figure misses the bound. */
        MISS,
        /** A figure the target needs is missing from the results. */
        NOT_RUN;

        /** Returns the word printed on the page. */
        public String label() {
            return this == NOT_RUN ? "NOT RUN" : name();
        }
    }

    /** Returns a check whose figures are missing, with {@code reason} as its note. */
    public static TargetCheck notRun(String target, String bound, String reason) {
        return new TargetCheck(target, "—", bound, Verdict.NOT_RUN, reason);
    }
}
