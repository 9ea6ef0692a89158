package io.lucidmq.benchmarks.report;

import io.lucidmq.benchmarks.append.ChronicleAppendBenchmark;
import io.lucidmq.benchmarks.append.LucidAppendBenchmark;
import io.lucidmq.benchmarks.append.MappedAppendBenchmark;
import io.lucidmq.benchmarks.append.RawChannelAppendBenchmark;
import io.lucidmq.benchmarks.append.RawChannelForcedRollAppendBenchmark;
import io.lucidmq.benchmarks.durable.LucidDurableBenchmark;
import io.lucidmq.benchmarks.durable.RawForceBenchmark;
import io.lucidmq.benchmarks.durable.SqliteDurableBenchmark;
import io.lucidmq.benchmarks.harness.HarnessResult;
import io.lucidmq.benchmarks.latency.LatencyScenario;
import io.lucidmq.benchmarks.recovery.LucidReopenBenchmark;
import io.lucidmq.benchmarks.spring.SpringScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the run against the suite's targets. Each target is a ratio of two figures from the
 * same run, or a bound on one figure. Where the machine itself bounds a figure, for example
 * by the cost of a thread wake-up or by how many records one force can cover, the note gives
 * that bound.
 */
final class Targets {

    /** Scenario name of the Spring end-to-end latency in the harness results. */
    static final String SPRING_LATENCY = SpringScenarios.LATENCY;

    private static final long ONE_GIB = 1L << 30;
    private static final String LUCID = "LucidMQ";
    private static final String FLOOR = "BlockingQueue";

    private final Figures figures;

    Targets(Figures figures) {
        this.figures = figures;
    }

    /** Returns every target check, in the order the page lists them. */
    List<TargetCheck> check() {
        List<TargetCheck> checks = new ArrayList<>();
        checks.add(appendVsRaw(1));
        checks.add(appendVsRaw(4));
        checks.add(appendVsChronicle());
        checks.add(durableVsSqlite());
        checks.add(durableGroupCommit());
        checks.add(durableVsRawForce());
        checks.add(produceToPoll());
        checks.add(springEndToEnd());
        checks.add(reopen("afterCleanClose", "a clean close", 100));
        checks.add(reopen("afterUncleanStop", "an unclean stop", 1000));
        return checks;
    }

    private TargetCheck appendVsRaw(int threads) {
        String target = "1 KiB appends, no force, " + threads + " thread" + (threads > 1 ? "s" : "")
                + ": LucidMQ ≥ 80% of raw FileChannel";
        Optional<JmhResult.Metric> lucid = metric(LucidAppendBenchmark.class, threads, "1024");
        Optional<JmhResult.Metric> forcedRolls =
                metric(RawChannelForcedRollAppendBenchmark.class, threads, "1024");
        Optional<JmhResult.Metric> raw = metric(RawChannelAppendBenchmark.class, threads, "1024");
        Optional<JmhResult.Metric> mapped = metric(MappedAppendBenchmark.class, threads, "1024");
        StringBuilder note = new StringBuilder();
        if (lucid.isPresent() && forcedRolls.isPresent()) {
            note.append("Against the same raw writer with each full 64 MiB segment forced in the "
                    + "background, the disk work LucidMQ's sealer does under durability OS: ")
                    .append(Ratio.of(lucid.get(), forcedRolls.get()).format()).append(".");
        }
        if (lucid.isPresent() && raw.isPresent() && mapped.isPresent()) {
            note.append(note.isEmpty() ? "" : " ")
                    .append("Writes through a mapping, as LucidMQ's are, reach ")
                    .append(Ratio.of(mapped.get(), raw.get()).format())
                    .append(" of raw FileChannel here with the raw mmap writer, which neither "
                            + "checksums nor prepares file space; LucidMQ is ")
                    .append(Ratio.of(lucid.get(), mapped.get()).format()).append(" of it.");
        }
        return ratioCheck(target, 0.8, lucid, raw, note.toString());
    }

    private TargetCheck appendVsChronicle() {
        return ratioCheck("100 B appends, no force, 1 thread: LucidMQ ≥ 1.2× Chronicle Queue",
                1.2, metric(LucidAppendBenchmark.class, 1, "100"),
                metric(ChronicleAppendBenchmark.class, 1, "100"), "");
    }

