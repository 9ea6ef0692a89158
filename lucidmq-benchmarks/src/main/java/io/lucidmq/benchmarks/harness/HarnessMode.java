package io.lucidmq.benchmarks.harness;

import java.time.Duration;
import java.util.Locale;

/**
 * The run lengths of the harness scenarios in the short and the full mode of the suite.
 *
 * @param warmup the warm-up phase of a latency run
 * @param measurement the measured phase of a latency run
 * @param throughputRecords the records of a Spring throughput run
 * @param idlePartitions the partitions opened by the footprint scenario
 */
public record HarnessMode(String name, Duration warmup, Duration measurement,
        int throughputRecords, int idlePartitions) {

    /** A few seconds per scenario. */
    public static final HarnessMode SHORT =
            new HarnessMode("short", Duration.ofSeconds(2), Duration.ofSeconds(5), 20_000, 100);

    /** Tens of seconds per scenario. */
    public static final HarnessMode FULL =
            new HarnessMode("full", Duration.ofSeconds(10), Duration.ofSeconds(30), 100_000, 200);

    /** For the smoke test: well under a second per scenario. */
    public static final HarnessMode SMOKE = new HarnessMode("smoke", Duration.ofMillis(100),
            Duration.ofMillis(200), 200, 4);

    /** Returns the mode named {@code name}: {@code short}, {@code full} or {@code smoke}. */
    public static HarnessMode named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "short" -> SHORT;
            case "full" -> FULL;
            case "smoke" -> SMOKE;
            default -> throw new IllegalArgumentException(
                    "mode must be short, full or smoke, but was " + name);
        };
    }
}
