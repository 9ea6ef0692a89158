package io.lucidmq.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Child JVM helper for a low open-file limit: creates a topic with many partitions and
 * 1 KiB segments and sends one record to every partition per round, printing
 * {@code ACK <partition> <offset> <round>} for each. After the last round it reads every
 * partition from its start, which opens the sealed segments through the read cache, prints
 * {@code READ <records>}, closes and prints {@code DONE}. On an exception it prints
 * {@code ERROR <exception>} and halts with exit code 2 without closing, as a crash would.
 * Arguments: the directory, the partition count, the number of rounds and
 * {@link LucidConfig#maxOpenSegmentFiles()}, or 0 for its default.
 */
public final class ManyPartitionsMain {

    /** The exit code after an exception. */
    static final int EXIT_FAILED = 2;

    private ManyPartitionsMain() {
    }

    public static void main(String[] args) {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int partitions = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int maxOpenSegmentFiles = Integer.parseInt(args[3]);
        try {
            LucidConfig.Builder config = LucidConfig.builder(Path.of(args[0]))
                    .durability(DurabilityPolicy.OS);
            if (maxOpenSegmentFiles > 0) {
                config.maxOpenSegmentFiles(maxOpenSegmentFiles);
            }
            LucidMQ mq = LucidMQ.open(config.build());
            mq.createTopic("many", new TopicConfig(partitions, 1024, 256, -1, -1, null));
            Producer producer = mq.producer();
            for (int round = 0; round < rounds; round++) {
                List<ProducerRecord> records = new ArrayList<>();
                for (int partition = 0; partition < partitions; partition++) {
                    records.add(ProducerRecord.builder("many").partition(partition)
                            .value(value(partition, round)).build());
                }
                List<RecordMetadata> acks = producer.sendAll(records);
                StringBuilder lines = new StringBuilder();
                for (RecordMetadata ack : acks) {
                    lines.append("ACK ").append(ack.partition()).append(' ')
                            .append(ack.offset()).append(' ').append(round).append('\n');
                }
                System.out.print(lines);
                System.out.flush();
            }
            System.out.println("READ " + readAll(mq, partitions));
            mq.close();
            System.out.println("DONE");
            System.out.flush();
        } catch (RuntimeException e) {
            System.out.println("ERROR " + e);
            System.out.flush();
            Runtime.getRuntime().halt(EXIT_FAILED);
        }
    }

    private static long readAll(LucidMQ mq, int partitions) {
        long records = 0;
        for (int partition = 0; partition < partitions; partition++) {
            TopicPartition topicPartition = new TopicPartition("many", partition);
            long end = mq.describeTopic("many").orElseThrow().partitions().get(partition)
                    .endOffset();
            records += EngineTestSupport.readPartition(mq, topicPartition, end).size();
        }
        return records;
    }

    /** Returns the value of the record sent to {@code partition} in {@code round}. */
    static String value(int partition, int round) {
        return "partition-" + partition + "-round-" + round + "-" + "x".repeat(60);
    }
}
