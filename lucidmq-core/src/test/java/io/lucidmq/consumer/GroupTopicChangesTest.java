package io.lucidmq.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupTopicChangesTest {

    private static final TopicPartition PARTITION = new TopicPartition("later", 0);

    @TempDir
    Path directory;

    @Test
    void memberGetsTopicCreatedAfterItJoined() {
        try (LucidMQ mq = LucidMQ.open(directory);
                Consumer member = mq.consumer(ConsumerConfig.group("g").topics("later")
                        .build())) {
            assertThat(member.poll(Duration.ofMillis(50)).isEmpty()).isTrue();
            assertThat(member.assignment()).isEmpty();

            mq.producer().send(ProducerRecord.of("later", "first"));

            assertThat(member.poll(Duration.ofSeconds(5)))
                    .extracting(ConsumerRecord::valueAsString).containsExactly("first");
            assertThat(member.assignment()).containsExactly(PARTITION);
        }
    }

    @Test
    void deletedTopicIsRevokedFromMember() {
        List<Collection<TopicPartition>> revoked = new CopyOnWriteArrayList<>();
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.producer().send(ProducerRecord.of("later", "x"));
            Consumer member = mq.consumer(ConsumerConfig.group("g").topics("later")
                    .rebalanceListener(new RebalanceListener() {
                        @Override
                        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                            revoked.add(List.copyOf(partitions));
                        }
                    }).build());
            assertThat(member.poll(Duration.ofSeconds(5)).count()).isEqualTo(1);

            mq.deleteTopic("later");

            assertThat(member.poll(Duration.ofMillis(50)).isEmpty()).isTrue();
            assertThat(member.assignment()).isEmpty();
            assertThat(revoked).containsExactly(List.of(PARTITION));
            member.close();
            assertThat(revoked).hasSize(1);
        }
    }
}
