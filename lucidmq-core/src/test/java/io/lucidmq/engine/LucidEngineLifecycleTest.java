package io.lucidmq.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.DirectoryLockedException;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.LucidStorageException;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LucidEngineLifecycleTest {

    @TempDir
    Path directory;

    @Test
    void openCreatesMissingDirectoryAndLayout() {
        Path nested = directory.resolve("a/b/data");
        try (LucidMQ mq = LucidMQ.open(nested)) {
            assertThat(mq.directory()).isEqualTo(nested.toAbsolutePath().normalize());
            assertThat(mq.isReadOnly()).isFalse();
        }
        assertThat(nested.resolve("lucidmq.lock")).isRegularFile();
        assertThat(nested.resolve("topics")).isDirectory();
        assertThat(nested.resolve("groups")).isDirectory();
    }

    @Test
    void openUnderRegularFileFailsNamingPath() throws Exception {
        Path file = Files.writeString(directory.resolve("plain-file"), "not a directory");
        Path impossible = file.resolve("data");

        assertThatThrownBy(() -> LucidMQ.open(impossible))
                .isInstanceOf(LucidStorageException.class)
                .hasMessageContaining(impossible.toString());
    }

    @Test
    void readOnlyMissingDirectoryFails() {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> LucidMQ.open(LucidConfig.builder(missing).readOnly(true).build()))
                .isInstanceOf(LucidStorageException.class)
                .hasMessageContaining(missing.toString());
        assertThat(missing).doesNotExist();
    }

    @Test
    void useAfterCloseThrowsIllegalState() {
        LucidMQ mq = LucidMQ.open(directory);
        mq.createTopic("t");
        Producer producer = mq.producer();
        Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t").build());
        mq.close();
        mq.close();

        TopicPartition partition = new TopicPartition("t", 0);
        List<Runnable> calls = List.of(
                () -> mq.createTopic("u"),
                () -> mq.describeTopic("t"),
                mq::listTopics,
                () -> mq.deleteTopic("t"),
                mq::producer,
                () -> mq.consumer(ConsumerConfig.reader().assign(partition).build()),
                mq::listGroups,
                () -> mq.describeGroup("g"),
                () -> mq.resetGroupOffsets("g", Map.of(partition, 0L)),
                () -> mq.deleteGroupOffsets("g", List.of()),
                mq::enforceRetention,
                mq::flush,
                () -> producer.send(ProducerRecord.of("t", "x")),
                () -> producer.sendAsync(ProducerRecord.of("t", "x")),
                () -> producer.sendAll(List.of(ProducerRecord.of("t", "x"))),
                () -> consumer.poll(Duration.ZERO),
                consumer::commitSync,
                () -> consumer.endOffset(partition));
        for (int i = 0; i < calls.size(); i++) {
            assertThatThrownBy(calls.get(i)::run).as("call %d", i)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closedProducerRejectsSendsButInstanceStaysOpen() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            Producer producer = mq.producer();
            producer.close();
            producer.close();

            assertThatThrownBy(() -> producer.send(ProducerRecord.of("t", "x")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("producer is closed");
            assertThat(mq.producer().send(ProducerRecord.of("t", "x")).offset()).isZero();
        }
    }

    @Test
    void secondWriterInJvmRejected() {
        try (LucidMQ first = LucidMQ.open(directory)) {
            assertThatThrownBy(() -> LucidMQ.open(directory))
                    .isInstanceOf(DirectoryLockedException.class)
                    .hasMessageContaining(directory.toAbsolutePath().toString());

            try (LucidMQ reader = LucidMQ.open(LucidConfig.builder(directory).readOnly(true)
                    .build())) {
                assertThat(reader.isReadOnly()).isTrue();
            }
            assertThat(first.listTopics()).isEmpty();
        }
        try (LucidMQ again = LucidMQ.open(directory)) {
            assertThat(again.listTopics()).isEmpty();
        }
    }

    @Test
    void readOnlyInstanceRejectsWrites() {
        try (LucidMQ writer = LucidMQ.open(directory)) {
            writer.createTopic("t");
        }
        try (LucidMQ reader = LucidMQ.open(LucidConfig.builder(directory).readOnly(true)
                .build())) {
            assertThatThrownBy(reader::producer).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
            assertThatThrownBy(() -> reader.createTopic("u"))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> reader.deleteTopic("t"))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(reader.listTopics()).containsExactly("t");
        }
    }

    @Test
    void backgroundThreadsStopOnClose() throws InterruptedException {
        List<Thread> before = lucidThreads();
        LucidMQ mq = LucidMQ.open(directory);
        List<Thread> threads = lucidThreads().stream()
                .filter(thread -> !before.contains(thread)).toList();
        assertThat(threads).extracting(Thread::getName)
                .anyMatch(name -> name.startsWith("lucidmq-retention-"))
                .anyMatch(name -> name.startsWith("lucidmq-interval-flusher-"))
                .anyMatch(name -> name.startsWith("lucidmq-sync-flusher-"));
        assertThat(threads).allMatch(Thread::isDaemon);

        mq.close();

        // A pool's worker thread may still be returning when its pool reports termination.
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(thread.isAlive()).as("thread %s", thread.getName()).isFalse();
        }
    }

    private static List<Thread> lucidThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("lucidmq-"))
                .toList();
    }
}
