package io.lucidmq.benchmarks.report;

import java.util.Map;

/**
 * One benchmark result from JMH's JSON output ({@code -rf json}), reduced to what the report
 * shows.
 *
 * @param benchmark the fully qualified benchmark method, for example
 *     {@code io.lucidmq.benchmarks.append.LucidAppendBenchmark.oneThread}
 * @param mode JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param threads the number of benchmark threads
 * @param settings the fork, warm-up and measurement settings of the run
 * @param params the {@code @Param} values, by name
 * @param primary the primary metric
 * @param secondary the secondary metrics by name, for example {@code records}
 */
public record JmhResult(String benchmark, String mode, int threads, Settings settings,
        Map<String, String> params, Metric primary, Map<String, Metric> secondary) {

    /**
     * A metric: the score, the half-width of JMH's 99.9% confidence interval ({@code NaN}
     * when JMH had too few samples to give one), the unit, and the lowest and highest
     * iteration score of every fork ({@code NaN} when there was only one iteration).
     */
    public record Metric(double score, double error, String unit, double min, double max) {

        /** Returns whether JMH gave a finite error. */
        public boolean hasError() {
            return Double.isFinite(error);
        }

        /** Returns whether the metric has more than one iteration score. */
        public boolean hasSpread() {
            return Double.isFinite(min) && Double.isFinite(max);
        }

        /** Returns this metric with its score, error and iteration range times {@code k}. */
        public Metric times(double k) {
            return new Metric(score * k, error * k, unit, min * k, max * k);
        }
    }

    /**
     * The run settings JMH records with each result.
     *
     * @param forks forks
     * @param warmupIterations warm-up iterations per fork
     * @param warmupTime the length of a warm-up iteration, as JMH writes it ({@code 1 s})
     * @param measurementIterations measured iterations per fork
     * @param measurementTime the length of a measured iteration
     * @param jvm the JVM executable
     * @param jdkVersion the JDK version
     * @param vmName the VM name
     * @param jmhVersion the JMH version
     */
    public record Settings(int forks, int warmupIterations, String warmupTime,
            int measurementIterations, String measurementTime, String jvm, String jdkVersion,
            String vmName, String jmhVersion) {
    }

    /** Returns the benchmark's class name without its package. */
    public String simpleClassName() {
        String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return owner.substring(owner.lastIndexOf('.') + 1);
    }

    /** Returns the benchmark method name, for example {@code oneThread}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Returns the value of {@code @Param} {@code name}, or {@code null}. */
    public String param(String name) {
        return params.get(name);
    }
}
