package io.lucidmq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.LucidException;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.UnknownTopicException;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerPollTest {

    private static final Duration LONG_TIMEOUT = Duration.ofSeconds(30);
    private static final TopicPartition PARTITION = new TopicPartition("t", 0);

    @TempDir
    Path directory;

    @Test
    void pollWakesOnAppendLongBeforeTimeout() throws Exception {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");
            Producer producer = mq.producer();
            try (Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t").build())) {
                assertThat(consumer.poll(Duration.ofMillis(50)).isEmpty()).isTrue();
                CountDownLatch polling = new CountDownLatch(1);
                CompletableFuture<ConsumerRecords> result = CompletableFuture.supplyAsync(() -> {
                    polling.countDown();
                    return consumer.poll(LONG_TIMEOUT);
                });
                polling.await();
                Awaitility.await().pollDelay(Duration.ofMillis(100)).until(() -> true);
                long sent = System.nanoTime();

                producer.send(ProducerRecord.of("t", "hello"));

                ConsumerRecords records = result.get(10, TimeUnit.SECONDS);
                long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                assertThat(records).extracting(ConsumerRecord::valueAsString)
                        .containsExactly("hello");
                assertThat(waitedMillis).isLessThan(2_000);
            }
        }
    }

    /**
     * Two threads hand records back and forth through two topics, each polling for the
     * other's record right after sending its own, so every append races the receiver's step
     * from its empty fetch into the wait. A poll that misses an append waits out its timeout
     * and returns empty, and the round fails.
     */
    @Test
    void pingPongPollNeverMissesAnAppend() throws Exception {
        int rounds = 2_000;
        Duration roundTimeout = Duration.ofSeconds(10);
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("ping");
            mq.createTopic("pong");
            Producer producer = mq.producer();
            Consumer pings = mq.consumer(ConsumerConfig.reader()
                    .assign(new TopicPartition("ping", 0)).build());
            Consumer pongs = mq.consumer(ConsumerConfig.reader()
                    .assign(new TopicPartition("pong", 0)).build());
            CompletableFuture<Long> responder = CompletableFuture.supplyAsync(() -> {
                for (long round = 0; round < rounds; round++) {
                    ConsumerRecords records = pings.poll(roundTimeout);
                    if (records.count() != 1
                            || records.iterator().next().offset() != round) {
                        return round;
                    }
                    producer.send(ProducerRecord.of("pong", "pong " + round));
                }
                return -1L;
            });

            long failedRound = -1;
            for (long round = 0; round < rounds && failedRound < 0; round++) {
                producer.send(ProducerRecord.of("ping", "ping " + round));
                ConsumerRecords records = pongs.poll(roundTimeout);
                if (records.count() != 1
                        || records.iterator().next().offset() != round) {
                    failedRound = round;
                }
            }

            assertThat(failedRound).as("first round the requester missed").isEqualTo(-1);
            assertThat(responder.get(30, TimeUnit.SECONDS)).as("first round the responder missed")
                    .isEqualTo(-1);
            pings.close();
            pongs.close();
        }
    }

    @Test
    void wakeupUnblocksPoll() throws Exception {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");
            Consumer consumer = mq.consumer(ConsumerConfig.reader().assign(PARTITION).build());
            CountDownLatch polling = new CountDownLatch(1);
            CompletableFuture<ConsumerRecords> result = CompletableFuture.supplyAsync(() -> {
                polling.countDown();
                return consumer.poll(LONG_TIMEOUT);
            });
            polling.await();
            Awaitility.await().pollDelay(Duration.ofMillis(100)).until(() -> true);
            long woken = System.nanoTime();

            consumer.wakeup();

            assertThat(result.get(10, TimeUnit.SECONDS).isEmpty()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - woken))
                    .isLessThan(2_000);
            consumer.wakeup();
            assertThat(consumer.poll(LONG_TIMEOUT).isEmpty()).isTrue();
            consumer.close();
        }
    }

    @Test
    void instanceCloseEndsBlockedPoll() throws Exception {
        LucidMQ mq = LucidMQ.open(directory);
        mq.createTopic("t");
        Consumer consumer = mq.consumer(ConsumerConfig.reader().assign(PARTITION).build());
        CompletableFuture<ConsumerRecords> result =
                CompletableFuture.supplyAsync(() -> consumer.poll(LONG_TIMEOUT));
        Awaitility.await().pollDelay(Duration.ofMillis(100)).until(() -> true);

        mq.close();

        assertThat(result.get(10, TimeUnit.SECONDS).isEmpty()).isTrue();
        assertThatThrownBy(() -> consumer.poll(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void interruptedPollRestoresFlag() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");
            Consumer consumer = mq.consumer(ConsumerConfig.reader().assign(PARTITION).build());
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> consumer.poll(LONG_TIMEOUT))
                        .isInstanceOf(LucidException.class)
                        .hasCauseInstanceOf(InterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void pollHonoursMaxPollRecords() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t", TopicConfig.defaults().withPartitions(2));
            Producer producer = mq.producer();
            for (int i = 0; i < 30; i++) {
                producer.send(ProducerRecord.builder("t").partition(i % 2).value("v" + i)
                        .build());
            }
            try (Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t")
                    .maxPollRecords(7).build())) {
                int total = 0;
                for (int i = 0; i < 4; i++) {
                    ConsumerRecords records = consumer.poll(Duration.ofSeconds(5));
                    assertThat(records.count()).isEqualTo(7);
                    total += records.count();
                }
                total += consumer.poll(Duration.ofSeconds(5)).count();

                assertThat(total).isEqualTo(30);
                assertThat(consumer.poll(Duration.ofMillis(20)).isEmpty()).isTrue();
                assertThat(consumer.position(new TopicPartition("t", 0))).isEqualTo(15);
                assertThat(consumer.position(new TopicPartition("t", 1))).isEqualTo(15);
            }
        }
    }

    @Test
    void readerOfMissingTopicOrPartitionIsRejected() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");

            assertThatThrownBy(() -> mq.consumer(ConsumerConfig.reader()
                    .assign(new TopicPartition("missing", 0)).build()))
                    .isInstanceOf(UnknownTopicException.class)
                    .hasMessageContaining("missing");
            assertThatThrownBy(() -> mq.consumer(ConsumerConfig.reader()
                    .assign(new TopicPartition("t", 3)).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("partition 3");
            assertThatThrownBy(() -> mq.consumer(ConsumerConfig.reader().assign(PARTITION)
                    .build()).poll(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
