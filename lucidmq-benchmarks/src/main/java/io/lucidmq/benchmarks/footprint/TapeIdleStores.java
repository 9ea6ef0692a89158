package io.lucidmq.benchmarks.footprint;

import com.squareup.tape2.QueueFile;
import io.lucidmq.benchmarks.support.BenchDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tape: N open queue files, each with one element. */
final class TapeIdleStores implements IdleStores {

    private final Path directory = BenchDirs.create("tape-footprint");
    private final List<QueueFile> queues = new ArrayList<>();

    @Override
    public String name() {
        return "Tape";
    }

    @Override
    public void openStore() {
        // Tape has no store above its queue files.
    }

    @Override
    public void openPartitions(int count) throws IOException {
        byte[] value = new byte[100];
        for (int i = 0; i < count; i++) {
            QueueFile queue = new QueueFile.Builder(directory.resolve("queue-" + i).toFile())
                    .build();
            queue.add(value);
            queues.add(queue);
        }
    }

    @Override
    public void release() throws IOException {
        for (QueueFile queue : queues) {
            queue.close();
        }
        BenchDirs.delete(directory);
    }
}
