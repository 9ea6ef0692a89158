package io.lucidmq.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.OffsetOutOfRangeException;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.OffsetResetPolicy;
import io.lucidmq.consumer.RebalanceListener;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.MutableClock;
import io.lucidmq.topic.PartitionDescription;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    private static final TopicPartition PARTITION = new TopicPartition("t", 0);
    private static final long HOUR_MS = 3_600_000;

    @TempDir
    Path directory;

    private final List<long[]> resets = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2031-05-01T00:00:00Z"));

    @Test
    void retentionByBytesResetsLiveConsumerToEarliest() {
        try (LucidMQ mq = open(Duration.ofHours(1))) {
            mq.createTopic("t", new TopicConfig(1, 2048, 512, 4096, -1, null));
            send(mq, 0, 200);
            Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t")
                    .maxPollRecords(5).rebalanceListener(recordingListener()).build());
            assertThat(consumer.poll(Duration.ofSeconds(5)).count()).isEqualTo(5);

            int deleted = mq.enforceRetention();

            PartitionDescription partition = describe(mq);
            assertThat(deleted).isPositive();
            assertThat(partition.startOffset()).isGreaterThan(5);
            assertThat(partition.sizeInBytes()).isLessThanOrEqualTo(4096 + 2048);
            List<ConsumerRecord> next = consumer.poll(Duration.ofSeconds(5)).records(PARTITION);
            assertThat(next.get(0).offset()).isEqualTo(partition.startOffset());
            assertThat(resets).hasSize(1);
            assertThat(resets.get(0)).containsExactly(5, partition.startOffset());
        }
    }

    @Test
    void retentionByAgeResetsCommittedGroupToLatest() {
        try (LucidMQ mq = open(Duration.ofHours(1))) {
            mq.createTopic("t", new TopicConfig(1, 2048, 512, -1, HOUR_MS, null));
            send(mq, 0, 100);
            try (Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t")
                    .maxPollRecords(3).build())) {
                consumer.poll(Duration.ofSeconds(5));
                consumer.commitSync();
            }
            clock.advance(Duration.ofHours(2));
            send(mq, 100, 60);

            assertThat(mq.enforceRetention()).isPositive();

            long start = describe(mq).startOffset();
            assertThat(start).isGreaterThan(3).isLessThanOrEqualTo(100);
            Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t")
                    .offsetReset(OffsetResetPolicy.LATEST).rebalanceListener(recordingListener())
                    .build());
            assertThat(consumer.poll(Duration.ofMillis(100)).isEmpty()).isTrue();
            assertThat(consumer.position(PARTITION)).isEqualTo(160);
            assertThat(resets).hasSize(1);
            assertThat(resets.get(0)).containsExactly(3, 160);
        }
    }

    @Test
    void noneResetFailsPollOnDeletedPosition() {
        try (LucidMQ mq = open(Duration.ofHours(1))) {
            mq.createTopic("t", new TopicConfig(1, 2048, 512, 4096, -1, null));
            send(mq, 0, 200);
            Consumer reader = mq.consumer(ConsumerConfig.reader().assign(PARTITION)
                    .offsetReset(OffsetResetPolicy.NONE).build());
            reader.seek(PARTITION, 0);
            mq.enforceRetention();

            assertThatThrownBy(() -> reader.poll(Duration.ofSeconds(1)))
                    .isInstanceOf(OffsetOutOfRangeException.class)
                    .hasMessageContaining("position 0");
        }
    }

    @Test
    void schedulerAppliesRetentionInBackground() {
        try (LucidMQ mq = open(Duration.ofMillis(50))) {
            mq.createTopic("t", new TopicConfig(1, 2048, 512, 4096, -1, null));
            send(mq, 0, 200);

            Awaitility.await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> describe(mq).startOffset() > 0);
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .anyMatch(name -> name.startsWith("lucidmq-retention-"));
        }
    }

    private LucidMQ open(Duration retentionCheckInterval) {
        return LucidMQ.open(LucidConfig.builder(directory).clock(clock)
                .retentionCheckInterval(retentionCheckInterval).build());
    }

    private RebalanceListener recordingListener() {
        return new RebalanceListener() {
            @Override
            public void onOffsetReset(TopicPartition partition, long fromOffset,
                    long toOffset) {
                resets.add(new long[] {fromOffset, toOffset});
            }
        };
    }

    private static void send(LucidMQ mq, int first, int count) {
        Producer producer = mq.producer();
        for (int i = first; i < first + count; i++) {
            producer.send(ProducerRecord.of("t", "record-" + i + "-" + "x".repeat(40)));
        }
    }

    private static PartitionDescription describe(LucidMQ mq) {
        return mq.describeTopic("t").orElseThrow().partitions().get(0);
    }
}
