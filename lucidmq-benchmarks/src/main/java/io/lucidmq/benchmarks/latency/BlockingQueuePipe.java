package io.lucidmq.benchmarks.latency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The floor of the produce-to-poll latency: a {@link LinkedBlockingQueue} between the two
 * threads, with no storage at all. Its latency is the cost of waking a waiting thread on
 * this machine, which every store with a waiting consumer also pays.
 */
public final class BlockingQueuePipe extends PollingPipe {

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final List<byte[]> drained = new ArrayList<>();

    /** Creates an empty queue for values of {@code valueBytes}. */
    public BlockingQueuePipe(int valueBytes) {
        super(valueBytes);
    }

    @Override
    public String name() {
        return "BlockingQueue";
    }

    @Override
    void sendValue(byte[] value) {
        queue.add(value);
    }

    @Override
    void poll(Duration timeout, Consumer<byte[]> sink) {
        byte[] first;
        try {
            first = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (first == null) {
            return;
        }
        sink.accept(first);
        drained.clear();
        queue.drainTo(drained);
        drained.forEach(sink);
    }

    @Override
    void closeStore() {
        queue.clear();
    }
}
