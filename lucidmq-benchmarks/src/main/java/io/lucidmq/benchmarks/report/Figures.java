package io.lucidmq.benchmarks.report;

import io.lucidmq.benchmarks.harness.HarnessResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All results of one run, looked up by benchmark class, method and parameters. */
public final class Figures {

    private final List<JmhResult> jmh;
    private final List<HarnessResult> harness;

    /** Wraps the results of one run. */
    public Figures(List<JmhResult> jmh, List<HarnessResult> harness) {
        this.jmh = List.copyOf(jmh);
        this.harness = List.copyOf(harness);
    }

    /** Every JMH result, in file order. */
    public List<JmhResult> jmh() {
        return jmh;
    }

    /** Every harness result, in file order. */
    public List<HarnessResult> harness() {
        return harness;
    }

    /**
     * Returns the result of {@code benchmarkClass.method} whose parameters include every entry
     * of {@code params}.
     */
    public Optional<JmhResult> find(Class<?> benchmarkClass, String method,
            Map<String, String> params) {
        String name = benchmarkClass.getName() + "." + method;
        return jmh.stream()
                .filter(result -> result.benchmark().equals(name))
                .filter(result -> result.params().entrySet().containsAll(params.entrySet()))
                .findFirst();
    }

    /** Returns the result of {@code benchmarkClass.method} with no parameter constraint. */
    public Optional<JmhResult> find(Class<?> benchmarkClass, String method) {
        return find(benchmarkClass, method, Map.of());
    }

    /** Returns the harness result of {@code scenario} for {@code store}. */
    public Optional<HarnessResult> harness(String scenario, String store) {
        return harness.stream()
                .filter(result -> result.scenario().equals(scenario))
                .filter(result -> result.store().equals(store))
                .findFirst();
    }

    /** Returns the harness results of {@code scenario}, in file order. */
    public List<HarnessResult> harness(String scenario) {
        return harness.stream().filter(result -> result.scenario().equals(scenario)).toList();
    }
}
