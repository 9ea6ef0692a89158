package io.lucidmq.benchmarks.report;

import io.lucidmq.benchmarks.footprint.FootprintScenario;
import io.lucidmq.benchmarks.harness.HarnessResult;
import io.lucidmq.benchmarks.latency.LatencyScenario;
import io.lucidmq.benchmarks.recovery.FullScanBenchmark;
import io.lucidmq.benchmarks.recovery.LucidReopenBenchmark;
import io.lucidmq.benchmarks.spring.SpringScenarios;
import io.lucidmq.benchmarks.spring.StartupBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The latency, Spring, recovery, memory and start-up sections. */
final class OtherSections {

    /** Scenario name of the Spring throughput run in the harness results. */
    static final String SPRING_THROUGHPUT = SpringScenarios.THROUGHPUT;

    private static final String NOT_IN_RESULTS = "not in the results";

    private final Figures figures;

    OtherSections(Figures figures) {
        this.figures = figures;
    }

    /** Appends the produce-to-poll half of section 3. */
    void appendLatency(StringBuilder out) {
        out.append("### Produce-to-poll latency\n\n");
        out.append("A custom harness (`ProduceToPollHarness`, timed with `System.nanoTime`, "
                + "histogram error ≤ 1.6%) sends 10,000 records of 100 B per second on a fixed "
                + "schedule from one thread; a second thread of the same JVM waits in poll. "
                + "Latency runs from the start of the send call to the consumer's receipt; the "
                + "\"from schedule\" columns start at the scheduled send time instead, so they "
                + "also count time the sender fell behind. The send call columns time the "
                + "sending thread's call alone: a stall there delays the records behind it. "
                + "The blocking queue stores nothing: "
                + "it is the cost of waking a waiting thread here. Chronicle Queue has no "
                + "blocking read, so its consumer spins.\n\n");
        appendLatencyTable(out, figures.harness(LatencyScenario.NAME));
    }

    /** Appends section 4: the Spring end-to-end figures. */
    void appendSpring(StringBuilder out) {
        out.append("## 4. Spring end-to-end\n\n");
        out.append("`LucidTemplate.send` to `@LucidListener` invocation with JSON payloads "
                + "(about 150 B) in a Boot application context (no web server) with the "
                + "starter's defaults except durability OS, measured like the produce-to-poll "
                + "latency above, at the same 10,000 events/s. The listener container commits "
                + "offsets asynchronously after each poll and synchronously when partitions "
                + "are revoked or it stops. The row in ack mode MANUAL never "
                + "acknowledges, so its container never commits: the difference to the first "
                + "row is the cost of the commits. The LucidMQ row is the core path without "
                + "Spring at 10,000/s. Throughput: events sent as fast as the sender accepts "
                + "them, until the receiver has seen all, after a warm-up pass of half as "
                + "many; the comparison sends the same JSON through LucidMQ without "
                + "Spring.\n\n");
        List<HarnessResult> latency = new ArrayList<>(
                figures.harness(Targets.SPRING_LATENCY));
        figures.harness(LatencyScenario.NAME, "LucidMQ").ifPresent(latency::add);
        appendLatencyTable(out, latency);
        MarkdownTable table = new MarkdownTable("Store", "records/s", "Records", "Note");
        for (HarnessResult result : figures.harness(SPRING_THROUGHPUT)) {
            if (result.error() != null) {
                table.row(result.store(), "—", "—", "not measured: " + result.error());
            } else {
                table.row(result.store(), Format.number(result.metrics().get("recordsPerSecond")),
                        Format.number(result.metrics().get("count")), "");
            }
        }
        if (!table.isEmpty()) {
            table.appendTo(out);
        }
    }

    /** Appends section 5: reopening after a clean close and after an unclean stop. */
    void appendRecovery(StringBuilder out) {
        out.append("## 5. Open and recovery\n\n");
        out.append("Time of `LucidMQ.open` plus `describeTopic` on a directory with one "
                + "partition of 1 KiB records, one reopen per JMH iteration (SingleShotTime). "
                + "The unclean stop is real: before each iteration a child JVM opens the "
                + "directory, appends 1,000 records and halts without closing. The files are in "
                + "the page cache (warm). The full scan reads a raw log of the same size and "
                + "checksums every byte: what a recovery that validated everything would "
                + "cost.\n\n");
        MarkdownTable table = new MarkdownTable("Case", "Partition", "ms", "Bound");
        addRecoveryRow(table, LucidReopenBenchmark.class, "afterCleanClose",
                "LucidMQ reopen after a clean close", "< 100 ms");
        addRecoveryRow(table, LucidReopenBenchmark.class, "afterUncleanStop",
                "LucidMQ reopen after an unclean stop", "< 1,000 ms");
        addRecoveryRow(table, FullScanBenchmark.class, "crc32cOfAllSegments",
                "raw full scan with CRC32C", "—");
        table.appendTo(out);
    }

