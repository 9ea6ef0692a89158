package io.lucidmq.producer;

import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.Topic;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the partition of a record: the requested one if set (validated), else the
 * {@link Murmur2#partition murmur2 partition} of the key, else the next partition of the
 * topic in turn. The turn is shared by every producer of the instance, so keyless records
 * spread evenly across partitions. Thread-safe.
 */
public final class Partitioner {

    private final Map<String, AtomicInteger> nextPartition = new ConcurrentHashMap<>();

    /**
     * Returns the partition for {@code record} in {@code topic}.
     *
     * @throws IllegalArgumentException if the requested partition does not exist
     */
    public int partition(Topic topic, ProducerRecord record) {
        int count = topic.partitionCount();
        Integer requested = record.partition();
        if (requested != null) {
            if (requested >= count) {
                throw new IllegalArgumentException("partition " + requested
                        + " does not exist in topic " + topic.name() + ": it has partitions 0 to "
                        + (count - 1));
            }
            return requested;
        }
        if (count == 1) {
            return 0;
        }
        if (record.key() != null) {
            return Murmur2.partition(record.key(), count);
        }
        int turn = nextPartition.computeIfAbsent(topic.name(), name -> new AtomicInteger())
                .getAndIncrement();
        return (turn & 0x7fffffff) % count;
    }
}
