package io.lucidmq.benchmarks.latency;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.LucidFixtures;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.time.Duration;

/**
 * LucidMQ as a pipe: a blocking {@link Producer#send} under {@link DurabilityPolicy#OS} and a
 * plain reader, starting at offset 0 of the empty topic, whose {@link Consumer#poll} waits for
 * the append, in one instance.
 */
public final class LucidPipe extends PollingPipe {

    private static final String TOPIC = "latency";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final Path directory;
    private final LucidMQ lucid;
    private final Producer producer;
    private final Consumer consumer;

    /** Opens an empty directory with one topic for values of {@code valueBytes}. */
    public LucidPipe(int valueBytes) {
        super(valueBytes);
        directory = BenchDirs.create("lucid-latency");
        try {
            lucid = LucidFixtures.open(directory, DurabilityPolicy.OS);
        } catch (RuntimeException e) {
            BenchDirs.delete(directory);
            throw e;
        }
        LucidFixtures.createTopic(lucid, TOPIC, DurabilityPolicy.OS);
        producer = lucid.producer();
        consumer = lucid.consumer(ConsumerConfig.reader().assign(PARTITION).build());
    }

    @Override
    public String name() {
        return "LucidMQ";
    }

    @Override
    void sendValue(byte[] value) {
        producer.send(ProducerRecord.of(TOPIC, value));
    }

    @Override
    void poll(Duration timeout, java.util.function.Consumer<byte[]> sink) {
        for (ConsumerRecord record : consumer.poll(timeout)) {
            sink.accept(record.value());
        }
    }

    @Override
    void closeStore() {
        lucid.close();
        BenchDirs.delete(directory);
    }
}
