package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static io.lucidmq.log.LogTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lucidmq.TopicPartition;
import io.lucidmq.io.FileIO;
import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Several partitions with segments of two to three chunks, two senders each and a flusher,
 * so that whole-segment spares are prepared, renamed and sealed while their chunk steps run.
 * Every record must come back once, in each sender's order, and no warning may be logged.
 */
class SpareStressTest {

    private static final int PARTITIONS = 3;
    private static final int SENDERS = 2;
    private static final long RUN_NANOS = 3_000_000_000L;

    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource({"8388608, false", "12582912, false", "8388608, true", "6291456, true"})
    void fastRollsKeepEveryRecord(int segmentBytes, boolean channels) throws Exception {
        LogConfig config = new LogConfig(segmentBytes, 64 * 1024,
                LogConfig.DEFAULT_INDEX_INTERVAL_BYTES, 16);
        Logger logger = (Logger) LoggerFactory.getLogger("io.lucidmq");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Map<Integer, Integer> sent = new HashMap<>();
        try {
            try (SegmentWorkers workers = new SegmentWorkers(Thread::new, Thread::new)) {
                WriteChannelBudget budget = channels ? new WriteChannelBudget(PARTITIONS) : null;
                List<PartitionLog> logs = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    logs.add(PartitionLog.open(root.resolve("p" + p), partition(p), config,
                            FileIO.standard(), false, null, workers, budget));
                }
                ExecutorService threads = Executors.newFixedThreadPool(PARTITIONS * SENDERS + 1);
                long deadline = System.nanoTime() + RUN_NANOS;
                List<Future<Integer>> counts = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    for (int s = 0; s < SENDERS; s++) {
                        PartitionLog log = logs.get(p);
                        int sender = s;
                        counts.add(threads.submit(() -> {
                            int i = 0;
                            while (System.nanoTime() < deadline) {
                                log.append(List.of(record(log, sender, i), record(log, sender,
                                        i + 1)), TIMESTAMP);
                                i += 2;
                            }
                            return i;
                        }));
                    }
                }
                Future<?> flusher = threads.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        for (PartitionLog log : logs) {
                            log.flushUpTo(log.endOffset());
                        }
                    }
                    return null;
                });
                for (int i = 0; i < counts.size(); i++) {
                    sent.put(i, counts.get(i).get());
                }
                flusher.get();
                threads.shutdown();
                for (PartitionLog log : logs) {
                    log.close();
                }
            }
            List<String> problems = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                Path dir = root.resolve("p" + p);
                problems.addAll(PartitionVerifier.verifyPartition(dir).stream()
                        .map(Object::toString).toList());
                try (Stream<Path> files = Files.list(dir)) {
                    assertThat(files.map(f -> f.getFileName().toString()))
                            .noneMatch(name -> name.endsWith(".tmp"));
                }
                try (PartitionLog log = PartitionLog.open(dir, partition(p), config,
                        FileIO.standard(), false)) {
                    List<ConsumerRecord> records = readAll(log);
                    int[] next = new int[SENDERS];
                    int total = 0;
                    for (int s = 0; s < SENDERS; s++) {
                        total += sent.get(p * SENDERS + s);
                    }
                    assertThat(records).as("partition %d", p).hasSize(total);
                    for (int i = 0; i < records.size(); i++) {
                        assertThat(records.get(i).offset()).isEqualTo(i);
                        String[] parts = records.get(i).valueAsString().split(":", 3);
                        int s = Integer.parseInt(parts[0]);
                        assertThat(Integer.parseInt(parts[1])).as("p%d s%d", p, s)
                                .isEqualTo(next[s]++);
                    }
                }
            }
            assertThat(problems).isEmpty();
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private static TopicPartition partition(int p) {
        return new TopicPartition("orders", p);
    }

    private static ProducerRecord record(PartitionLog log, int sender, int sequence) {
        int size = 200 + 700 * log.topicPartition().partition();
        String value = sender + ":" + sequence + ":" + "v".repeat(size);
        return ProducerRecord.builder("orders").value(value.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