    private TargetCheck durableVsSqlite() {
        Optional<JmhResult.Metric> lucid = metric(LucidDurableBenchmark.class, 16, null);
        Optional<JmhResult.Metric> sqlite = metric(SqliteDurableBenchmark.class, 16, null);
        String note = "";
        Optional<JmhResult.Metric> batch = new GroupCommitLimits(figures).forcedRecords(16);
        if (sqlite.isPresent() && batch.isPresent()) {
            double ceiling = batch.get().score() / sqlite.get().score();
            if (ceiling < 100) {
                note = "Out of reach here: 16 blocking senders have at most 16 records waiting, "
                        + "so one force covers at most 16, and raw writes of 16 records with "
                        + "one force each reach " + Format.number(batch.get().score())
                        + " records/s: " + Format.ratio(ceiling) + " SQLite.";
            }
        }
        return ratioCheck("Durable appends, 16 threads: LucidMQ ≥ 100× SQLite synchronous=FULL",
                100, lucid, sqlite, note);
    }

    private TargetCheck durableGroupCommit() {
        Optional<JmhResult.Metric> one = metric(LucidDurableBenchmark.class, 1, null);
        return ratioCheck("Durable appends, 16 threads: LucidMQ ≥ 8× its 1-thread rate", 8,
                metric(LucidDurableBenchmark.class, 16, null), one,
                one.map(metric -> groupCommitCeilingNote(metric.score(), 8)).orElse(""));
    }

    /**
     * Describes the two group-commit ceilings of {@link GroupCommitLimits} as multiples of
     * {@code oneThreadRate}, and calls the target out of reach when both are below
     * {@code bound}; empty when a figure is missing.
     */
    private String groupCommitCeilingNote(double oneThreadRate, double bound) {
        GroupCommitLimits limits = new GroupCommitLimits(figures);
        Optional<Double> gathered = limits.gatheredCeiling();
        Optional<Double> backToBack = limits.backToBackCeiling();
        if (gathered.isEmpty() || backToBack.isEmpty()) {
            return "";
        }
        double best = Math.max(gathered.get(), backToBack.get()) / oneThreadRate;
        String verdict = best < bound ? "Out of reach here. " : "";
        return verdict + "A force that waits for all 16 senders takes "
                + Format.number(limits.forceMicros(16).get()) + " µs for 16 records (raw "
                + "write and force), and releasing 15 parked threads until all 16 are back "
                + "takes " + Format.number(limits.releaseRoundMicros().get()) + " µs (16 "
                + "threads at a Phaser, no disk work): at most "
                + Format.number(gathered.get()) + " records/s, "
                + Format.ratio(gathered.get() / oneThreadRate) + " the 1-thread rate. Forces "
                + "run back to back cover each sender every second force, 8 records per "
                + "force on average, which take " + Format.number(limits.forceMicros(8).get())
                + " µs: at most " + Format.number(backToBack.get()) + " records/s, "
                + Format.ratio(backToBack.get() / oneThreadRate) + ".";
    }

    private TargetCheck durableVsRawForce() {
        Optional<JmhResult.Metric> force = fastestRawForce();
        String note = force.map(metric -> "Limit: the faster raw loop, "
                + fastestRawForceName() + ".").orElse("");
        return ratioCheck("Durable appends, 1 thread: LucidMQ ≥ 90% of the raw "
                + "append-and-force loop", 0.9, metric(LucidDurableBenchmark.class, 1, null),
                force, note);
    }

    private TargetCheck produceToPoll() {
        String target = "Produce-to-poll p99 < 100 µs at 10,000 records/s, no force";
        return latencyBound(target, LatencyScenario.NAME, LUCID, 100, floorNote(100));
    }

    private TargetCheck springEndToEnd() {
        String target = "Spring LucidTemplate.send to @LucidListener p99 < 1 ms";
        return latencyBound(target, SPRING_LATENCY, SpringScenarios.LATENCY_STORE, 1000,
                floorNote(1000));
    }

