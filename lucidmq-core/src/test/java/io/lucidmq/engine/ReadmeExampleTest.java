package io.lucidmq.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs the example of the README, so it cannot drift from the API. */
class ReadmeExampleTest {

    @TempDir
    Path directory;

    @Test
    void readmeExampleRunsAndCommits() {
        readmeExample(directory);

        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(mq.describeGroup("billing").orElseThrow().partitions())
                    .extracting(GroupPartitionState::committedOffset)
                    .containsOnly(OptionalLong.of(1));
        }
    }

    private static void readmeExample(Path directory) {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("orders", TopicConfig.defaults().withPartitions(1));

            try (Producer producer = mq.producer()) {
                producer.send(ProducerRecord.builder("orders")
                        .key("customer-42").value("{\"total\": 12.50}").build());
            }

            try (Consumer consumer = mq.consumer(
                    ConsumerConfig.group("billing").topics("orders").build())) {
                for (ConsumerRecord record : consumer.poll(Duration.ofSeconds(1))) {
                    System.out.println(record.keyAsString() + " -> " + record.valueAsString());
                }
                consumer.commitSync();
            }
        }
    }
}
