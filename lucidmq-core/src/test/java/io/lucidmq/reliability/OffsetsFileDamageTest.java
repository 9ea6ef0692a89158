package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.LucidMQ;
import io.lucidmq.LucidStorageException;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group's offsets file emptied or cut in half: the group resumes at the commit kept in the
 * previous copy, or the open fails naming the file. It never restarts from offset 0.
 */
class OffsetsFileDamageTest {

    private static final TopicPartition PARTITION = new TopicPartition("t", 0);

    @TempDir
    Path directory;

    private Path offsets() {
        return directory.resolve("groups/g/offsets");
    }

    private Path previousOffsets() {
        return directory.resolve("groups/g/offsets.prev");
    }

    /** Writes 20 records and commits 5, 10 and 15. */
    private void commitThreeTimes() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");
            for (int i = 0; i < 20; i++) {
                mq.producer().send(ProducerRecord.of("t", "r" + i));
            }
            try (Consumer member = mq.consumer(ConsumerConfig.group("g").topics("t").build())) {
                for (long offset : new long[] {5, 10, 15}) {
                    member.commitSync(Map.of(PARTITION, offset));
                }
            }
        }
    }

    /** Returns the offset of the first record a new member of the group polls. */
    private static long firstPolledOffset(LucidMQ mq) {
        try (Consumer member = mq.consumer(ConsumerConfig.group("g").topics("t").build())) {
            List<ConsumerRecord> records = new ArrayList<>();
            member.poll(Duration.ofSeconds(10)).forEach(records::add);
            assertThat(records).as("records polled by the group").isNotEmpty();
            return records.get(0).offset();
        }
    }

    @Test
    void emptiedOffsetsResumeFromPreviousCopy() throws IOException {
        commitThreeTimes();
        Files.write(offsets(), new byte[0]);

        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(firstPolledOffset(mq)).isEqualTo(10);
        }
    }

    @Test
    void halvedOffsetsResumeFromPreviousCopy() throws IOException {
        commitThreeTimes();
        try (FileChannel channel = FileChannel.open(offsets(), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(firstPolledOffset(mq)).isEqualTo(10);
        }
    }

    @Test
    void emptiedThenHalvedOffsetsFailNamingFile() throws IOException {
        commitThreeTimes();
        Files.write(offsets(), new byte[0]);
        try (FileChannel channel = FileChannel.open(previousOffsets(),
                StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThatThrownBy(() -> mq.describeGroup("g"))
                    .isInstanceOf(LucidStorageException.class)
                    .hasMessageContaining(offsets().toString())
                    .hasMessageContaining(previousOffsets().toString());
        }
    }

    @Test
    void resumedGroupCommitsAgainOverDamage() throws IOException {
        commitThreeTimes();
        Files.write(offsets(), new byte[0]);

        try (LucidMQ mq = LucidMQ.open(directory);
                Consumer member = mq.consumer(ConsumerConfig.group("g").topics("t").build())) {
            member.commitSync(Map.of(PARTITION, 12L));
        }
        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(firstPolledOffset(mq)).isEqualTo(12);
        }
    }
}
