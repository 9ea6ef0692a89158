package io.lucidmq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.OffsetOutOfRangeException;
import io.lucidmq.TopicPartition;
import io.lucidmq.UnknownTopicException;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerCommitTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    @TempDir
    Path directory;

    @Test
    void committedGroupResumesAfterLastCommitAcrossReopen() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t", TopicConfig.defaults().withPartitions(2));
            send(mq, 20);
            try (Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t")
                    .maxPollRecords(6).build())) {
                int read = 0;
                while (read < 12) {
                    read += consumer.poll(Duration.ofSeconds(5)).count();
                }
                consumer.commitSync();
                consumer.poll(Duration.ofSeconds(5));
                assertThat(consumer.committed(P0).getAsLong()
                        + consumer.committed(P1).getAsLong()).isEqualTo(read);
            }
        }

        try (LucidMQ mq = LucidMQ.open(directory)) {
            Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t").build());
            long committed = consumer.committed(P0).getAsLong() + consumer.committed(P1)
                    .getAsLong();
            List<ConsumerRecord> rest = new ArrayList<>();
            while (rest.size() < 20 - committed) {
                consumer.poll(Duration.ofSeconds(5)).forEach(rest::add);
            }
            for (ConsumerRecord record : rest) {
                assertThat(record.offset()).isGreaterThanOrEqualTo(
                        consumer.committed(record.topicPartition()).getAsLong());
            }
            assertThat(consumer.poll(Duration.ofMillis(50)).isEmpty()).isTrue();
            assertThat(consumer.position(P0) + consumer.position(P1)).isEqualTo(20);
        }
    }

    @Test
    void explicitOffsetsAreValidatedAndStored() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t", TopicConfig.defaults().withPartitions(2));
            send(mq, 10);
            Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t").build());

            consumer.commitSync(Map.of(P0, 3L, P1, 5L));
            assertThat(consumer.committed(P0)).isEqualTo(OptionalLong.of(3));
            assertThat(consumer.committed(P1)).isEqualTo(OptionalLong.of(5));

            assertThatThrownBy(() -> consumer.commitSync(Map.of(P0, -1L)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset -1 for partition t-0");
            assertThatThrownBy(() -> consumer.commitSync(Map.of(P0, 6L)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset 6")
                    .hasMessageContaining("end offset 5");
            assertThatThrownBy(() -> consumer.commitAsync(Map.of(new TopicPartition("t", 2), 0L)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("partition 2");
            assertThatThrownBy(() -> consumer.commitSync(Map.of(new TopicPartition("x", 0), 0L)))
                    .isInstanceOf(UnknownTopicException.class);
            assertThat(consumer.committed(P0)).isEqualTo(OptionalLong.of(3));
        }
    }

    @Test
    void commitAsyncCompletesAndIsDurable() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");
            send(mq, 4);
            Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t").build());
            assertThat(consumer.poll(Duration.ofSeconds(5)).count()).isEqualTo(4);

            assertThat(consumer.commitAsync()).succeedsWithin(Duration.ofSeconds(5));
            assertThat(consumer.commitAsync(Map.of(P0, 2L))).succeedsWithin(Duration.ofSeconds(5));
            assertThat(consumer.committed(P0)).isEqualTo(OptionalLong.of(2));
        }
        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(mq.describeGroup("g").orElseThrow().partitions().get(0).committedOffset())
                    .isEqualTo(OptionalLong.of(2));
        }
    }

    @Test
    void newGroupStartsAtLatestWhenConfigured() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");
            send(mq, 5);
            Consumer latest = mq.consumer(ConsumerConfig.group("late").topics("t")
                    .offsetReset(OffsetResetPolicy.LATEST).build());
            Consumer earliest = mq.consumer(ConsumerConfig.group("early").topics("t").build());

            assertThat(latest.poll(Duration.ofMillis(100)).isEmpty()).isTrue();
            assertThat(latest.position(P0)).isEqualTo(5);
            assertThat(earliest.poll(Duration.ofSeconds(5)).count()).isEqualTo(5);

            mq.producer().send(ProducerRecord.of("t", "new"));
            assertThat(latest.poll(Duration.ofSeconds(5)))
                    .extracting(ConsumerRecord::valueAsString).containsExactly("new");
        }
    }

    @Test
    void noneResetWithoutCommittedOffsetFailsPoll() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");
            Consumer consumer = mq.consumer(ConsumerConfig.group("strict").topics("t")
                    .offsetReset(OffsetResetPolicy.NONE).build());

            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(1)))
                    .isInstanceOf(OffsetOutOfRangeException.class)
                    .hasMessageContaining("t-0")
                    .hasMessageContaining("NONE");
            consumer.seek(P0, 0);
            assertThat(consumer.poll(Duration.ofMillis(50)).isEmpty()).isTrue();
        }
    }

    @Test
    void plainReaderCannotCommit() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");
            Consumer reader = mq.consumer(ConsumerConfig.reader().assign(P0).build());

            assertThat(reader.groupId()).isNull();
            assertThat(reader.committed(P0)).isEmpty();
            assertThatThrownBy(reader::commitSync).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("plain reader");
            assertThatThrownBy(() -> reader.commitAsync(Map.of(P0, 0L)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void readOnlyMemberReadsButCannotCommit() {
        try (LucidMQ writer = LucidMQ.open(directory)) {
            writer.createTopic("t");
            send(writer, 3);
            writer.resetGroupOffsets("g", Map.of(P0, 2L));

            try (LucidMQ reader = LucidMQ.open(LucidConfig.builder(directory).readOnly(true)
                    .build())) {
                Consumer member = reader.consumer(ConsumerConfig.group("g").topics("t").build());
                assertThat(member.poll(Duration.ofSeconds(5)))
                        .extracting(ConsumerRecord::offset).containsExactly(2L);
                assertThat(reader.listGroups()).containsExactly("g");
                assertThatThrownBy(member::commitSync).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("read-only");

                writer.resetGroupOffsets("h", Map.of(P0, 1L));
                assertThat(reader.listGroups()).containsExactly("g", "h");
            }
        }
    }

    @Test
    void queuedAsyncCommitsMerge() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        int commits = 5_000;
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO).build())) {
            mq.createTopic("t", TopicConfig.defaults().withPartitions(2));
            send(mq, 10);
            try (Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t")
                    .build())) {
                consumer.poll(Duration.ofSeconds(5));
                long movesBefore = fileIO.count(Operation.MOVE);
                List<CompletableFuture<Void>> futures = new ArrayList<>();
                for (int i = 0; i < commits; i++) {
                    futures.add(consumer.commitAsync(Map.of(P0, (long) i % 6, P1,
                            (long) (i + 1) % 5)));
                }
                futures.add(consumer.commitAsync(Map.of(P0, 5L)));
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

                // Each write replaces the offsets file by a rename; merged commits share one.
                assertThat(fileIO.count(Operation.MOVE) - movesBefore).isLessThan(commits / 2);
                assertThat(consumer.committed(P0)).hasValue(5);
                assertThat(consumer.committed(P1)).hasValue((long) commits % 5);
            }
        }
        try (LucidMQ mq = LucidMQ.open(directory)) {
            Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t").build());
            assertThat(consumer.committed(P0)).hasValue(5);
            assertThat(consumer.committed(P1)).hasValue((long) commits % 5);
        }
    }

    private static void send(LucidMQ mq, int count) {
        Producer producer = mq.producer();
        for (int i = 0; i < count; i++) {
            producer.send(ProducerRecord.of("t", "v" + i));
        }
    }
}
