package io.lucidmq.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.LucidStorageException;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicMetadataRecoveryTest {

    private static final TopicConfig DEFAULTS = TopicConfig.defaults()
            .withRetentionMs(3_600_000).withRetentionBytes(100_000_000);

    /** The rebuilt configuration: the defaults with retention off, so nothing is deleted. */
    private static final TopicConfig REBUILT =
            DEFAULTS.withRetentionBytes(-1).withRetentionMs(-1);

    @TempDir
    Path directory;

    @Test
    void codecRoundTripsEveryField() {
        TopicConfig config = new TopicConfig(7, 4096, 1000, 123_456, 789,
                DurabilityPolicy.INTERVAL);
        Path file = directory.resolve("topic.meta");

        assertThat(TopicMetadata.decode(TopicMetadata.encode(config), file)).isEqualTo(config);
        TopicConfig inherited = config.withDurability(null);
        assertThat(TopicMetadata.decode(TopicMetadata.encode(inherited), file))
                .isEqualTo(inherited);
        assertThat(new String(TopicMetadata.encode(config), StandardCharsets.UTF_8))
                .startsWith("lucidmq-topic 1\npartitions=7\n")
                .contains("durability=INTERVAL\n");
    }

    @Test
    void codecRejectsFlippedByteNamingFile() {
        byte[] bytes = TopicMetadata.encode(TopicConfig.defaults());
        bytes[20] ^= 1;
        Path file = directory.resolve("topic.meta");

        assertThatThrownBy(() -> TopicMetadata.decode(bytes, file))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void deletedMetadataIsRebuiltFromPartitionDirectories() throws Exception {
        createTopicWithRecords(4);
        Files.delete(metaFile());

        try (LucidMQ mq = open()) {
            TopicDescription description = mq.describeTopic("t").orElseThrow();
            assertThat(description.config()).isEqualTo(REBUILT.withPartitions(4));
            assertThat(EngineTestSupport.readAll(mq, "t")).hasSize(8);
        }
        assertThat(TopicMetadata.read(metaFile())).isEqualTo(REBUILT.withPartitions(4));
    }

    @Test
    void zeroedMetadataIsRebuilt() throws Exception {
        createTopicWithRecords(3);
        Files.write(metaFile(), new byte[(int) Files.size(metaFile())]);

        try (LucidMQ mq = open()) {
            assertThat(mq.describeTopic("t").orElseThrow().partitions()).hasSize(3);
            assertThat(EngineTestSupport.readAll(mq, "t")).hasSize(6);
        }
    }

    @Test
    void damagedMetadataWithoutPartitionsFailsNamingFile() throws Exception {
        Files.createDirectories(directory.resolve("topics/t"));
        Files.writeString(metaFile(), "garbage");

        assertThatThrownBy(this::open)
                .isInstanceOf(LucidStorageException.class)
                .hasMessageContaining(metaFile().toString());
    }

    @Test
    void interruptedCreateAndDeleteAreCleanedUp() throws Exception {
        createTopicWithRecords(2);
        Path topics = directory.resolve("topics");
        Files.move(topics.resolve("t"), topics.resolve("t~deleted"));
        Files.createDirectories(topics.resolve("half-created"));
        Files.writeString(topics.resolve("half-created/topic.meta.tmp"), "partial");

        try (LucidMQ mq = open()) {
            assertThat(mq.listTopics()).isEmpty();
        }
        assertThat(topics.resolve("t~deleted")).doesNotExist();
        assertThat(topics.resolve("half-created")).doesNotExist();
    }

    private void createTopicWithRecords(int partitions) {
        try (LucidMQ mq = open()) {
            mq.createTopic("t", TopicConfig.defaults().withPartitions(partitions));
            for (int i = 0; i < partitions * 2; i++) {
                mq.producer().send(ProducerRecord.of("t", "v" + i));
            }
        }
    }

    private LucidMQ open() {
        return LucidMQ.open(LucidConfig.builder(directory).defaultTopicConfig(DEFAULTS)
                .build());
    }

    private Path metaFile() {
        return directory.resolve("topics/t/topic.meta");
    }
}
