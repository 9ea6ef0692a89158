package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.topic.PartitionDescription;
import io.lucidmq.topic.TopicConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic metadata deleted or zeroed after a crash: the reopen rebuilds what the log can
 * tell, the partitions and their next offsets, and keeps every record.
 */
class TopicMetadataLossTest {

    private static final TopicConfig DEFAULTS = new TopicConfig(1, 4096, 1024, -1, -1, null);

    @TempDir
    Path temp;

    /** Writes records of {@code valueBytes} to 3 partitions and returns a crash copy. */
    private Path crashedTopic(TopicConfig config, int valueBytes) {
        Path live = temp.resolve("live");
        try (LucidMQ mq = LucidMQ.open(config(live))) {
            mq.createTopic("t", config);
            for (int i = 0; i < 30; i++) {
                mq.producer().send(ProducerRecord.builder("t").partition(i % 3)
                        .key("k" + i).value("v".repeat(valueBytes)).build());
            }
            return DirectoryCopy.copy(live, temp.resolve("crashed"));
        }
    }

    private static LucidConfig config(Path directory) {
        return LucidConfig.builder(directory).defaultTopicConfig(DEFAULTS).build();
    }

    private static void assertRebuilt(Path directory, int valueBytes) {
        try (LucidMQ mq = LucidMQ.open(config(directory))) {
            List<PartitionDescription> partitions = mq.describeTopic("t").orElseThrow()
                    .partitions();
            assertThat(partitions).hasSize(3);
            assertThat(partitions).extracting(PartitionDescription::endOffset)
                    .containsExactly(10L, 10L, 10L);
            List<ConsumerRecord> records = EngineTestSupport.readAll(mq, "t");
            assertThat(records).hasSize(30);
            assertThat(records).allSatisfy(record ->
                    assertThat(record.value()).hasSize(valueBytes));
            assertThat(mq.producer().send(ProducerRecord.builder("t").partition(1)
                    .value("next").build()).offset()).isEqualTo(10);
        }
    }

    @Test
    void deletedMetadataRebuiltWithNextOffsets() throws IOException {
        Path crashed = crashedTopic(DEFAULTS.withPartitions(3), 300);
        Files.delete(crashed.resolve("topics/t/topic.meta"));

        assertRebuilt(crashed, 300);
    }

    @Test
    void zeroedMetadataRebuiltWithNextOffsets() throws IOException {
        Path crashed = crashedTopic(DEFAULTS.withPartitions(3), 300);
        Path meta = crashed.resolve("topics/t/topic.meta");
        Files.write(meta, new byte[(int) Files.size(meta)]);

        assertRebuilt(crashed, 300);
    }

    @Test
    void deletedMetadataKeepsRecordsAboveDefaultMaximum() throws IOException {
        Path crashed = crashedTopic(new TopicConfig(3, 64 * 1024, 8192, -1, -1, null), 5000);
        Files.delete(crashed.resolve("topics/t/topic.meta"));

        assertRebuilt(crashed, 5000);
    }
}
