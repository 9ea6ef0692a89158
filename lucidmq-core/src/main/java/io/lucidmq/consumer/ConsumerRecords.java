package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import io.lucidmq.record.ConsumerRecord;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records one poll returned, grouped by partition, each partition's records in offset
 * order. Immutable.
 */
public final class ConsumerRecords implements Iterable<ConsumerRecord> {

    private static final ConsumerRecords EMPTY = new ConsumerRecords(Map.of());

    private final Map<TopicPartition, List<ConsumerRecord>> byPartition;
    private final int count;

    /** Creates the result of a poll; the lists must be in offset order. */
    public ConsumerRecords(Map<TopicPartition, List<ConsumerRecord>> byPartition) {
        Map<TopicPartition, List<ConsumerRecord>> copy = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<TopicPartition, List<ConsumerRecord>> entry : byPartition.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                copy.put(entry.getKey(), List.copyOf(entry.getValue()));
                total += entry.getValue().size();
            }
        }
        this.byPartition = Collections.unmodifiableMap(copy);
        this.count = total;
    }

    /** Returns the empty result. */
    public static ConsumerRecords empty() {
        return EMPTY;
    }

    /** The number of records. */
    public int count() {
        return count;
    }

    /** Whether there are no records. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** The partitions that have records in this result. */
    public Set<TopicPartition> partitions() {
        return byPartition.keySet();
    }

    /** The records of one partition, in offset order; empty if none. */
    public List<ConsumerRecord> records(TopicPartition partition) {
        return byPartition.getOrDefault(partition, List.of());
    }

    /** Iterates partition by partition, each in offset order. */
    @Override
    public Iterator<ConsumerRecord> iterator() {
        return byPartition.values().stream().flatMap(List::stream).iterator();
    }
}