    private TargetCheck reopen(String method, String label, double boundMs) {
        String target = "Reopen 1 GiB after " + label + " < " + Format.number(boundMs) + " ms";
        String bound = "< " + Format.number(boundMs) + " ms";
        Optional<JmhResult> result = figures.find(LucidReopenBenchmark.class, method);
        if (result.isEmpty()) {
            return TargetCheck.notRun(target, bound, missingNote());
        }
        long bytes = Long.parseLong(result.get().param("partitionBytes"));
        String note = bytes < ONE_GIB ? "Measured with a partition of "
                + Format.mebibytes(bytes) + " (short mode), not 1 GiB." : "";
        JmhResult.Metric metric = result.get().primary();
        TargetCheck.Verdict verdict = metric.score() < boundMs
                ? TargetCheck.Verdict.PASS : TargetCheck.Verdict.MISS;
        return new TargetCheck(target, Format.withError(metric) + " ms", bound, verdict, note);
    }

    private TargetCheck ratioCheck(String target, double bound, Optional<JmhResult.Metric> a,
            Optional<JmhResult.Metric> b, String note) {
        String boundText = "≥ " + Format.ratio(bound);
        if (a.isEmpty() || b.isEmpty()) {
            return TargetCheck.notRun(target, boundText, join(missingNote(), note));
        }
        Ratio ratio = Ratio.of(a.get(), b.get());
        TargetCheck.Verdict verdict = ratio.value() >= bound
                ? TargetCheck.Verdict.PASS : TargetCheck.Verdict.MISS;
        return new TargetCheck(target, ratio.format(), boundText, verdict, note);
    }

    private TargetCheck latencyBound(String target, String scenario, String store,
            double boundUs, String note) {
        String bound = "< " + Format.number(boundUs) + " µs";
        Optional<HarnessResult> result = figures.harness(scenario, store);
        if (result.isEmpty() || result.get().error() != null) {
            String reason = result.map(r -> "Not measured: " + r.error())
                    .orElse(missingNote());
            return TargetCheck.notRun(target, bound, join(reason, note));
        }
        double p99 = result.get().metrics().get("p99");
        TargetCheck.Verdict verdict = p99 < boundUs
                ? TargetCheck.Verdict.PASS : TargetCheck.Verdict.MISS;
        return new TargetCheck(target, "p99 " + Format.number(p99) + " µs", bound, verdict,
                note);
    }

    private String floorNote(double boundUs) {
        Optional<HarnessResult> floor = figures.harness(LatencyScenario.NAME, FLOOR);
        if (floor.isEmpty() || floor.get().error() != null) {
            return "";
        }
        double p99 = floor.get().metrics().get("p99");
        String text = "A bare LinkedBlockingQueue hand-off between the same two threads has "
                + "p99 " + Format.number(p99) + " µs in this run";
        return p99 >= boundUs ? text + ": out of reach on this machine." : text + ".";
    }

    private Optional<JmhResult.Metric> metric(Class<?> benchmarkClass, int threads,
            String valueBytes) {
        Map<String, String> params = valueBytes == null ? Map.of()
                : Map.of("valueBytes", valueBytes);
        return figures.find(benchmarkClass, Stores.METHOD_BY_THREADS.get(threads), params)
                .map(JmhResult::primary);
    }

    private Optional<JmhResult.Metric> fastestRawForce() {
        return rawForceResults().stream().map(JmhResult::primary)
                .max((x, y) -> Double.compare(x.score(), y.score()));
    }

    private String fastestRawForceName() {
        return rawForceResults().stream()
                .max((x, y) -> Double.compare(x.primary().score(), y.primary().score()))
                .map(result -> result.method().equals("preallocatedFile")
                        ? "force into a preallocated file" : "append to a growing file and force")
                .orElse("");
    }

    private List<JmhResult> rawForceResults() {
        List<JmhResult> results = new ArrayList<>();
        figures.find(RawForceBenchmark.class, "growingFile").ifPresent(results::add);
        figures.find(RawForceBenchmark.class, "preallocatedFile").ifPresent(results::add);
        return results;
    }

    private static String missingNote() {
        return "A figure is missing from the results: the benchmark failed or was not run "
                + "(see the JMH log beside the JSON).";
    }

    private static String join(String first, String second) {
        return second.isEmpty() ? first : first + " " + second;
    }
}
