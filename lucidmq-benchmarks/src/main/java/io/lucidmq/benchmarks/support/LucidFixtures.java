package io.lucidmq.benchmarks.support;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;

/** Opens LucidMQ the same way in every benchmark: defaults except the durability policy. */
public final class LucidFixtures {

    private LucidFixtures() {
    }

    /** Opens {@code directory} with {@code durability} and the default of every other setting. */
    public static LucidMQ open(Path directory, DurabilityPolicy durability) {
        return LucidMQ.open(LucidConfig.builder(directory).durability(durability).build());
    }

    /** Creates {@code topic} with the default topic configuration and {@code durability}. */
    public static void createTopic(LucidMQ lucid, String topic, DurabilityPolicy durability) {
        lucid.createTopic(topic, TopicConfig.defaults().withDurability(durability));
    }

    /**
     * Returns whether the engine can open a directory; {@code false} while
     * {@link LucidMQ#open(LucidConfig)} throws {@link UnsupportedOperationException}.
     */
    public static boolean engineImplemented() {
        Path directory = BenchDirs.create("lucid-probe");
        try (LucidMQ lucid = open(directory, DurabilityPolicy.OS)) {
            return lucid != null;
        } catch (UnsupportedOperationException e) {
            return false;
        } finally {
            BenchDirs.delete(directory);
        }
    }
}
