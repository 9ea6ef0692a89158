package io.lucidmq.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.ConsumerRecords;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyInstanceTest {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    @TempDir
    Path directory;

    @Test
    void readerSeesWriterAppendsWithinBoundedDelay() throws Exception {
        try (LucidMQ writer = LucidMQ.open(directory)) {
            writer.createTopic("feed", EngineTestSupport.smallSegments(1, 2048));
            Producer producer = writer.producer();
            producer.send(ProducerRecord.of("feed", "before"));

            try (LucidMQ reader = openReadOnly();
                    Consumer consumer = reader.consumer(ConsumerConfig.reader()
                            .assign(new TopicPartition("feed", 0)).build())) {
                assertThat(consumer.poll(Duration.ofSeconds(5)))
                        .extracting(ConsumerRecord::valueAsString).containsExactly("before");

                List<String> seen = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    producer.send(ProducerRecord.of("feed", "after-" + i));
                }
                long start = System.nanoTime();
                while (seen.size() < 60) {
                    ConsumerRecords records = consumer.poll(Duration.ofSeconds(5));
                    assertThat(records.isEmpty()).as("poll returned nothing after %s", seen)
                            .isFalse();
                    records.forEach(record -> seen.add(record.valueAsString()));
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                assertThat(seen).first().isEqualTo("after-0");
                assertThat(seen).last().isEqualTo("after-59");
                assertThat(millis).isLessThan(3_000);
                assertThat(reader.describeTopic("feed").orElseThrow().partitions().get(0)
                        .segmentCount()).isGreaterThan(1);
            }
        }
    }

    @Test
    void readerPicksUpNewAndDeletedTopics() {
        try (LucidMQ writer = LucidMQ.open(directory);
                LucidMQ reader = openReadOnly()) {
            assertThat(reader.listTopics()).isEmpty();

            writer.createTopic("later");
            writer.producer().send(ProducerRecord.of("later", "x"));
            Awaitility.await().atMost(5, TimeUnit.SECONDS)
                    .until(() -> reader.listTopics().contains("later"));
            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() ->
                    reader.describeTopic("later").orElseThrow().partitions().get(0)
                            .endOffset() == 1);

            writer.deleteTopic("later");
            Awaitility.await().atMost(5, TimeUnit.SECONDS)
                    .until(() -> reader.listTopics().isEmpty());
        }
    }

    @Test
    void readOnlyInstanceWritesNothing() throws Exception {
        try (LucidMQ writer = LucidMQ.open(directory)) {
            writer.createTopic("t");
            writer.producer().send(ProducerRecord.of("t", "x"));
        }
        List<String> before = listing();

        try (LucidMQ reader = openReadOnly()) {
            assertThat(EngineTestSupport.readAll(reader, "t")).hasSize(1);
        }

        assertThat(listing()).isEqualTo(before);
    }

    private LucidMQ openReadOnly() {
        return LucidMQ.open(LucidConfig.builder(directory).readOnly(true)
                .externalPollInterval(POLL_INTERVAL).build());
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.map(path -> directory.relativize(path) + " "
                    + (Files.isRegularFile(path) ? size(path) + " " + modified(path) : ""))
                    .sorted().toList();
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
