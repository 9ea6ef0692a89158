package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.log.SegmentFiles;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.Header;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.topic.TopicConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Null and empty keys and values survive a reopen as distinct values, and a flipped byte in a
 * stored key is caught by the batch checksum.
 */
class NullAndEmptyFieldsTest {

    @TempDir
    Path directory;

    @Test
    void nullAndEmptyRoundTripDistinct() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t");
            mq.producer().sendAll(List.of(
                    ProducerRecord.builder("t").key((byte[]) null).value((byte[]) null).build(),
                    ProducerRecord.builder("t").key(new byte[0]).value(new byte[0]).build(),
                    ProducerRecord.builder("t").key((byte[]) null).value(new byte[0])
                            .header("h", (byte[]) null).header("e", new byte[0]).build(),
                    ProducerRecord.builder("t").key(new byte[0]).value((byte[]) null).build()));
        }

        try (LucidMQ mq = LucidMQ.open(directory)) {
            List<ConsumerRecord> records = EngineTestSupport.readAll(mq, "t");
            assertThat(records).hasSize(4);
            assertThat(records.get(0).key()).isNull();
            assertThat(records.get(0).value()).isNull();
            assertThat(records.get(1).key()).isEmpty();
            assertThat(records.get(1).value()).isEmpty();
            assertThat(records.get(2).key()).isNull();
            assertThat(records.get(2).value()).isEmpty();
            assertThat(records.get(2).headers()).containsExactly(Header.of("h", (byte[]) null),
                    Header.of("e", new byte[0]));
            assertThat(records.get(3).key()).isEmpty();
            assertThat(records.get(3).value()).isNull();
        }
    }

    @Test
    void flippedKeyByteFailsChecksum() throws IOException {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t", new TopicConfig(1, 1024, 512, -1, -1, null));
            for (int i = 0; i < 12; i++) {
                mq.producer().send(ProducerRecord.builder("t").key("key-" + i)
                        .value("v".repeat(200)).build());
            }
        }
        Path sealed = SegmentFiles.logFile(directory.resolve("topics/t/0"), 0);
        byte[] bytes = Files.readAllBytes(sealed);
        int key = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("key-0");
        bytes[key + 4] ^= 1;
        Files.write(sealed, bytes);

        try (LucidMQ mq = LucidMQ.open(directory);
                Consumer reader = mq.consumer(ConsumerConfig.reader()
                        .assign(new TopicPartition("t", 0)).build())) {
            assertThatThrownBy(() -> reader.poll(Duration.ofSeconds(5)))
                    .isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining(sealed.toAbsolutePath().toString())
                    .hasMessageContaining("byte 0")
                    .hasMessageContaining("CRC32C");
            assertThat(reader.position(new TopicPartition("t", 0))).isZero();
        }
    }
}
