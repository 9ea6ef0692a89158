package io.lucidmq.sample.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.GroupPartitionState;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.sample.reading.Reading;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommittedOffsetsTest {

    private static final String GROUP = "stats-aggregator";
    private static final TopicPartition P0 = new TopicPartition("readings", 0);
    private static final TopicPartition P1 = new TopicPartition("readings", 1);

    @TempDir
    Path directory;

    private static void append(LucidMQ lucid, int partition, int count) {
        for (int i = 0; i < count; i++) {
            lucid.producer().send(ProducerRecord.builder("readings").partition(partition)
                    .value("{}").build());
        }
    }

    private static OptionalLong committed(LucidMQ lucid, TopicPartition partition) {
        return lucid.describeGroup(GROUP).orElseThrow().partitions().stream()
                .filter(state -> state.topicPartition().equals(partition))
                .map(GroupPartitionState::committedOffset)
                .findFirst().orElseThrow();
    }

    @Test
    void committedAheadOfSnapshotMovesBack() {
        try (LucidMQ lucid = LucidMQ.open(directory)) {
            lucid.createTopic("readings", TopicConfig.defaults().withPartitions(3));
            append(lucid, 0, 5);
            append(lucid, 1, 3);
            lucid.resetGroupOffsets(GROUP, Map.of(P0, 5L, P1, 1L));
            StatisticsState state = new StatisticsState(StatisticsSnapshot.EMPTY, 60, 10);
            Reading reading = new Reading("h", "m", 1, Instant.EPOCH);
            state.apply(0, 0, reading);
            state.apply(0, 1, reading);
            state.apply(1, 2, reading);

            CommittedOffsets.moveBackTo(lucid, GROUP, "readings", state);

            assertThat(committed(lucid, P0)).hasValue(2);
            assertThat(committed(lucid, P1)).hasValue(1);
        }
    }

    @Test
    void committedBehindSnapshotIsKept() {
        try (LucidMQ lucid = LucidMQ.open(directory)) {
            lucid.createTopic("readings", TopicConfig.defaults().withPartitions(3));
            append(lucid, 0, 4);
            lucid.resetGroupOffsets(GROUP, Map.of(P0, 1L));
            StatisticsState state = new StatisticsState(
                    new StatisticsSnapshot(StatisticsSnapshot.FORMAT_VERSION, Map.of(0, 4L),
                            java.util.List.of()), 60, 10);

            CommittedOffsets.moveBackTo(lucid, GROUP, "readings", state);

            assertThat(committed(lucid, P0)).hasValue(1);
        }
    }

    @Test
    void unknownGroupIsLeftAlone() {
        try (LucidMQ lucid = LucidMQ.open(directory)) {
            StatisticsState state = new StatisticsState(StatisticsSnapshot.EMPTY, 60, 10);

            CommittedOffsets.moveBackTo(lucid, GROUP, "readings", state);

            assertThat(lucid.describeGroup(GROUP)).isEmpty();
        }
    }
}
