package io.lucidmq.sample.topics;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.record.ConsumerRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the newest records of one partition with a plain reader (no consumer group, nothing
 * committed). Used at startup to load the latest statistics snapshot and the recent alerts.
 */
public final class TailReader {

    private TailReader() {
    }

    /**
     * Returns up to {@code count} of the newest records of {@code partition}, oldest first; an
     * empty list when the topic does not exist or is empty.
     *
     * @throws IllegalStateException if the records were not read within {@code timeout}
     */
    public static List<ConsumerRecord> readTail(LucidMQ lucid, TopicPartition partition,
            int count, Duration timeout) {
        if (lucid.describeTopic(partition.topic()).isEmpty()) {
            return List.of();
        }
        ConsumerConfig config = ConsumerConfig.reader().assign(partition)
                .clientId("tail-reader-" + partition.topic()).build();
        try (Consumer reader = lucid.consumer(config)) {
            long end = reader.endOffset(partition);
            long start = Math.max(reader.beginningOffset(partition), end - count);
            reader.seek(partition, start);
            return readUntil(reader, partition, end, timeout);
        }
    }

    private static List<ConsumerRecord> readUntil(Consumer reader, TopicPartition partition,
            long end, Duration timeout) {
        List<ConsumerRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (reader.position(partition) < end) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new IllegalStateException("Timed out after " + timeout + " reading "
                        + partition + " up to offset " + end + ": reached offset "
                        + reader.position(partition));
            }
            for (ConsumerRecord record : reader.poll(Duration.ofNanos(remaining))) {
                if (record.offset() < end) {
                    records.add(record);
                }
            }
        }
        return records;
    }
}
