package io.lucidmq.testing;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVM helper: sends {@link AckedRecords} from several threads until killed, and prints
 * one {@code ACK} line after each send is acknowledged. Even threads use {@code send}, odd
 * threads {@code sendAsync}. The topic has 64 KiB segments, so the log rolls often. Arguments:
 * the directory, the topic, the partition count, the thread count and the durability policy
 * ({@code SYNC} or {@code OS}).
 */
public final class AckingProducerMain {

    private AckingProducerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path directory = Path.of(args[0]);
        String topic = args[1];
        int partitions = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        DurabilityPolicy durability = DurabilityPolicy.valueOf(args[4]);
        LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).durability(durability).build());
        mq.createTopic(topic, new TopicConfig(partitions, 64 * 1024, 1024, -1, -1, null));
        Producer producer = mq.producer();
        System.out.println("READY");
        System.out.flush();

        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int thread = i;
            Thread sender = new Thread(() -> sendForever(producer, topic, thread),
                    "sender-" + thread);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
    }

    private static void sendForever(Producer producer, String topic, int thread) {
        for (long sequence = 0; ; sequence++) {
            ProducerRecord record = ProducerRecord.builder(topic)
                    .key(AckedRecords.key(thread, sequence))
                    .value(AckedRecords.value(thread, sequence))
                    .build();
            RecordMetadata metadata = thread % 2 == 0 ? producer.send(record)
                    : producer.sendAsync(record).join();
            print(AckedRecords.ackLine(thread, sequence, metadata.partition(),
                    metadata.offset()));
        }
    }

    private static void print(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
