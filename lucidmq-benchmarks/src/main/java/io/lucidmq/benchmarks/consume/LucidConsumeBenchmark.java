package io.lucidmq.benchmarks.consume;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.TopicPartition;
import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.LucidFixtures;
import io.lucidmq.benchmarks.support.Payloads;
import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.ConsumerRecords;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * LucidMQ consumption from the page cache: one operation seeks a plain reader to the start of
 * a partition of {@code records} records and polls until it has read all of them. The records
 * are written once per trial; every pass reads files the page cache holds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class LucidConsumeBenchmark {

    private static final String TOPIC = "consume";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final int SEND_BATCH = 500;

    /** Size of each record value in bytes. */
    @Param({"100", "1024"})
    public int valueBytes;

    /** Records in the partition, read once per operation. */
    @Param({"100000"})
    public int records;

    private Path directory;
    private LucidMQ lucid;
    private Consumer consumer;

    /** Writes the partition and creates the reader. */
    @Setup(Level.Trial)
    public void open() {
        directory = BenchDirs.create("lucid-consume");
        lucid = LucidFixtures.open(directory, DurabilityPolicy.OS);
        LucidFixtures.createTopic(lucid, TOPIC, DurabilityPolicy.OS);
        fill(Payloads.value(valueBytes));
        consumer = lucid.consumer(ConsumerConfig.reader().assign(PARTITION).build());
    }

    /** Closes LucidMQ and deletes the directory. */
    @TearDown(Level.Trial)
    public void close() {
        if (lucid != null) {
            lucid.close();
        }
        BenchDirs.delete(directory);
    }

    /** Reads the whole partition from its first record. */
    @Benchmark
    public void readAll(RecordCounter counter, Blackhole blackhole) {
        consumer.seekToBeginning(List.of(PARTITION));
        long read = 0;
        while (read < records) {
            ConsumerRecords batch = consumer.poll(Duration.ofSeconds(1));
            if (batch.isEmpty()) {
                throw new IllegalStateException("poll returned nothing after " + read
                        + " of " + records + " records");
            }
            read += batch.count();
            blackhole.consume(batch);
        }
        counter.records += read;
    }

    private void fill(byte[] value) {
        try (Producer producer = lucid.producer()) {
            List<ProducerRecord> batch = new ArrayList<>(SEND_BATCH);
            for (int i = 0; i < records; i++) {
                batch.add(ProducerRecord.of(TOPIC, value));
                if (batch.size() == SEND_BATCH || i == records - 1) {
                    producer.sendAll(batch);
                    batch.clear();
                }
            }
        }
    }
}
