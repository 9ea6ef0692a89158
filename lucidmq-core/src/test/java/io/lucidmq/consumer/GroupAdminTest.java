package io.lucidmq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.GroupActiveException;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupAdminTest {

    private static final TopicPartition A0 = new TopicPartition("a", 0);
    private static final TopicPartition A1 = new TopicPartition("a", 1);
    private static final TopicPartition B0 = new TopicPartition("b", 0);

    @TempDir
    Path directory;

    private LucidMQ mq;

    @BeforeEach
    void open() {
        mq = LucidMQ.open(directory);
        mq.createTopic("a", TopicConfig.defaults().withPartitions(2));
        mq.createTopic("b");
        Producer producer = mq.producer();
        for (int i = 0; i < 10; i++) {
            producer.send(ProducerRecord.builder("a").partition(i % 2).value("v").build());
            producer.send(ProducerRecord.of("b", "v"));
        }
    }

    @AfterEach
    void close() {
        mq.close();
    }

    @Test
    void describeShowsCommittedOffsetsLagAndMembers() {
        mq.resetGroupOffsets("billing", Map.of(A0, 2L, B0, 10L));
        try (Consumer member = mq.consumer(ConsumerConfig.group("billing").topics("a")
                .build())) {
            member.poll(Duration.ofMillis(50));

            GroupDescription group = mq.describeGroup("billing").orElseThrow();

            assertThat(group.activeMembers()).isEqualTo(1);
            assertThat(group.partitions()).extracting(GroupPartitionState::topicPartition)
                    .containsExactly(A0, A1, B0);
            GroupPartitionState a0 = group.partitions().get(0);
            assertThat(a0.committedOffset()).isEqualTo(OptionalLong.of(2));
            assertThat(a0.startOffset()).isZero();
            assertThat(a0.endOffset()).isEqualTo(5);
            assertThat(a0.lag()).isEqualTo(3);
            GroupPartitionState a1 = group.partitions().get(1);
            assertThat(a1.committedOffset()).isEmpty();
            assertThat(a1.lag()).isEqualTo(5);
            assertThat(group.partitions().get(2).lag()).isZero();
            assertThat(group.totalLag()).isEqualTo(8);
        }
        assertThat(mq.describeGroup("billing").orElseThrow().activeMembers()).isZero();
        assertThat(mq.describeGroup("unknown")).isEmpty();
    }

    @Test
    void listGroupsIsSortedAndSurvivesReopen() {
        mq.resetGroupOffsets("zeta", Map.of(A0, 1L));
        mq.resetGroupOffsets("alpha", Map.of(B0, 1L));
        assertThat(mq.listGroups()).containsExactly("alpha", "zeta");

        mq.close();
        mq = LucidMQ.open(directory);

        assertThat(mq.listGroups()).containsExactly("alpha", "zeta");
    }

    @Test
    void activeMemberBlocksResetAndDelete() {
        Consumer member = mq.consumer(ConsumerConfig.group("busy").topics("a").build());

        assertThatThrownBy(() -> mq.resetGroupOffsets("busy", Map.of(A0, 0L)))
                .isInstanceOf(GroupActiveException.class)
                .hasMessageContaining("busy")
                .hasMessageContaining("1 active members");
        assertThatThrownBy(() -> mq.deleteGroupOffsets("busy", List.of()))
                .isInstanceOf(GroupActiveException.class);

        member.close();
        mq.resetGroupOffsets("busy", Map.of(A0, 0L));
        assertThat(mq.describeGroup("busy").orElseThrow().partitions().get(0)
                .committedOffset()).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void resetValidatesOffsetsAndKeepsOtherPartitions() {
        mq.resetGroupOffsets("g", Map.of(A0, 1L, A1, 1L));
        mq.resetGroupOffsets("g", Map.of(A0, 3L));

        assertThatThrownBy(() -> mq.resetGroupOffsets("g", Map.of(A0, 6L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("end offset 5");
        assertThatThrownBy(() -> mq.resetGroupOffsets("g", Map.of(A0, -2L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        GroupDescription group = mq.describeGroup("g").orElseThrow();
        assertThat(group.partitions().get(0).committedOffset()).isEqualTo(OptionalLong.of(3));
        assertThat(group.partitions().get(1).committedOffset()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void deleteOffsetsOfOneTopicOrAll() {
        mq.resetGroupOffsets("g", Map.of(A0, 1L, B0, 1L));

        mq.deleteGroupOffsets("g", List.of("a"));
        assertThat(mq.describeGroup("g").orElseThrow().partitions())
                .extracting(GroupPartitionState::topicPartition).containsExactly(B0);

        mq.deleteGroupOffsets("g", List.of());
        assertThat(mq.listGroups()).isEmpty();
        assertThat(mq.describeGroup("g")).isEmpty();
        assertThat(directory.resolve("groups/g")).doesNotExist();

        try (Consumer member = mq.consumer(ConsumerConfig.group("g").topics("b").build())) {
            assertThat(member.poll(Duration.ofSeconds(5)).count()).isEqualTo(10);
        }
    }

    @Test
    void groupsAreIndependent() {
        try (Consumer first = mq.consumer(ConsumerConfig.group("one").topics("b").build());
                Consumer second = mq.consumer(ConsumerConfig.group("two").topics("b").build())) {
            assertThat(first.poll(Duration.ofSeconds(5)).count()).isEqualTo(10);
            first.commitSync();
            assertThat(second.poll(Duration.ofSeconds(5)).count()).isEqualTo(10);
            assertThat(second.committed(B0)).isEmpty();
            assertThat(first.committed(B0)).isEqualTo(OptionalLong.of(10));
        }
    }
}
