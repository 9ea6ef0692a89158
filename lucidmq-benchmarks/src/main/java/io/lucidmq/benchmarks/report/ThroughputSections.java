package io.lucidmq.benchmarks.report;

import io.lucidmq.benchmarks.durable.LucidDurableBenchmark;
import io.lucidmq.benchmarks.durable.RawForceBenchmark;
import io.lucidmq.benchmarks.durable.SenderReleaseBenchmark;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The append, durable-append and consume sections: JMH throughput tables with ratios. */
final class ThroughputSections {

    private static final List<String> VALUE_SIZES = List.of("100", "1024");
    private static final String NOT_IN_RESULTS = "not in the results";

    private final Figures figures;

    ThroughputSections(Figures figures) {
        this.figures = figures;
    }

    /** Appends section 1: appends without force, against the raw FileChannel limit. */
    void appendAppend(StringBuilder out) {
        out.append("## 1. Append throughput, no force\n\n");
        out.append("One operation appends one record; threads share one log. MB/s counts value "
                + "bytes only (10^6 bytes). The raw writers store a 4-byte length before each "
                + "value and nothing else; each iteration starts from an empty directory.\n\n");
        MarkdownTable table = new MarkdownTable("Value", "Threads", "Store", "records/s",
                "MB/s", "vs raw FileChannel");
        for (String valueBytes : VALUE_SIZES) {
            for (int threads : List.of(1, 4)) {
                addThroughputRows(table, Stores.APPEND, valueBytes, threads);
            }
        }
        table.appendTo(out);
    }

    /** Appends section 2: durable appends, against SQLite, Tape and the raw force loop. */
    void appendDurable(StringBuilder out) {
        out.append("## 2. Durable append (force before acknowledge)\n\n");
        out.append("One operation is one blocking append of a 1 KiB value that returns after "
                + "the value is on the disk. The first two raw loops write and call "
                + "`FileChannel.force(false)` (fdatasync) per record; one force can cover "
                + "only one record, so they run with one thread. The `sendAsync` row sends "
                + "the same records through `sendAsync`, whose futures the engine's "
                + "background thread completes after it forces.\n\n");
        MarkdownTable table = new MarkdownTable("Threads", "Store", "records/s",
                "vs SQLite, same threads", "vs LucidMQ, 1 thread");
        addRawForceRow(table, "growingFile", "raw append to a growing file + force");
        addRawForceRow(table, "preallocatedFile", "raw write into a preallocated file + force");
        Optional<JmhResult.Metric> lucidOne = durable(Stores.DURABLE.get(0), 1);
        for (int threads : List.of(1, 4, 16)) {
            Optional<JmhResult.Metric> sqlite = durable(Stores.DURABLE.get(1), threads);
            for (Stores.Entry store : Stores.DURABLE) {
                Optional<JmhResult.Metric> metric = durable(store, threads);
                table.row(String.valueOf(threads), store.label(),
                        metric.map(Format::withError).orElse(NOT_IN_RESULTS),
                        ratio(metric, sqlite), ratio(metric, lucidOne));
            }
        }
        Optional<JmhResult.Metric> sendAsync = figures.find(LucidDurableBenchmark.class,
                "sixteenThreadsSendAsync").map(JmhResult::primary);
        table.row("16", "LucidMQ, durability SYNC, `sendAsync(record).join()`",
                sendAsync.map(Format::withError).orElse(NOT_IN_RESULTS),
                ratio(sendAsync, durable(Stores.DURABLE.get(1), 16)), ratio(sendAsync, lucidOne));
        GroupCommitLimits limits = new GroupCommitLimits(figures);
        for (int records : List.of(8, 16)) {
            Optional<JmhResult.Metric> forced = limits.forcedRecords(records);
            table.row("1", "raw write of " + records + " records, then one force",
                    forced.map(Format::withError).orElse(NOT_IN_RESULTS),
                    ratio(forced, durable(Stores.DURABLE.get(1), 1)), ratio(forced, lucidOne));
        }
        table.appendTo(out);
        limits.releaseRoundMicros().ifPresent(micros -> out.append("The last two rows "
                + "write the records one call each, as that many senders would, and force "
                + "them with one call: the most a group commit can gain. Waking blocked "
                + "senders costs time too: 16 threads that meet at a `Phaser`, the last "
                + "waking the 15 others, with no disk work, take ")
                .append(Format.number(micros)).append(" µs a round (")
                .append(Format.number(SenderReleaseBenchmark.SENDERS * 1e6 / micros))
                .append(" passes/s).\n\n"));
    }

