package io.lucidmq.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.TopicPartition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RangeAssignorTest {

    @Test
    void splitsPartitionsIntoRangesInJoinOrder() {
        List<RangeAssignor.Member> members = List.of(
                new RangeAssignor.Member("m1", List.of("t")),
                new RangeAssignor.Member("m2", List.of("t")),
                new RangeAssignor.Member("m3", List.of("t")));

        Map<TopicPartition, String> owners = RangeAssignor.assign(members, topic -> 7);

        assertThat(owners).hasSize(7);
        assertThat(owners).containsEntry(new TopicPartition("t", 0), "m1")
                .containsEntry(new TopicPartition("t", 2), "m1")
                .containsEntry(new TopicPartition("t", 3), "m2")
                .containsEntry(new TopicPartition("t", 4), "m2")
                .containsEntry(new TopicPartition("t", 5), "m3")
                .containsEntry(new TopicPartition("t", 6), "m3");
    }

    @Test
    void subscribersOnlyShareTopic() {
        List<RangeAssignor.Member> members = List.of(
                new RangeAssignor.Member("m1", List.of("a", "b")),
                new RangeAssignor.Member("m2", List.of("b")),
                new RangeAssignor.Member("m3", List.of("b")));

        Map<TopicPartition, String> owners = RangeAssignor.assign(members, topic -> 2);

        assertThat(owners).containsEntry(new TopicPartition("a", 0), "m1")
                .containsEntry(new TopicPartition("a", 1), "m1")
                .containsEntry(new TopicPartition("b", 0), "m1")
                .containsEntry(new TopicPartition("b", 1), "m2");
        assertThat(owners).doesNotContainValue("m3");
    }

    @Test
    void missingTopicHasNoPartitions() {
        Map<TopicPartition, String> owners = RangeAssignor.assign(
                List.of(new RangeAssignor.Member("m1", List.of("later"))), topic -> 0);

        assertThat(owners).isEmpty();
    }
}
