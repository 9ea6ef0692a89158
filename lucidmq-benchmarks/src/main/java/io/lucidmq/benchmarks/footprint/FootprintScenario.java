package io.lucidmq.benchmarks.footprint;

import io.lucidmq.benchmarks.harness.HarnessMode;
import io.lucidmq.benchmarks.harness.HarnessResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The memory scenario: the heap, buffer memory and file descriptors that one open, idle
 * partition holds, as the difference of two {@link ResourceSnapshot}s (after the store is
 * open, and after N partitions are open) divided by N.
 *
 * <p>The heap figure counts objects reachable from the store; memory that a store maps
 * itself, outside {@code FileChannel.map} (Chronicle Queue does), is not in any figure.
 */
public final class FootprintScenario {

    /** The scenario name in the results. */
    public static final String NAME = "footprint";

    private FootprintScenario() {
    }

    /** Measures each store with {@link HarnessMode#idlePartitions()} partitions. */
    public static List<HarnessResult> run(HarnessMode mode) {
        List<Supplier<IdleStores>> stores = List.of(LucidIdleStores::new,
                ChronicleIdleStores::new, SqliteIdleStores::new, TapeIdleStores::new);
        List<HarnessResult> results = new ArrayList<>();
        for (Supplier<IdleStores> store : stores) {
            results.add(measure(store, mode.idlePartitions()));
        }
        return results;
    }

    private static HarnessResult measure(Supplier<IdleStores> factory, int partitions) {
        Map<String, String> settings = Map.of("partitions", String.valueOf(partitions));
        IdleStores stores = factory.get();
        HarnessResult result;
        try {
            stores.openStore();
            ResourceSnapshot before = ResourceSnapshot.take();
            stores.openPartitions(partitions);
            ResourceSnapshot after = ResourceSnapshot.take();
            result = new HarnessResult(NAME, stores.name(), "per partition",
                    perPartition(before, after, partitions), settings, null);
        } catch (Exception | LinkageError e) {
            result = HarnessResult.failed(NAME, stores.name(), settings, e);
        }
        try {
            stores.release();
        } catch (Exception e) {
            return HarnessResult.failed(NAME, stores.name(), settings, e);
        }
        return result;
    }

    private static Map<String, Double> perPartition(ResourceSnapshot before,
            ResourceSnapshot after, int partitions) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("heapBytes", (after.heapBytes() - before.heapBytes()) / (double) partitions);
        metrics.put("directBytes",
                (after.directBytes() - before.directBytes()) / (double) partitions);
        metrics.put("mappedBytes",
                (after.mappedBytes() - before.mappedBytes()) / (double) partitions);
        metrics.put("openFiles", (after.openFiles() - before.openFiles()) / (double) partitions);
        return metrics;
    }
}
