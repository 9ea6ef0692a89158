package io.lucidmq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerSeekTest {

    private static final TopicPartition PARTITION = new TopicPartition("t", 0);
    private static final long BASE_TIME = 1_800_000_000_000L;
    private static final int RECORDS = 300;

    @TempDir
    Path directory;

    private LucidMQ mq;
    private Consumer consumer;

    @BeforeEach
    void openWithRecordsAcrossSegments() {
        mq = LucidMQ.open(directory);
        mq.createTopic("t", EngineTestSupport.smallSegments(1, 2048));
        Producer producer = mq.producer();
        for (int i = 0; i < RECORDS; i++) {
            producer.send(ProducerRecord.builder("t").value("value-" + i)
                    .timestamp(BASE_TIME + i * 1000L).build());
        }
        assertThat(mq.describeTopic("t").orElseThrow().partitions().get(0).segmentCount())
                .isGreaterThan(3);
        consumer = mq.consumer(ConsumerConfig.reader().assign(PARTITION).maxPollRecords(5)
                .build());
    }

    @AfterEach
    void close() {
        mq.close();
    }

    @Test
    void seekToOffsetInLaterSegment() {
        consumer.seek(PARTITION, 250);

        List<ConsumerRecord> records = consumer.poll(Duration.ofSeconds(5)).records(PARTITION);

        assertThat(records).extracting(ConsumerRecord::offset)
                .containsExactly(250L, 251L, 252L, 253L, 254L);
        assertThat(records.get(0).valueAsString()).isEqualTo("value-250");
        assertThat(consumer.position(PARTITION)).isEqualTo(255);
    }

    @Test
    void seekToBeginningAndEnd() {
        consumer.seekToEnd(List.of(PARTITION));
        assertThat(consumer.position(PARTITION)).isEqualTo(RECORDS);
        assertThat(consumer.lag(PARTITION)).isZero();
        assertThat(consumer.poll(Duration.ofMillis(50)).isEmpty()).isTrue();

        consumer.seekToBeginning(List.of(PARTITION));
        assertThat(consumer.position(PARTITION)).isZero();
        assertThat(consumer.lag(PARTITION)).isEqualTo(RECORDS);
        assertThat(consumer.poll(Duration.ofSeconds(5)).records(PARTITION).get(0).offset())
                .isZero();
        assertThat(consumer.lag(PARTITION)).isEqualTo(RECORDS - 5);
    }

    @Test
    void seekToTimeFindsFirstLaterRecord() {
        long position = consumer.seekToTime(PARTITION, Instant.ofEpochMilli(
                BASE_TIME + 123_500));

        assertThat(position).isEqualTo(124);
        assertThat(consumer.poll(Duration.ofSeconds(5)).records(PARTITION).get(0)
                .valueAsString()).isEqualTo("value-124");
        assertThat(consumer.seekToTime(PARTITION, Instant.ofEpochMilli(0))).isZero();
        assertThat(consumer.seekToTime(PARTITION, Instant.ofEpochMilli(BASE_TIME + 10_000_000)))
                .isEqualTo(RECORDS);
    }

    @Test
    void offsetsAndLagOfAnyPartition() {
        assertThat(consumer.beginningOffset(PARTITION)).isZero();
        assertThat(consumer.endOffset(PARTITION)).isEqualTo(RECORDS);
        consumer.seek(PARTITION, 100);
        assertThat(consumer.lag(PARTITION)).isEqualTo(RECORDS - 100);
        assertThat(consumer.assignment()).containsExactly(PARTITION);
    }

    @Test
    void seekBeyondEndIsResetAtNextPoll() {
        consumer.seek(PARTITION, RECORDS + 50);

        List<ConsumerRecord> records = consumer.poll(Duration.ofSeconds(5)).records(PARTITION);

        assertThat(records.get(0).offset()).isZero();
    }

    @Test
    void seekValidatesArguments() {
        assertThatThrownBy(() -> consumer.seek(PARTITION, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        TopicPartition other = new TopicPartition("t", 1);
        assertThatThrownBy(() -> consumer.seek(other, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not assigned");
        assertThatThrownBy(() -> consumer.seekToBeginning(List.of(other)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> consumer.lag(other)).isInstanceOf(IllegalStateException.class);
    }
}