    /** Appends the consume half of section 3. */
    void appendConsume(StringBuilder out) {
        out.append("### Consume from the page cache\n\n");
        out.append("One operation reads a whole partition from its first record (100,000 "
                + "records unless the parameters below say otherwise) and hands each value "
                + "to the benchmark as a new array; records/s is JMH's `records` counter.\n\n");
        MarkdownTable table = new MarkdownTable("Value", "Store", "Records", "records/s",
                "MB/s", "vs raw FileChannel");
        for (String valueBytes : VALUE_SIZES) {
            Optional<JmhResult.Metric> raw = consume(Stores.CONSUME.get(0), valueBytes);
            for (Stores.Entry store : Stores.CONSUME) {
                Optional<JmhResult> result = figures.find(store.benchmarkClass(), store.method(),
                        Map.of("valueBytes", valueBytes));
                Optional<JmhResult.Metric> metric = consume(store, valueBytes);
                table.row(bytesLabel(valueBytes), store.label(),
                        result.map(r -> r.param("records")).orElse("—"),
                        metric.map(Format::withError).orElse(NOT_IN_RESULTS),
                        metric.map(m -> megabytes(m, valueBytes)).orElse("—"),
                        ratio(metric, raw));
            }
        }
        table.appendTo(out);
    }

    private void addThroughputRows(MarkdownTable table, List<Stores.Entry> stores,
            String valueBytes, int threads) {
        String method = Stores.METHOD_BY_THREADS.get(threads);
        Map<String, String> params = Map.of("valueBytes", valueBytes);
        Optional<JmhResult.Metric> limit = figures.find(stores.get(0).benchmarkClass(), method,
                params).map(JmhResult::primary);
        for (Stores.Entry store : stores) {
            Optional<JmhResult.Metric> metric = figures.find(store.benchmarkClass(), method,
                    params).map(JmhResult::primary);
            table.row(bytesLabel(valueBytes), String.valueOf(threads), store.label(),
                    metric.map(Format::withError).orElse(NOT_IN_RESULTS),
                    metric.map(m -> megabytes(m, valueBytes)).orElse("—"),
                    ratio(metric, limit));
        }
    }

    private void addRawForceRow(MarkdownTable table, String method, String label) {
        Optional<JmhResult.Metric> metric = figures.find(RawForceBenchmark.class, method)
                .map(JmhResult::primary);
        Optional<JmhResult.Metric> sqlite = durable(Stores.DURABLE.get(1), 1);
        Optional<JmhResult.Metric> lucidOne = durable(Stores.DURABLE.get(0), 1);
        table.row("1", label, metric.map(Format::withError).orElse(NOT_IN_RESULTS),
                ratio(metric, sqlite), ratio(metric, lucidOne));
    }

    private Optional<JmhResult.Metric> durable(Stores.Entry store, int threads) {
        return figures.find(store.benchmarkClass(), Stores.METHOD_BY_THREADS.get(threads))
                .map(JmhResult::primary);
    }

    private Optional<JmhResult.Metric> consume(Stores.Entry store, String valueBytes) {
        return figures.find(store.benchmarkClass(), store.method(),
                Map.of("valueBytes", valueBytes))
                .map(result -> result.secondary().get("records"));
    }

    private static String ratio(Optional<JmhResult.Metric> a, Optional<JmhResult.Metric> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return "—";
        }
        return Ratio.of(a.get(), b.get()).format();
    }

    private static String megabytes(JmhResult.Metric recordsPerSecond, String valueBytes) {
        return Format.number(recordsPerSecond.score() * Integer.parseInt(valueBytes) / 1e6);
    }

    static String bytesLabel(String valueBytes) {
        return "1024".equals(valueBytes) ? "1 KiB" : valueBytes + " B";
    }
}
