package io.lucidmq.benchmarks.footprint;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.LucidFixtures;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;

/** LucidMQ: one instance, one topic with N partitions and one record in each. */
final class LucidIdleStores implements IdleStores {

    private static final String TOPIC = "idle";

    private final Path directory = BenchDirs.create("lucid-footprint");
    private LucidMQ lucid;

    @Override
    public String name() {
        return "LucidMQ";
    }

    @Override
    public void openStore() {
        lucid = LucidFixtures.open(directory, DurabilityPolicy.OS);
    }

    @Override
    public void openPartitions(int count) {
        lucid.createTopic(TOPIC, TopicConfig.defaults().withPartitions(count)
                .withDurability(DurabilityPolicy.OS));
        byte[] value = new byte[100];
        try (Producer producer = lucid.producer()) {
            for (int partition = 0; partition < count; partition++) {
                producer.send(ProducerRecord.builder(TOPIC).partition(partition).value(value)
                        .build());
            }
        }
    }

    @Override
    public void release() {
        if (lucid != null) {
            lucid.close();
        }
        BenchDirs.delete(directory);
    }
}