    /** Appends section 6: memory per idle partition and the starter's start-up time. */
    void appendMemory(StringBuilder out) {
        out.append("## 6. Memory and start-up\n\n");
        out.append("### Per open idle partition\n\n");
        out.append("Each store opens N partitions (or one queue, database or file each) with "
                + "one 100 B record in each; the figures are the differences of heap used "
                + "after full GCs, of the JVM's direct and mapped buffer pools and of "
                + "`/proc/self/fd`, divided by N. Memory a store maps outside "
                + "`FileChannel.map` (Chronicle Queue does) is in none of them, and a negative "
                + "buffer figure means buffers of other code were released meanwhile.\n\n");
        MarkdownTable table = new MarkdownTable("Store", "N", "Heap bytes", "Direct bytes",
                "Mapped bytes", "Open files");
        for (HarnessResult result : figures.harness(FootprintScenario.NAME)) {
            String partitions = result.settings().getOrDefault("partitions", "—");
            if (result.error() != null) {
                table.row(result.store(), partitions, "not measured: " + result.error(), "—",
                        "—", "—");
                continue;
            }
            Map<String, Double> metrics = result.metrics();
            table.row(result.store(), partitions, Format.number(metrics.get("heapBytes")),
                    Format.number(metrics.get("directBytes")),
                    Format.number(metrics.get("mappedBytes")),
                    Format.number(metrics.get("openFiles")));
        }
        table.appendTo(out);
        appendStartup(out);
    }

    private void appendStartup(StringBuilder out) {
        out.append("### Start-up time the starter adds\n\n");
        out.append("Cold start of an empty Boot application (no web server, no beans of its "
                + "own) in a fresh JVM per sample, with the LucidMQ auto-configurations "
                + "excluded and included.\n\n");
        Optional<JmhResult> without = figures.find(StartupBenchmark.class, "withoutStarter");
        Optional<JmhResult> with = figures.find(StartupBenchmark.class, "withStarter");
        MarkdownTable table = new MarkdownTable("Case", "ms", "Samples (forks)");
        table.row("without the LucidMQ auto-configurations", startupCell(without),
                without.map(r -> String.valueOf(r.settings().forks())).orElse("—"));
        table.row("with the LucidMQ starter", startupCell(with),
                with.map(r -> String.valueOf(r.settings().forks())).orElse("—"));
        if (without.isPresent() && with.isPresent()) {
            JmhResult.Metric a = with.get().primary();
            JmhResult.Metric b = without.get().primary();
            String difference = Format.number(a.score() - b.score());
            if (a.hasError() && b.hasError()) {
                difference += " ± " + Format.number(Math.hypot(a.error(), b.error()))
                        + " (estimate: errors combined as independent)";
            }
            table.row("difference: the starter's cost", difference, "—");
        }
        table.appendTo(out);
    }

    private void addRecoveryRow(MarkdownTable table, Class<?> benchmarkClass, String method,
            String label, String bound) {
        Optional<JmhResult> result = figures.find(benchmarkClass, method);
        table.row(label,
                result.map(r -> Format.mebibytes(Long.parseLong(r.param("partitionBytes"))))
                        .orElse("—"),
                result.map(r -> Format.withError(r.primary())).orElse(NOT_IN_RESULTS), bound);
    }

    private static String startupCell(Optional<JmhResult> result) {
        return result.map(r -> Format.withError(r.primary())).orElse(NOT_IN_RESULTS);
    }

    private static void appendLatencyTable(StringBuilder out, List<HarnessResult> results) {
        MarkdownTable table = new MarkdownTable("Store", "Rate/s", "p50 µs", "p99 µs",
                "p99.9 µs", "max µs", "p99 from schedule µs", "p99.9 from schedule µs",
                "send call p99 / max µs", "Samples");
        for (HarnessResult result : results) {
            String rate = result.settings().getOrDefault("ratePerSecond", "—");
            if (result.error() != null) {
                table.row(result.store(), rate, "not measured: " + result.error(), "—", "—",
                        "—", "—", "—", "—", "—");
                continue;
            }
            Map<String, Double> metrics = result.metrics();
            table.row(result.store(), Format.number(Double.parseDouble(rate)),
                    cell(metrics, "p50"), cell(metrics, "p99"),
                    cell(metrics, "p99.9"), cell(metrics, "max"), cell(metrics, "scheduled.p99"),
                    cell(metrics, "scheduled.p99.9"),
                    cell(metrics, "send.p99") + " / " + cell(metrics, "send.max"),
                    cell(metrics, "count"));
        }
        table.appendTo(out);
    }

    private static String cell(Map<String, Double> metrics, String name) {
        Double value = metrics.get(name);
        return value == null ? "—" : Format.number(value);
    }
}
