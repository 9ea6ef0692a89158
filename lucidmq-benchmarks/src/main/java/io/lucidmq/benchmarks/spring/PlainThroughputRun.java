package io.lucidmq.benchmarks.spring;

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
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same events through LucidMQ without Spring: {@link Producer#sendAsync} of the event
 * serialized with Jackson, and a plain reader on its own thread that deserializes each
 * value. The comparison for {@link SpringThroughputRun}: same JSON, same durability.
 */
final class PlainThroughputRun extends ThroughputRun {

    private static final String TOPIC = BenchListener.TOPIC;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Path directory = BenchDirs.create("plain-throughput");
    private final LucidMQ lucid = LucidFixtures.open(directory, DurabilityPolicy.OS);
    private final Producer producer;
    private final Thread receiver;
    private volatile CountingSink sink;
    private volatile boolean stopped;

    PlainThroughputRun() {
        LucidFixtures.createTopic(lucid, TOPIC, DurabilityPolicy.OS);
        producer = lucid.producer();
        Consumer consumer = lucid.consumer(
                ConsumerConfig.reader().assign(new TopicPartition(TOPIC, 0)).build());
        receiver = new Thread(() -> receive(consumer), "plain-throughput-receiver");
        receiver.setDaemon(true);
        receiver.start();
    }

    @Override
    void receiveInto(CountingSink sink) {
        this.sink = sink;
    }

    @Override
    CompletableFuture<?> sendAsync(BenchEvent event) {
        return producer.sendAsync(ProducerRecord.of(TOPIC, mapper.writeValueAsBytes(event)));
    }

    @Override
    public void close() {
        stopped = true;
        try {
            receiver.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lucid.close();
        BenchDirs.delete(directory);
    }

    private void receive(Consumer consumer) {
        while (!stopped) {
            for (ConsumerRecord record : consumer.poll(Duration.ofMillis(100))) {
                BenchEvent event = mapper.readValue(record.value(), BenchEvent.class);
                sink.arrived(event.scheduledNanos(), event.sendStartNanos(), event.measured());
            }
        }
    }
}
