package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import io.lucidmq.record.ConsumerRecord;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The records one poll returned, grouped by partition, each partition's records in offset
 * order. Immutable.
 */
public final class ConsumerRecords implements Iterable<ConsumerRecord> {

    private static final ConsumerRecords EMPTY = new ConsumerRecords(Map.of(), 0);

    private final Map<TopicPartition, List<ConsumerRecord>> byPartition;
    private final int count;

    /** Creates the result of a poll from copies of the lists, which must be in offset order. */
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

    private ConsumerRecords(Map<TopicPartition, List<ConsumerRecord>> byPartition, int count) {
        this.byPartition = byPartition;
        this.count = count;
    }

    /**
     * Wraps the lists of one fetch without copying them. The caller hands over the lists,
     * which are non-empty and in offset order, and must not change them later.
     */
    static ConsumerRecords ofFetched(Map<TopicPartition, List<ConsumerRecord>> fetched) {
        if (fetched.isEmpty()) {
            return EMPTY;
        }
        if (fetched.size() == 1) {
            Map.Entry<TopicPartition, List<ConsumerRecord>> only =
                    fetched.entrySet().iterator().next();
            List<ConsumerRecord> records = only.getValue();
            return new ConsumerRecords(
                    Map.of(only.getKey(), Collections.unmodifiableList(records)), records.size());
        }
        Map<TopicPartition, List<ConsumerRecord>> wrapped = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<TopicPartition, List<ConsumerRecord>> entry : fetched.entrySet()) {
            wrapped.put(entry.getKey(), Collections.unmodifiableList(entry.getValue()));
            total += entry.getValue().size();
        }
        return new ConsumerRecords(Collections.unmodifiableMap(wrapped), total);
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
        if (byPartition.size() == 1) {
            return byPartition.values().iterator().next().iterator();
        }
        return new PartitionByPartition(byPartition.values().iterator());
    }

    /** Walks the records of each partition's list in turn. Not thread-safe. */
    private static final class PartitionByPartition implements Iterator<ConsumerRecord> {

        private final Iterator<List<ConsumerRecord>> partitions;
        private Iterator<ConsumerRecord> current = Collections.emptyIterator();

        PartitionByPartition(Iterator<List<ConsumerRecord>> partitions) {
            this.partitions = partitions;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && partitions.hasNext()) {
                current = partitions.next().iterator();
            }
            return current.hasNext();
        }

        @Override
        public ConsumerRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more records in this poll result");
            }
            return current.next();
        }
    }
}
