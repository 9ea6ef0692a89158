package io.lucidmq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.lucidmq.TopicPartition;
import io.lucidmq.record.ConsumerRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ConsumerRecordsTest {

    private static final TopicPartition FIRST = new TopicPartition("t", 0);
    private static final TopicPartition SECOND = new TopicPartition("t", 1);

    @Test
    void constructorCopiesListsAndDropsEmptyOnes() {
        List<ConsumerRecord> first = new ArrayList<>(List.of(record(FIRST, 0), record(FIRST, 1)));
        Map<TopicPartition, List<ConsumerRecord>> byPartition = new LinkedHashMap<>();
        byPartition.put(FIRST, first);
        byPartition.put(SECOND, List.of());

        ConsumerRecords records = new ConsumerRecords(byPartition);
        first.add(record(FIRST, 2));

        assertThat(records.count()).isEqualTo(2);
        assertThat(records.partitions()).containsExactly(FIRST);
        assertThat(records.records(FIRST)).extracting(ConsumerRecord::offset)
                .containsExactly(0L, 1L);
        assertThat(records.records(SECOND)).isEmpty();
    }

    @Test
    void ofFetchedWrapsOnePartition() {
        List<ConsumerRecord> fetched = new ArrayList<>();
        fetched.add(record(FIRST, 5));
        fetched.add(record(FIRST, 6));

        ConsumerRecords records = ConsumerRecords.ofFetched(Map.of(FIRST, fetched));

        assertThat(records.count()).isEqualTo(2);
        assertThat(records.isEmpty()).isFalse();
        assertThat(records.partitions()).containsExactly(FIRST);
        assertThat(records).extracting(ConsumerRecord::offset).containsExactly(5L, 6L);
        assertThatThrownBy(() -> records.records(FIRST).add(record(FIRST, 7)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofFetchedIteratesPartitionsInFetchOrder() {
        Map<TopicPartition, List<ConsumerRecord>> fetched = new LinkedHashMap<>();
        fetched.put(SECOND, new ArrayList<>(List.of(record(SECOND, 3), record(SECOND, 4))));
        fetched.put(FIRST, new ArrayList<>(List.of(record(FIRST, 9))));

        ConsumerRecords records = ConsumerRecords.ofFetched(fetched);

        assertThat(records.count()).isEqualTo(3);
        assertThat(records.partitions()).containsExactly(SECOND, FIRST);
        assertThat(records).extracting(ConsumerRecord::topicPartition, ConsumerRecord::offset)
                .containsExactly(tuple(SECOND, 3L), tuple(SECOND, 4L), tuple(FIRST, 9L));
        assertThatThrownBy(() -> records.partitions().remove(FIRST))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> records.records(SECOND).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void iteratorPastLastRecordThrows() {
        Map<TopicPartition, List<ConsumerRecord>> fetched = new LinkedHashMap<>();
        fetched.put(FIRST, new ArrayList<>(List.of(record(FIRST, 0))));
        fetched.put(SECOND, new ArrayList<>(List.of(record(SECOND, 0))));
        Iterator<ConsumerRecord> iterator = ConsumerRecords.ofFetched(fetched).iterator();

        iterator.next();
        iterator.next();

        assertThat(iterator.hasNext()).isFalse();
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void ofFetchedWithoutRecordsIsEmpty() {
        ConsumerRecords records = ConsumerRecords.ofFetched(Map.of());

        assertThat(records.isEmpty()).isTrue();
        assertThat(records.count()).isZero();
        assertThat(records.iterator().hasNext()).isFalse();
    }

    private static ConsumerRecord record(TopicPartition partition, long offset) {
        return new ConsumerRecord(partition.topic(), partition.partition(), offset, 0L, null,
                new byte[] {(byte) offset}, List.of());
    }
}
