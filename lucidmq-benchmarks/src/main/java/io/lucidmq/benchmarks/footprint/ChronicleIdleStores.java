package io.lucidmq.benchmarks.footprint;

import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.ChronicleFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;

/** Chronicle Queue: N queues, each with an open appender and one excerpt. */
final class ChronicleIdleStores implements IdleStores {

    private final Path directory = BenchDirs.create("chronicle-footprint");
    private final List<ChronicleQueue> queues = new ArrayList<>();
    private final List<ExcerptAppender> appenders = new ArrayList<>();

    @Override
    public String name() {
        return "ChronicleQueue";
    }

    @Override
    public void openStore() {
        // Chronicle has no store above its queues.
    }

    @Override
    public void openPartitions(int count) {
        BytesStore<?, byte[]> value = BytesStore.wrap(new byte[100]);
        for (int i = 0; i < count; i++) {
            ChronicleQueue queue = ChronicleFixtures.open(directory.resolve("queue-" + i));
            ExcerptAppender appender = queue.createAppender();
            appender.writeBytes(value);
            queues.add(queue);
            appenders.add(appender);
        }
    }

    @Override
    public void release() {
        appenders.forEach(ExcerptAppender::close);
        queues.forEach(ChronicleQueue::close);
        BenchDirs.delete(directory);
    }
}
