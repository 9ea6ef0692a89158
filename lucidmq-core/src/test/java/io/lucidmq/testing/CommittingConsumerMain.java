package io.lucidmq.testing;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Child JVM helper: appends records to a one-partition topic forever while a group member
 * reads them and commits each position, alternating {@code commitSync} and a waited-for
 * {@code commitAsync}, and prints {@code COMMITTED <offset>} after each commit returns.
 * Arguments: the directory, the topic and the group id.
 */
public final class CommittingConsumerMain {

    /** The prefix of a commit line. */
    public static final String COMMITTED_PREFIX = "COMMITTED ";

    private CommittingConsumerMain() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        String topic = args[1];
        TopicPartition partition = new TopicPartition(topic, 0);
        LucidMQ mq = LucidMQ.open(directory);
        mq.createTopic(topic);
        Producer producer = mq.producer();
        Consumer consumer = mq.consumer(ConsumerConfig.group(args[2]).topics(topic)
                .maxPollRecords(3).build());
        for (long round = 0; ; round++) {
            producer.send(ProducerRecord.of(topic, "record-" + round));
            if (consumer.poll(Duration.ofSeconds(5)).isEmpty()) {
                continue;
            }
            long position = consumer.position(partition);
            if (round % 2 == 0) {
                consumer.commitSync();
            } else {
                consumer.commitAsync(Map.of(partition, position)).join();
            }
            System.out.println(COMMITTED_PREFIX + position);
            System.out.flush();
        }
    }
}
