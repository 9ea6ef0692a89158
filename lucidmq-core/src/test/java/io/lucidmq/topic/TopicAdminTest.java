package io.lucidmq.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicExistsException;
import io.lucidmq.TopicNameConflictException;
import io.lucidmq.TopicPartition;
import io.lucidmq.UnknownTopicException;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicAdminTest {

    @TempDir
    Path directory;

    @Test
    void createIsIdempotentForSameConfig() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            TopicConfig config = TopicConfig.defaults().withPartitions(3);
            TopicDescription first = mq.createTopic("orders", config);
            mq.producer().send(ProducerRecord.builder("orders").partition(1).value("x").build());
            TopicDescription second = mq.createTopic("orders", config);

            assertThat(first.partitions()).hasSize(3);
            assertThat(second.config()).isEqualTo(config);
            assertThat(second.partitions().get(1).endOffset()).isEqualTo(1);
        }
    }

    @Test
    void createWithDifferentConfigNamesBothConfigs() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("orders", TopicConfig.defaults().withPartitions(3));

            assertThatThrownBy(() -> mq.createTopic("orders",
                    TopicConfig.defaults().withPartitions(4)))
                    .isInstanceOf(TopicExistsException.class)
                    .hasMessageContaining("partitions=3")
                    .hasMessageContaining("partitions=4");
        }
    }

    @Test
    void listDescribeAndDelete() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("b", EngineTestSupport.smallSegments(2, 1024));
            mq.createTopic("a");
            Producer producer = mq.producer();
            for (int i = 0; i < 40; i++) {
                producer.send(ProducerRecord.builder("b").partition(0).value("record-" + i)
                        .build());
            }

            assertThat(mq.listTopics()).containsExactly("a", "b");
            TopicDescription b = mq.describeTopic("b").orElseThrow();
            PartitionDescription first = b.partitions().get(0);
            assertThat(first.partition()).isZero();
            assertThat(first.startOffset()).isZero();
            assertThat(first.endOffset()).isEqualTo(40);
            assertThat(first.recordCount()).isEqualTo(40);
            assertThat(first.segmentCount()).isGreaterThan(1);
            assertThat(first.sizeInBytes()).isGreaterThan(40 * 8);
            assertThat(b.partitions().get(1).endOffset()).isZero();
            assertThat(mq.describeTopic("missing")).isEmpty();

            assertThat(mq.deleteTopic("b")).isTrue();
            assertThat(mq.deleteTopic("b")).isFalse();
            assertThat(mq.listTopics()).containsExactly("a");
            assertThat(directory.resolve("topics/b")).doesNotExist();
            assertThat(directory.resolve("topics/b~deleted")).doesNotExist();
        }
        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(mq.listTopics()).containsExactly("a");
        }
    }

    @Test
    void deleteDropsGroupOffsetsOfTopic() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("gone");
            mq.createTopic("kept");
            Producer producer = mq.producer();
            producer.send(ProducerRecord.of("gone", "x"));
            producer.send(ProducerRecord.of("kept", "y"));
            mq.resetGroupOffsets("g", Map.of(new TopicPartition("gone", 0), 1L,
                    new TopicPartition("kept", 0), 1L));

            mq.deleteTopic("gone");

            assertThat(mq.describeGroup("g").orElseThrow().partitions())
                    .extracting(state -> state.topicPartition().topic())
                    .containsExactly("kept");
            mq.createTopic("gone");
            assertThat(mq.describeTopic("gone").orElseThrow().partitions().get(0).endOffset())
                    .isZero();
        }
        try (LucidMQ mq = LucidMQ.open(directory)) {
            try (var consumer = mq.consumer(ConsumerConfig.group("g").topics("gone").build())) {
                assertThat(consumer.committed(new TopicPartition("gone", 0))).isEmpty();
            }
        }
    }

    @Test
    void autoCreateOnFirstSendUsesDefaults() {
        TopicConfig defaults = TopicConfig.defaults().withPartitions(2)
                .withDurability(DurabilityPolicy.OS);
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory)
                .defaultTopicConfig(defaults).build())) {
            mq.producer().send(ProducerRecord.of("fresh", "x"));

            assertThat(mq.describeTopic("fresh").orElseThrow().config()).isEqualTo(defaults);
        }
    }

    @Test
    void autoCreateOffRejectsUnknownTopic() {
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).autoCreateTopics(false)
                .build())) {
            Producer producer = mq.producer();

            assertThatThrownBy(() -> producer.send(ProducerRecord.of("nope", "x")))
                    .isInstanceOf(UnknownTopicException.class)
                    .hasMessageContaining("nope")
                    .hasMessageContaining("autoCreateTopics");
            assertThat(producer.sendAsync(ProducerRecord.of("nope", "x")))
                    .failsWithin(java.time.Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(UnknownTopicException.class);
            assertThat(mq.listTopics()).isEmpty();
        }
    }

    @Test
    void createNameDifferingOnlyInCaseRejected() throws IOException {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("Orders");

            assertThatThrownBy(() -> mq.createTopic("orders"))
                    .isInstanceOf(TopicNameConflictException.class)
                    .hasMessageContaining("'orders'")
                    .hasMessageContaining("'Orders'")
                    .hasMessageContaining("case-insensitive file system")
                    .satisfies(e -> {
                        TopicNameConflictException conflict = (TopicNameConflictException) e;
                        assertThat(conflict.topic()).isEqualTo("orders");
                        assertThat(conflict.existingTopic()).isEqualTo("Orders");
                    });
            assertThatThrownBy(() -> mq.createTopic("ORDERS", TopicConfig.defaults()
                    .withPartitions(2)))
                    .isInstanceOf(TopicNameConflictException.class);
            assertThat(mq.listTopics()).containsExactly("Orders");
            assertThat(topicDirectoryNames()).containsExactly("Orders");
        }
    }

    @Test
    void autoCreateNameDifferingOnlyInCaseRejected() throws IOException {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("orders");
            Producer producer = mq.producer();

            assertThatThrownBy(() -> producer.send(ProducerRecord.of("Orders", "x")))
                    .isInstanceOf(TopicNameConflictException.class)
                    .hasMessageContaining("'Orders'")
                    .hasMessageContaining("'orders'");
            assertThat(producer.sendAsync(ProducerRecord.of("ORDERS", "x")))
                    .failsWithin(java.time.Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(TopicNameConflictException.class);
            assertThatThrownBy(() -> producer.sendAll(List.of(ProducerRecord.of("orders", "a"),
                    ProducerRecord.of("oRdErS", "b"))))
                    .isInstanceOf(TopicNameConflictException.class);
            assertThat(mq.listTopics()).containsExactly("orders");
            assertThat(topicDirectoryNames()).containsExactly("orders");
            assertThat(mq.describeTopic("orders").orElseThrow().partitions().get(0).endOffset())
                    .isZero();
        }
    }

    @Test
    void storedNamesDifferingOnlyInCaseStillOpen() throws IOException {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.producer().send(ProducerRecord.of("Orders", "upper"));
            mq.producer().send(ProducerRecord.of("other", "lower"));
        }
        // A case-sensitive file system, as on Linux, allows both directories side by side.
        Path topicsDirectory = directory.resolve("topics");
        Files.move(topicsDirectory.resolve("other"), topicsDirectory.resolve("orders"));

        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(mq.listTopics()).containsExactly("Orders", "orders");
            mq.producer().send(ProducerRecord.of("Orders", "upper-2"));
            mq.producer().send(ProducerRecord.of("orders", "lower-2"));

            assertThat(EngineTestSupport.readAll(mq, "Orders"))
                    .extracting(ConsumerRecord::valueAsString)
                    .containsExactly("upper", "upper-2");
            assertThat(EngineTestSupport.readAll(mq, "orders"))
                    .extracting(ConsumerRecord::valueAsString)
                    .containsExactly("lower", "lower-2");
            assertThatThrownBy(() -> mq.createTopic("ORDERS"))
                    .isInstanceOf(TopicNameConflictException.class);
        }
    }

    @Test
    void topicNamesAndGroupIdsAreValidated() {
        String longest = "t".repeat(249);
        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(mq.createTopic(longest).name()).isEqualTo(longest);
            assertThat(mq.consumer(ConsumerConfig.group("g".repeat(249)).topics(longest)
                    .build()).groupId()).hasSize(249);

            for (String bad : List.of("t".repeat(250), ".", "..", "a/b", "", "sp ace", "x~y")) {
                assertThatThrownBy(() -> mq.createTopic(bad)).as("topic '%s'", bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'" + bad + "'");
                assertThatThrownBy(() -> mq.producer().send(ProducerRecord.of(bad, "x")))
                        .as("send to '%s'", bad)
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> ConsumerConfig.group(bad)).as("group '%s'", bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'" + bad + "'");
                assertThatThrownBy(() -> mq.describeGroup(bad)).as("describe group '%s'", bad)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(mq.listTopics()).containsExactly(longest);
        }
    }

    private List<String> topicDirectoryNames() throws IOException {
        try (Stream<Path> children = Files.list(directory.resolve("topics"))) {
            return children.map(child -> child.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void invalidTopicConfigNamesValue() {
        assertThatThrownBy(() -> TopicConfig.defaults().withPartitions(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitions must be at least 1, but was 0");
        assertThatThrownBy(() -> TopicConfig.defaults().withRetentionBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retentionBytes");
    }
}
