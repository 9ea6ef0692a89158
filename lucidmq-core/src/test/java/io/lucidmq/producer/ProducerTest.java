package io.lucidmq.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.LucidStorageException;
import io.lucidmq.PartitionFailedException;
import io.lucidmq.RecordTooLargeException;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.log.RecordSizes;
import io.lucidmq.log.SegmentFiles;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import io.lucidmq.testing.EngineTestSupport;
import io.lucidmq.testing.MutableClock;
import io.lucidmq.topic.TopicConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerTest {

    @TempDir
    Path directory;

    @Test
    void explicitPartitionIsValidated() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t", TopicConfig.defaults().withPartitions(2));
            Producer producer = mq.producer();

            assertThat(producer.send(ProducerRecord.builder("t").partition(1).value("x")
                    .build()).partition()).isEqualTo(1);
            assertThatThrownBy(() -> producer.send(ProducerRecord.builder("t").partition(2)
                    .value("x").build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("partition 2")
                    .hasMessageContaining("0 to 1");
            assertThatThrownBy(() -> ProducerRecord.builder("t").partition(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
            assertThatThrownBy(() -> producer.send(null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void recordTooLargeNamesSizeAndLimit() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("small", EngineTestSupport.smallSegments(1, 4096));
            Producer producer = mq.producer();

            assertThatThrownBy(() -> producer.send(ProducerRecord.builder("small")
                    .value(new byte[2000]).build()))
                    .isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("1024");
            assertThat(mq.describeTopic("small").orElseThrow().partitions().get(0).endOffset())
                    .isZero();
        }
    }

    @Test
    void sendAllBatchesPerPartitionInOrder() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t", TopicConfig.defaults().withPartitions(2));
            Producer producer = mq.producer();
            producer.send(ProducerRecord.builder("t").partition(0).value("first").build());
            List<ProducerRecord> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(ProducerRecord.builder("t").partition(i % 2).value("b" + i).build());
            }

            List<RecordMetadata> metadata = producer.sendAll(batch);

            assertThat(metadata).extracting(RecordMetadata::partition)
                    .containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
            assertThat(metadata).filteredOn(m -> m.partition() == 0)
                    .extracting(RecordMetadata::offset).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(metadata).filteredOn(m -> m.partition() == 1)
                    .extracting(RecordMetadata::offset).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(EngineTestSupport.readAll(mq, "t")).extracting(ConsumerRecord::valueAsString)
                    .containsExactly("first", "b0", "b2", "b4", "b6", "b8",
                            "b1", "b3", "b5", "b7", "b9");
            assertThat(producer.sendAll(List.of())).isEmpty();
        }
    }

    @Test
    void sendAllOversizedRecordAppendsNothing() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("small", EngineTestSupport.smallSegments(1, 4096));
            List<ProducerRecord> batch = List.of(ProducerRecord.of("small", "ok"),
                    ProducerRecord.builder("small").value(new byte[2000]).build());

            assertThatThrownBy(() -> mq.producer().sendAll(batch))
                    .isInstanceOf(RecordTooLargeException.class);
            assertThat(mq.describeTopic("small").orElseThrow().partitions().get(0).endOffset())
                    .isZero();
        }
    }

    @Test
    void interruptedSenderCreatesTopic() {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            Producer producer = mq.producer();
            Thread.currentThread().interrupt();
            try {
                RecordMetadata metadata = producer.send(ProducerRecord.of("fresh", "z"));

                assertThat(metadata.offset()).isZero();
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(mq.listTopics()).containsExactly("fresh");
        }
    }

    @Test
    void closeFromInterruptedThreadIsClean() {
        LucidMQ mq = LucidMQ.open(directory);
        mq.producer().send(ProducerRecord.of("orders", "x"));
        Thread.currentThread().interrupt();
        try {
            mq.close();

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(directory.resolve("topics").resolve("orders").resolve("0")
                .resolve(SegmentFiles.CLEAN_SHUTDOWN_FILE)).exists();
    }

    @Test
    void oversizedSendCreatesNoTopic() throws IOException {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            Producer producer = mq.producer();
            ProducerRecord oversized = ProducerRecord.builder("fresh")
                    .value(new byte[TopicConfig.DEFAULT_MAX_RECORD_BYTES + 1]).build();

            assertThatThrownBy(() -> producer.send(oversized))
                    .isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("fresh")
                    .hasMessageContaining(Integer.toString(TopicConfig.DEFAULT_MAX_RECORD_BYTES))
                    .hasMessageContaining("not created");
            assertThat(producer.sendAsync(oversized))
                    .failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(RecordTooLargeException.class);
            assertThatThrownBy(() -> producer.sendAll(List.of(ProducerRecord.of("fresh", "ok"),
                    oversized)))
                    .isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("record 1 ");
            assertThat(mq.listTopics()).isEmpty();
            assertThat(topicDirectoryNames()).isEmpty();
        }
    }

    @Test
    void encodedOverheadCountsBeforeAutoCreate() throws IOException {
        int maxRecordBytes = TopicConfig.DEFAULT_MAX_RECORD_BYTES;
        long overhead = RecordSizes.encodedSize(ProducerRecord.builder("fresh")
                .value(new byte[0]).build());
        int fitting = (int) (maxRecordBytes - overhead);
        try (LucidMQ mq = LucidMQ.open(directory)) {
            Producer producer = mq.producer();
            ProducerRecord oneByteOver = ProducerRecord.builder("fresh")
                    .value(new byte[fitting + 1]).build();

            assertThatThrownBy(() -> producer.send(oneByteOver))
                    .isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("takes " + (maxRecordBytes + 1) + " bytes encoded")
                    .hasMessageContaining("not created");
            assertThat(topicDirectoryNames()).isEmpty();

            producer.send(ProducerRecord.builder("fresh").value(new byte[fitting]).build());
            assertThat(topicDirectoryNames()).containsExactly("fresh");
        }
    }

    @Test
    void oversizedCheckUsesAutoCreateConfig() throws IOException {
        TopicConfig small = EngineTestSupport.smallSegments(1, 4096);
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory)
                .defaultTopicConfig(small).build())) {
            mq.createTopic("large");
            Producer producer = mq.producer();
            ProducerRecord headerHeavy = ProducerRecord.builder("fresh").value(new byte[500])
                    .header("trace", new byte[600]).build();

            assertThatThrownBy(() -> producer.send(headerHeavy))
                    .isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining(Integer.toString(small.maxRecordBytes()));
            assertThat(mq.listTopics()).containsExactly("large");
            assertThat(topicDirectoryNames()).containsExactly("large");

            producer.send(ProducerRecord.builder("fresh").value(new byte[900]).build());
            assertThat(mq.listTopics()).containsExactly("fresh", "large");
        }
    }

    @Test
    void oversizedRecordToExistingTopicUsesItsLimit() {
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory)
                .defaultTopicConfig(EngineTestSupport.smallSegments(1, 4096)).build())) {
            mq.createTopic("large", TopicConfig.defaults());

            RecordMetadata metadata = mq.producer().send(ProducerRecord.builder("large")
                    .value(new byte[2000]).build());

            assertThat(metadata.offset()).isZero();
        }
    }

    private List<String> topicDirectoryNames() throws IOException {
        try (Stream<Path> children = Files.list(directory.resolve("topics"))) {
            return children.map(child -> child.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void missingTimestampComesFromInstanceClock() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).clock(clock).build())) {
            Producer producer = mq.producer();
            RecordMetadata stamped = producer.send(ProducerRecord.of("t", "now"));
            RecordMetadata own = producer.send(ProducerRecord.builder("t").value("own")
                    .timestamp(42L).build());

            assertThat(stamped.timestamp()).isEqualTo(clock.millis());
            assertThat(own.timestamp()).isEqualTo(42L);
            assertThat(EngineTestSupport.readAll(mq, "t")).extracting(ConsumerRecord::timestamp)
                    .containsExactly(clock.millis(), 42L);
        }
    }

    @Test
    void syncSendForcesBeforeAcknowledging() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO).build())) {
            mq.createTopic("t");
            Producer producer = mq.producer();

            long before = fileIO.count(Operation.FORCE);
            producer.send(ProducerRecord.of("t", "a"));
            long afterSend = fileIO.count(Operation.FORCE);
            CompletableFuture<RecordMetadata> async = producer.sendAsync(ProducerRecord.of("t",
                    "b"));
            RecordMetadata metadata = async.join();

            assertThat(afterSend).isGreaterThan(before);
            assertThat(fileIO.count(Operation.FORCE)).isGreaterThan(afterSend);
            assertThat(metadata.offset()).isEqualTo(1);
        }
    }

    @Test
    void osPolicyNeverForcesWhileRunning() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO)
                .durability(DurabilityPolicy.OS).forceInterval(Duration.ofMillis(20)).build())) {
            mq.createTopic("t");
            Producer producer = mq.producer();
            long before = fileIO.count(Operation.FORCE);

            for (int i = 0; i < 20; i++) {
                producer.send(ProducerRecord.of("t", "v" + i));
            }
            RecordMetadata async = producer.sendAsync(ProducerRecord.of("t", "async")).join();

            assertThat(async.offset()).isEqualTo(20);
            assertThat(fileIO.count(Operation.FORCE)).isEqualTo(before);
        }
    }

    @Test
    void intervalPolicyForcesInBackground() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        long opened = System.nanoTime();
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO)
                .durability(DurabilityPolicy.INTERVAL).forceInterval(Duration.ofMillis(500))
                .build())) {
            mq.createTopic("t");
            Producer producer = mq.producer();
            long idle = fileIO.count(Operation.FORCE);

            producer.send(ProducerRecord.of("t", "x"));
            long afterSend = fileIO.count(Operation.FORCE);
            boolean beforeFirstRun = System.nanoTime() - opened < TimeUnit.MILLISECONDS
                    .toNanos(400);

            if (beforeFirstRun) {
                assertThat(afterSend).as("forces by the send itself").isEqualTo(idle);
            }
            Awaitility.await().atMost(5, TimeUnit.SECONDS)
                    .until(() -> fileIO.count(Operation.FORCE) > idle);
        }
    }

    @Test
    void topicDurabilityOverridesInstanceDefault() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO)
                .durability(DurabilityPolicy.OS).build())) {
            mq.createTopic("sync", TopicConfig.defaults().withDurability(DurabilityPolicy.SYNC));
            long before = fileIO.count(Operation.FORCE);

            mq.producer().send(ProducerRecord.of("sync", "x"));

            assertThat(fileIO.count(Operation.FORCE)).isGreaterThan(before);
        }
    }

    @Test
    void concurrentSendsGetDistinctOrderedOffsets() throws Exception {
        try (LucidMQ mq = LucidMQ.open(directory)) {
            mq.createTopic("t", TopicConfig.defaults().withPartitions(2));
            Producer producer = mq.producer();
            int threads = 4;
            int perThread = 150;
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            List<Future<List<RecordMetadata>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(executor.submit(() -> {
                    List<RecordMetadata> sent = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        ProducerRecord record = ProducerRecord.builder("t").partition(i % 2)
                                .value(thread + "-" + i).build();
                        sent.add(i % 3 == 0 ? producer.sendAsync(record).join()
                                : producer.send(record));
                    }
                    return sent;
                }));
            }
            Set<String> offsets = new HashSet<>();
            for (Future<List<RecordMetadata>> result : results) {
                List<RecordMetadata> sent = result.get(60, TimeUnit.SECONDS);
                for (int partition = 0; partition < 2; partition++) {
                    int p = partition;
                    List<Long> own = sent.stream().filter(m -> m.partition() == p)
                            .map(RecordMetadata::offset).toList();
                    assertThat(own).isSorted();
                }
                sent.forEach(m -> offsets.add(m.partition() + "@" + m.offset()));
            }
            executor.shutdown();

            assertThat(offsets).hasSize(threads * perThread);
            assertThat(EngineTestSupport.readAll(mq, "t")).hasSize(threads * perThread);
        }
    }

    @Test
    void failedForceFailsSendAndLaterSends() {
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).fileIO(fileIO).build())) {
            mq.createTopic("t");
            Producer producer = mq.producer();
            producer.send(ProducerRecord.of("t", "kept"));
            fileIO.failNth(Operation.FORCE, 1);

            assertThatThrownBy(() -> producer.send(ProducerRecord.of("t", "lost")))
                    .isInstanceOf(LucidStorageException.class)
                    .hasMessageContaining(FaultInjectingFileIO.NO_SPACE);
            assertThatThrownBy(() -> producer.send(ProducerRecord.of("t", "rejected")))
                    .isInstanceOf(PartitionFailedException.class);
            assertThat(producer.sendAsync(ProducerRecord.of("t", "rejected")))
                    .failsWithin(Duration.ofSeconds(5));
        }
        try (LucidMQ mq = LucidMQ.open(directory)) {
            assertThat(EngineTestSupport.readAll(mq, "t")).extracting(ConsumerRecord::valueAsString)
                    .startsWith("kept");
        }
    }
}
