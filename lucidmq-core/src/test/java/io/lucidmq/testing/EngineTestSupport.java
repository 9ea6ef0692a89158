package io.lucidmq.testing;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.ConsumerRecords;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.topic.TopicConfig;
import io.lucidmq.topic.TopicDescription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Helpers for engine-level tests that go through the public API. */
public final class EngineTestSupport {

    private EngineTestSupport() {
    }

    /**
     * Returns a topic configuration with small segments, so a test rolls segments quickly:
     * records up to {@code segmentBytes / 4}, no retention limits, the instance's durability.
     */
    public static TopicConfig smallSegments(int partitions, int segmentBytes) {
        return new TopicConfig(partitions, segmentBytes, segmentBytes / 4, -1, -1, null);
    }

    /**
     * Reads every record of {@code topic} with a plain reader, partition by partition in
     * offset order.
     */
    public static List<ConsumerRecord> readAll(LucidMQ mq, String topic) {
        TopicDescription description = mq.describeTopic(topic).orElseThrow(
                () -> new AssertionError("topic " + topic + " does not exist"));
        List<ConsumerRecord> all = new ArrayList<>();
        for (var partition : description.partitions()) {
            TopicPartition tp = new TopicPartition(topic, partition.partition());
            all.addAll(readPartition(mq, tp, partition.endOffset()));
        }
        return all;
    }

    /** Reads a partition from its start offset up to {@code endOffset}. */
    public static List<ConsumerRecord> readPartition(LucidMQ mq, TopicPartition partition,
            long endOffset) {
        List<ConsumerRecord> records = new ArrayList<>();
        try (Consumer reader = mq.consumer(ConsumerConfig.reader().assign(partition)
                .maxPollRecords(10_000).build())) {
            while (reader.position(partition) < endOffset) {
                ConsumerRecords polled = reader.poll(Duration.ofSeconds(10));
                if (polled.isEmpty()) {
                    throw new AssertionError("no records from " + partition + " at position "
                            + reader.position(partition) + " before end offset " + endOffset);
                }
                polled.forEach(records::add);
            }
        }
        return records;
    }
}
