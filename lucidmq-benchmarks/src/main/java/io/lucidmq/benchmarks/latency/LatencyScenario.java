package io.lucidmq.benchmarks.latency;

import io.lucidmq.benchmarks.harness.HarnessMode;
import io.lucidmq.benchmarks.harness.HarnessResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The produce-to-poll scenario: 10,000 records of 100 bytes per second through LucidMQ, a
 * {@link java.util.concurrent.LinkedBlockingQueue} (the floor of a thread wake-up) and
 * Chronicle Queue, one after the other in one JVM.
 */
public final class LatencyScenario {

    /** The scenario name in the results. */
    public static final String NAME = "produce-to-poll";

    /** Records sent per second. */
    public static final int RATE_PER_SECOND = 10_000;

    /** Size of each record value in bytes. */
    public static final int VALUE_BYTES = 100;

    private LatencyScenario() {
    }

    /** Runs every pipe for the lengths of {@code mode}; a failing pipe yields an error row. */
    public static List<HarnessResult> run(HarnessMode mode) {
        List<HarnessResult> results = new ArrayList<>();
        results.add(run(NAME, "BlockingQueue", () -> new BlockingQueuePipe(VALUE_BYTES),
                RATE_PER_SECOND, mode));
        results.add(run(NAME, "LucidMQ", () -> new LucidPipe(VALUE_BYTES), RATE_PER_SECOND,
                mode));
        results.add(run(NAME, "ChronicleQueue", () -> new ChroniclePipe(VALUE_BYTES),
                RATE_PER_SECOND, mode));
        return results;
    }

    /**
     * Runs the harness at {@code ratePerSecond} through the pipe {@code factory} creates and
     * returns its percentiles, or an error row when the pipe fails.
     */
    public static HarnessResult run(String scenario, String name,
            Supplier<MessagePipe> factory, int ratePerSecond, HarnessMode mode) {
        ProduceToPollHarness harness = new ProduceToPollHarness(ratePerSecond, mode.warmup(),
                mode.measurement());
        Map<String, String> settings = settings(ratePerSecond, mode);
        MessagePipe pipe = null;
        try {
            pipe = factory.get();
            ProduceToPollHarness.Result result = harness.run(pipe);
            return new HarnessResult(scenario, name, "us", metrics(result), settings, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HarnessResult.failed(scenario, name, settings, e);
        } catch (RuntimeException | LinkageError e) {
            return HarnessResult.failed(scenario, name, settings, e);
        } finally {
            if (pipe != null) {
                pipe.close();
            }
        }
    }

    private static Map<String, String> settings(int ratePerSecond, HarnessMode mode) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ratePerSecond", String.valueOf(ratePerSecond));
        settings.put("warmup", mode.warmup().toString());
        settings.put("measurement", mode.measurement().toString());
        return settings;
    }

    private static Map<String, Double> metrics(ProduceToPollHarness.Result result) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        putPercentiles(metrics, "", result.fromSendStart());
        putPercentiles(metrics, "scheduled.", result.fromSchedule());
        putPercentiles(metrics, "send.", result.sendCalls());
        metrics.put("count", (double) result.fromSendStart().count());
        return metrics;
    }

    private static void putPercentiles(Map<String, Double> metrics, String prefix,
            LatencyRecorder recorder) {
        metrics.put(prefix + "p50", micros(recorder.valueAtPercentile(50)));
        metrics.put(prefix + "p99", micros(recorder.valueAtPercentile(99)));
        metrics.put(prefix + "p99.9", micros(recorder.valueAtPercentile(99.9)));
        metrics.put(prefix + "max", micros(recorder.max()));
    }

    static double micros(long nanos) {
        return nanos / 1000.0;
    }
}
