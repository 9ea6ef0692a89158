package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidMQ;
import io.lucidmq.log.SegmentFiles;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.ChildJvm;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.topic.TopicConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Torn and zero-filled tails at engine level, recovered by the next writable open. */
class TornTailTest {

    private static final TopicConfig CONFIG = new TopicConfig(1, 64 * 1024, 1024, -1, -1, null);
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @TempDir
    Path logs;

    private Path segment(long baseOffset) {
        return SegmentFiles.logFile(directory.resolve("topics/t/0"), baseOffset);
    }

    private void writeThreeRecords() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t", CONFIG);
            for (int i = 0; i < 3; i++) {
                mq.producer().send(ProducerRecord.of("t", "r" + i));
            }
        }
    }

    private List<String> values() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            return EngineTestSupport.readAll(mq, "t").stream().map(ConsumerRecord::valueAsString)
                    .toList();
        }
    }

    @Test
    void cutTailThenKillKeepsDenseOffsets() throws Exception {
        writeThreeRecords();
        Path file = segment(0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 7);
        }

        try (ChildJvm child = ChildJvm.start(AppendAndHoldMain.class, logs.resolve("child.err"),
                directory.toString(), "t", "n2", "n3")) {
            assertThat(child.awaitLine(line -> line.startsWith("END "), CHILD_TIMEOUT))
                    .isEqualTo("END 2");
            assertThat(child.awaitLine(line -> line.startsWith("APPENDED "), CHILD_TIMEOUT))
                    .isEqualTo("APPENDED 2");
            assertThat(child.awaitLine(line -> line.startsWith("APPENDED "), CHILD_TIMEOUT))
                    .isEqualTo("APPENDED 3");
            child.awaitLine("HOLDING"::equals, CHILD_TIMEOUT);
            child.kill();
        }

        try (LucidMQ mq = LucidMQ.open(directory)) {
            List<ConsumerRecord> records = EngineTestSupport.readAll(mq, "t");
            assertThat(records).extracting(ConsumerRecord::offset)
                    .containsExactly(0L, 1L, 2L, 3L);
            assertThat(records).extracting(ConsumerRecord::valueAsString)
                    .containsExactly("r0", "r1", "n2", "n3");
        }
    }

    @Test
    void zeroTailAndZeroNextSegmentAreCut() throws IOException {
        writeThreeRecords();
        Path file = segment(0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4096), channel.size());
        }
        Files.write(segment(3), new byte[4096]);
        Files.deleteIfExists(file.resolveSibling(SegmentFiles.CLEAN_SHUTDOWN_FILE));

        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(mq.describeTopic("t").orElseThrow().partitions().get(0).endOffset())
                    .isEqualTo(3);
            assertThat(mq.producer().send(ProducerRecord.of("t", "r3")).offset()).isEqualTo(3);
        }
        assertThat(values()).containsExactly("r0", "r1", "r2", "r3");
    }

    @Test
    void zeroTailAfterCleanCloseIsCut() throws IOException {
        writeThreeRecords();
        Path file = segment(0);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4096), channel.size());
        }
        Files.write(segment(3), new byte[4096]);

        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(mq.producer().send(ProducerRecord.of("t", "r3")).offset()).isEqualTo(3);
        }
        assertThat(values()).containsExactly("r0", "r1", "r2", "r3");
    }
}
