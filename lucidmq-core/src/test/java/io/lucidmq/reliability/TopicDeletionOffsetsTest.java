package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic deleted after a group committed offsets for it, interrupted after the deletion's
 * commit point: a topic created again with the same name must not inherit the old offsets.
 */
class TopicDeletionOffsetsTest {

    private static final TopicPartition PARTITION = new TopicPartition("t", 0);

    @TempDir
    Path directory;

    private static void createWithRecords(LucidMQ mq) {
        mq.createTopic("t");
        for (int i = 0; i < 10; i++) {
            mq.producer().send(ProducerRecord.of("t", "r" + i));
        }
    }

    private static void commit(LucidMQ mq, long offset) {
        try (Consumer member = mq.consumer(ConsumerConfig.group("g").topics("t").build())) {
            member.commitSync(Map.of(PARTITION, offset));
        }
    }

    private static long firstPolledOffset(LucidMQ mq) {
        try (Consumer member = mq.consumer(ConsumerConfig.group("g").topics("t").build())) {
            List<ConsumerRecord> records = new ArrayList<>();
            member.poll(Duration.ofSeconds(10)).forEach(records::add);
            assertThat(records).as("records polled by the group").isNotEmpty();
            return records.get(0).offset();
        }
    }

    @Test
    void crashAfterDeletionCommitDropsOffsets() throws IOException {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            createWithRecords(mq);
            commit(mq, 5);
        }
        Path topics = directory.resolve("topics");
        Files.move(topics.resolve("t"), topics.resolve("t~deleted"));

        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(mq.listTopics()).isEmpty();
            assertThat(mq.listGroups()).isEmpty();
            createWithRecords(mq);
            assertThat(firstPolledOffset(mq)).isZero();
        }
    }

    @Test
    void failedCleanupAfterDeletionCommitDropsOffsets() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO).build())) {
            createWithRecords(mq);
            commit(mq, 5);
            fileIO.fail(Operation.DELETE, 1, true,
                    path -> path.toString().contains("~deleted"), FaultInjectingFileIO.NO_SPACE);

            assertThat(mq.deleteTopic("t")).isTrue();
            fileIO.clearFaults();

            assertThat(mq.listGroups()).isEmpty();
            createWithRecords(mq);
            assertThat(firstPolledOffset(mq)).isZero();
        }
        assertThat(directory.resolve("topics/t~deleted")).exists();
        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(firstPolledOffset(mq)).isZero();
        }
        assertThat(directory.resolve("topics/t~deleted")).doesNotExist();
    }
}
