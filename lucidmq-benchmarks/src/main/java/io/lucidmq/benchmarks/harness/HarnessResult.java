package io.lucidmq.benchmarks.harness;

import java.util.Map;

/**
 * One figure set measured outside JMH, as written to the harness JSON files and read by the
 * report generator.
 *
 * @param scenario the measurement, for example {@code produce-to-poll}
 * @param store the store measured, for example {@code LucidMQ}
 * @param unit the unit of every metric
 * @param metrics the figures by name, for example {@code p99}
 * @param settings the settings of the run, by name
 * @param error why the scenario produced no figures, or {@code null}
 */
public record HarnessResult(String scenario, String store, String unit,
        Map<String, Double> metrics, Map<String, String> settings, String error) {

    /** Returns a result without figures because the run failed with {@code failure}. */
    public static HarnessResult failed(String scenario, String store,
            Map<String, String> settings, Throwable failure) {
        return new HarnessResult(scenario, store, "", Map.of(), settings, describe(failure));
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return root == failure ? message : failure.getMessage() + " (" + message + ")";
    }
}
