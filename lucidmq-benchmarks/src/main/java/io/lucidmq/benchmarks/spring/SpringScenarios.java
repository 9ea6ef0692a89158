package io.lucidmq.benchmarks.spring;

import io.lucidmq.benchmarks.harness.HarnessMode;
import io.lucidmq.benchmarks.harness.HarnessResult;
import io.lucidmq.benchmarks.latency.LatencyScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Spring end-to-end scenarios: {@code LucidTemplate.send} to {@code @LucidListener}
 * latency at {@value #LATENCY_RATE_PER_SECOND} events per second, and throughput of the same
 * path beside LucidMQ without Spring.
 */
public final class SpringScenarios {

    /** Scenario name of the latency run. */
    public static final String LATENCY = "spring-end-to-end";

    /** Store name of the Spring path in the latency results. */
    public static final String LATENCY_STORE = "LucidTemplate to @LucidListener";

    /** Store name of the same path without offset commits, which isolates their cost. */
    public static final String NO_COMMIT_STORE =
            "the same, ack mode MANUAL and never acknowledged (no commits)";

    /**
     * Events sent per second in the latency run: the core's rate. The listener container
     * commits offsets asynchronously after each poll, so it runs far below saturation at this
     * rate (its throughput run reaches more than 100,000 events per second here).
     */
    public static final int LATENCY_RATE_PER_SECOND = 10_000;

    /** Scenario name of the throughput runs. */
    public static final String THROUGHPUT = "spring-throughput";

    private SpringScenarios() {
    }

    /** Runs every Spring scenario with the lengths of {@code mode}. */
    public static List<HarnessResult> run(HarnessMode mode) {
        List<HarnessResult> results = new ArrayList<>();
        results.add(LatencyScenario.run(LATENCY, LATENCY_STORE, SpringPipe::new,
                LATENCY_RATE_PER_SECOND, mode));
        results.add(LatencyScenario.run(LATENCY, NO_COMMIT_STORE,
                () -> new SpringPipe(SpringProperties.ACK_MODE + "=MANUAL"),
                LATENCY_RATE_PER_SECOND, mode));
        results.add(throughput("LucidTemplate to @LucidListener", SpringThroughputRun::new,
                mode.throughputRecords()));
        results.add(throughput("LucidMQ without Spring, same JSON", PlainThroughputRun::new,
                mode.throughputRecords()));
        return results;
    }

    private static HarnessResult throughput(String store, Supplier<ThroughputRun> factory,
            int records) {
        try (ThroughputRun run = factory.get()) {
            return run.measure(THROUGHPUT, store, records);
        } catch (RuntimeException e) {
            return HarnessResult.failed(THROUGHPUT, store,
                    Map.of("records", String.valueOf(records)), e);
        }
    }
}
