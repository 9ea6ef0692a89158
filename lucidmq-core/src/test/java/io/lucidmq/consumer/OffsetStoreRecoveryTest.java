package io.lucidmq.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.LucidStorageException;
import io.lucidmq.TopicPartition;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetStoreRecoveryTest {

    private static final TopicPartition PARTITION = new TopicPartition("t", 0);

    @TempDir
    Path directory;

    private Path offsets;
    private Path previous;

    @BeforeEach
    void commitTwice() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");
            Producer producer = mq.producer();
            for (int i = 0; i < 10; i++) {
                producer.send(ProducerRecord.of("t", "v" + i));
            }
            try (Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t").build())) {
                consumer.commitSync(Map.of(PARTITION, 4L));
                consumer.commitSync(Map.of(PARTITION, 7L));
            }
        }
        offsets = directory.resolve("groups/g/offsets");
        previous = directory.resolve("groups/g/offsets.prev");
    }

    @Test
    void codecRoundTripsAndStartsWithHeader() {
        TreeMap<TopicPartition, Long> map = new TreeMap<>(Map.of(PARTITION, 3L,
                new TopicPartition("u.v-w_x", 12), 99L));
        byte[] bytes = OffsetsFile.encode(new OffsetsFile.Content("g", 5, map));

        OffsetsFile.Content decoded = OffsetsFile.decode(bytes, offsets);

        assertThat(decoded.groupId()).isEqualTo("g");
        assertThat(decoded.sequence()).isEqualTo(5);
        assertThat(decoded.offsets()).isEqualTo(map);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .startsWith("lucidmq-offsets 1\ngroup=g\nsequence=5\nt/0=3\nu.v-w_x/12=99\n");
    }

    @Test
    void commitKeepsPreviousCopy() {
        assertThat(OffsetsFile.read(offsets).offsets()).containsEntry(PARTITION, 7L);
        assertThat(OffsetsFile.read(previous).offsets()).containsEntry(PARTITION, 4L);
        assertThat(OffsetsFile.read(offsets).sequence())
                .isEqualTo(OffsetsFile.read(previous).sequence() + 1);
    }

    @Test
    void damagedOffsetsResumeFromPreviousCopy() throws Exception {
        byte[] bytes = Files.readAllBytes(offsets);
        Files.write(offsets, Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(committedAfterReopen()).isEqualTo(OptionalLong.of(4));
    }

    @Test
    void emptyOffsetsResumeFromPreviousCopy() throws Exception {
        Files.write(offsets, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);

        assertThat(committedAfterReopen()).isEqualTo(OptionalLong.of(4));
    }

    @Test
    void missingOffsetsAfterInterruptedCommitUsePreviousCopy() throws Exception {
        Files.delete(offsets);

        assertThat(committedAfterReopen()).isEqualTo(OptionalLong.of(4));
    }

    @Test
    void bothCopiesDamagedFailUsesOfGroupNamingFiles() throws Exception {
        flipByte(offsets);
        flipByte(previous);

        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(mq.listGroups()).containsExactly("g");
            assertThatThrownBy(() -> mq.describeGroup("g"))
                    .isInstanceOf(LucidStorageException.class)
                    .hasMessageContaining(offsets.toString())
                    .hasMessageContaining(previous.toString())
                    .hasMessageContaining("checksum mismatch")
                    .hasMessageContaining("group g")
                    .hasMessageContaining("delete both files")
                    .hasMessageContaining("offsetReset policy");
            assertThatThrownBy(() -> mq.consumer(ConsumerConfig.group("g").topics("t").build()))
                    .isInstanceOf(LucidStorageException.class)
                    .hasMessageContaining(offsets.toString());
            assertThatThrownBy(() -> mq.resetGroupOffsets("g", Map.of(PARTITION, 1L)))
                    .isInstanceOf(LucidStorageException.class)
                    .hasMessageContaining(offsets.toString());
        }
        assertThat(Files.readAllBytes(offsets)).isNotEmpty();
        try (LucidMQ again = openAfterFixing()) {
            assertThat(again.listGroups()).isEmpty();
        }
    }

    @Test
    void bothCopiesDamagedLeaveOtherGroupsWorking() throws Exception {
        try (LucidMQ mq = LucidMQ.open(directory);
                Consumer other = mq.consumer(ConsumerConfig.group("h").topics("t").build())) {
            other.commitSync(Map.of(PARTITION, 2L));
        }
        flipByte(offsets);
        flipByte(previous);

        try (LucidMQ mq = LucidMQ.open(directory);
                Consumer other = mq.consumer(ConsumerConfig.group("h").topics("t").build())) {
            assertThat(other.committed(PARTITION)).isEqualTo(OptionalLong.of(2));
            other.commitSync(Map.of(PARTITION, 3L));
            assertThat(mq.describeGroup("h")).isPresent();
            assertThat(mq.listGroups()).containsExactly("g", "h");
        }
    }

    @Test
    void deletingDamagedGroupRestartsItWithoutOffsets() throws Exception {
        flipByte(offsets);
        flipByte(previous);

        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.deleteGroupOffsets("g", List.of());

            assertThat(mq.listGroups()).isEmpty();
            assertThat(mq.describeGroup("g")).isEmpty();
            try (Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t")
                    .build())) {
                assertThat(consumer.committed(PARTITION)).isEmpty();
            }
        }
        assertThat(offsets).doesNotExist();
        assertThat(previous).doesNotExist();
    }

    @Test
    void damagedOffsetsWithoutPreviousCopyFailUsesOfGroup() throws Exception {
        Files.delete(previous);
        flipByte(offsets);

        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThatThrownBy(() -> mq.describeGroup("g"))
                    .isInstanceOf(LucidStorageException.class)
                    .hasMessageContaining(offsets.toString())
                    .hasMessageContaining("no previous copy");
        }
    }

    @Test
    void failedRenameKeepsCommittedOffsets() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO).build());
                Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t").build())) {
            fileIO.fail(Operation.MOVE, 1, true,
                    path -> path.getFileName().toString().startsWith("offsets"),
                    FaultInjectingFileIO.NO_SPACE);

            assertThatThrownBy(() -> consumer.commitSync(Map.of(PARTITION, 9L)))
                    .isInstanceOf(LucidStorageException.class)
                    .hasMessageContaining("group g");
            assertThat(consumer.committed(PARTITION)).isEqualTo(OptionalLong.of(7));
            fileIO.clearFaults();
        }
        assertThat(committedAfterReopen()).isEqualTo(OptionalLong.of(7));
    }

    private OptionalLong committedAfterReopen() {
        try (LucidMQ mq = LucidMQ.open(directory);
                Consumer consumer = mq.consumer(ConsumerConfig.group("g").topics("t").build())) {
            return consumer.committed(PARTITION);
        }
    }

    private LucidMQ openAfterFixing() throws Exception {
        Files.delete(offsets);
        Files.delete(previous);
        Files.delete(offsets.getParent());
        return LucidMQ.open(directory);
    }

    private static void flipByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 0x20;
        Files.write(file, bytes);
    }
}
