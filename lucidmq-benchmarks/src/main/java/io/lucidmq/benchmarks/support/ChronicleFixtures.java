package io.lucidmq.benchmarks.support;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import java.nio.file.Path;

/**
 * Opens Chronicle Queue the same way in every benchmark: a binary single-file queue with the
 * library's default roll cycle and block size (Chronicle Queue 5.27ea0).
 *
 * <p>The JVM needs the {@code --add-exports}/{@code --add-opens} options listed in the module's
 * pom and {@code run-benchmarks.sh}.
 */
public final class ChronicleFixtures {

    private ChronicleFixtures() {
    }

    /** Opens, or creates, the queue in {@code directory}. */
    public static ChronicleQueue open(Path directory) {
        return SingleChronicleQueueBuilder.binary(directory).build();
    }
}
