package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.PartitionFailedException;
import io.lucidmq.inspect.LogInspector;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.topic.TopicConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rolls under {@link DurabilityPolicy#OS}, where no send forces: the sealer alone forces a
 * full segment, cuts its preallocated zeros, writes its indexes and moves the recovery point,
 * while the instance stays open and appends go on.
 */
class BackgroundSealTest {

    private static final int SEGMENT_BYTES = 64 * 1024;
    private static final TopicConfig ROLLING = new TopicConfig(1, SEGMENT_BYTES, 4096, -1, -1,
            DurabilityPolicy.OS);

    @TempDir
    Path directory;

    private static ProducerRecord record(long sequence) {
        return ProducerRecord.builder("t").key("k" + sequence).value("v".repeat(200)).build();
    }

    @Test
    void sealerTrimsAndIndexesWhileOpen() throws IOException {
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory)
                .durability(DurabilityPolicy.OS).build())) {
            mq.createTopic("t", ROLLING);
            Producer producer = mq.producer();
            for (int i = 0; i < 2000; i++) {
                producer.send(record(i));
            }
            Path partition = LogInspector.partitionDirectories(directory).get(0);
            assertThat(logFiles(partition)).hasSizeGreaterThan(4);

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Path> logs = logFiles(partition);
                for (Path sealed : logs.subList(0, logs.size() - 1)) {
                    assertThat(Files.size(sealed)).as("size of %s", sealed)
                            .isEqualTo(batchBytes(sealed));
                    String base = sealed.getFileName().toString().replace(".log", "");
                    assertThat(partition.resolve(base + ".index")).exists();
                    assertThat(partition.resolve(base + ".timeindex")).exists();
                }
                assertThat(LogInspector.verify(directory)).isEmpty();
            });
            assertThat(EngineTestSupport.readAll(mq, "t")).hasSize(2000);
        }
    }

    @Test
    void failedSealForceLosesNothing() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        AtomicLong acknowledged = new AtomicLong();
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO)
                .durability(DurabilityPolicy.OS).build())) {
            mq.createTopic("t", ROLLING);
            fileIO.fail(Operation.FORCE, 1, true, null, FaultInjectingFileIO.NO_SPACE);
            Producer producer = mq.producer();

            // The first roll queues a seal whose force fails; sends fail from then on.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            PartitionFailedException failure = null;
            while (failure == null && System.nanoTime() < deadline) {
                try {
                    producer.send(record(acknowledged.get()));
                    acknowledged.incrementAndGet();
                } catch (PartitionFailedException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("a send after the failed seal").isNotNull()
                    .hasMessageContaining(FaultInjectingFileIO.NO_SPACE);
            assertThat(acknowledged.get()).isGreaterThan(SEGMENT_BYTES / 300);
            fileIO.clearFaults();
        }

        try (LucidMQ mq = LucidMQ.open(directory)) {
            List<ConsumerRecord> records = EngineTestSupport.readAll(mq, "t");
            assertThat(records).hasSize((int) acknowledged.get());
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).keyAsString()).isEqualTo("k" + i);
            }
            assertThat(LogInspector.verify(directory)).isEmpty();
        }
    }

    private static List<Path> logFiles(Path partition) throws IOException {
        try (Stream<Path> files = Files.list(partition)) {
            return files.filter(file -> file.toString().endsWith(".log")).sorted().toList();
        }
    }

    private static long batchBytes(Path logFile) {
        AtomicLong bytes = new AtomicLong();
        LogInspector.dump(logFile, batch -> bytes.addAndGet(batch.sizeInBytes()));
        return bytes.get();
    }
}
