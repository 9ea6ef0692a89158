package io.lucidmq.benchmarks.spring;

import io.lucidmq.benchmarks.harness.HarnessResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a number of events as fast as the sender accepts them and measures the time until the
 * receiver has seen the last: a warm-up pass of half the records, then the measured pass.
 */
abstract class ThroughputRun implements AutoCloseable {

    private static final long ARRIVAL_TIMEOUT_SECONDS = 120;

    /** Installs the sink that counts arrivals. */
    abstract void receiveInto(CountingSink sink);

    /** Sends one event without waiting for its acknowledgement. */
    abstract CompletableFuture<?> sendAsync(BenchEvent event);

    @Override
    public abstract void close();

    /** Runs both passes and returns records per second of the measured one. */
    HarnessResult measure(String scenario, String store, int records) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("records", String.valueOf(records));
        try {
            pass(false, Math.max(1, records / 2));
            long start = System.nanoTime();
            long end = pass(true, records);
            double seconds = (end - start) / (double) TimeUnit.SECONDS.toNanos(1);
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("recordsPerSecond", records / seconds);
            metrics.put("count", (double) records);
            return new HarnessResult(scenario, store, "records/s", metrics, settings, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HarnessResult.failed(scenario, store, settings, e);
        } catch (RuntimeException e) {
            return HarnessResult.failed(scenario, store, settings, e);
        }
    }

    private long pass(boolean measured, int records) throws InterruptedException {
        CountingSink sink = new CountingSink(measured, records);
        receiveInto(sink);
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            long now = System.nanoTime();
            acknowledgements.add(sendAsync(new BenchEvent(now, now, measured, BenchEvent.BODY)));
        }
        CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)).join();
        return sink.awaitLast(ARRIVAL_TIMEOUT_SECONDS);
    }
}
