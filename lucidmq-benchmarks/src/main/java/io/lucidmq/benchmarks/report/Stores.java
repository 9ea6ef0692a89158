package io.lucidmq.benchmarks.report;

import io.lucidmq.benchmarks.append.ChronicleAppendBenchmark;
import io.lucidmq.benchmarks.append.LucidAppendBenchmark;
import io.lucidmq.benchmarks.append.MappedAppendBenchmark;
import io.lucidmq.benchmarks.append.RawChannelAppendBenchmark;
import io.lucidmq.benchmarks.append.RawChannelForcedRollAppendBenchmark;
import io.lucidmq.benchmarks.consume.ChronicleConsumeBenchmark;
import io.lucidmq.benchmarks.consume.LucidConsumeBenchmark;
import io.lucidmq.benchmarks.consume.RawChannelConsumeBenchmark;
import io.lucidmq.benchmarks.durable.LucidDurableBenchmark;
import io.lucidmq.benchmarks.durable.SqliteDurableBenchmark;
import io.lucidmq.benchmarks.durable.TapeDurableBenchmark;
import java.util.List;
import java.util.Map;

/** The benchmark methods of each comparison and the labels the page gives them. */
final class Stores {

    /** A benchmark method and its label on the page. */
    record Entry(Class<?> benchmarkClass, String method, String label) {
    }

    /** The benchmark method for each thread count of the multi-threaded benchmarks. */
    static final Map<Integer, String> METHOD_BY_THREADS =
            Map.of(1, "oneThread", 4, "fourThreads", 16, "sixteenThreads");

    /** The stores of the append comparison, the limit first. */
    static final List<Entry> APPEND = List.of(
            new Entry(RawChannelAppendBenchmark.class, null, "raw FileChannel, 64 KiB writes"),
            new Entry(RawChannelForcedRollAppendBenchmark.class, null,
                    "raw FileChannel, 64 KiB writes, full segments forced"),
            new Entry(MappedAppendBenchmark.class, null, "raw mmap"),
            new Entry(LucidAppendBenchmark.class, null, "LucidMQ, durability OS"),
            new Entry(ChronicleAppendBenchmark.class, null, "Chronicle Queue"));

    /** The stores of the durable comparison that run with 1, 4 and 16 threads. */
    static final List<Entry> DURABLE = List.of(
            new Entry(LucidDurableBenchmark.class, null, "LucidMQ, durability SYNC"),
            new Entry(SqliteDurableBenchmark.class, null, "SQLite, WAL, synchronous=FULL"),
            new Entry(TapeDurableBenchmark.class, null, "Tape QueueFile.add"));

    /** The stores of the consume comparison, the raw baseline first. */
    static final List<Entry> CONSUME = List.of(
            new Entry(RawChannelConsumeBenchmark.class, "readAll", "raw FileChannel, 64 KiB reads"),
            new Entry(LucidConsumeBenchmark.class, "readAll", "LucidMQ plain reader"),
            new Entry(ChronicleConsumeBenchmark.class, "readAll", "Chronicle Queue tailer"));

    private Stores() {
    }
}
