package io.lucidmq.benchmarks.durable;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.LucidFixtures;
import io.lucidmq.benchmarks.support.Payloads;
import io.lucidmq.producer.Producer;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import java.nio.file.Path;
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

/**
 * LucidMQ durable appends: a blocking {@link Producer#send} of one record per operation under
 * {@link DurabilityPolicy#SYNC}, which returns only after the record is forced. Concurrent
 * senders to the one partition may share a force (group commit).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class LucidDurableBenchmark {

    private static final String TOPIC = "durable";

    /** Size of each record value in bytes. */
    @Param({"1024"})
    public int valueBytes;

    private Path directory;
    private LucidMQ lucid;
    private Producer producer;
    private ProducerRecord record;

    /** Opens an empty directory and creates the topic. */
    @Setup(Level.Trial)
    public void open() {
        directory = BenchDirs.create("lucid-durable");
        lucid = LucidFixtures.open(directory, DurabilityPolicy.SYNC);
        LucidFixtures.createTopic(lucid, TOPIC, DurabilityPolicy.SYNC);
        producer = lucid.producer();
        record = ProducerRecord.of(TOPIC, Payloads.value(valueBytes));
    }

    /** Closes LucidMQ and deletes the directory. */
    @TearDown(Level.Trial)
    public void close() {
        if (lucid != null) {
            lucid.close();
        }
        BenchDirs.delete(directory);
    }

    /** Sends from one thread. */
    @Benchmark
    @Threads(1)
    public RecordMetadata oneThread() {
        return producer.send(record);
    }

    /** Sends from four threads sharing one producer. */
    @Benchmark
    @Threads(4)
    public RecordMetadata fourThreads() {
        return producer.send(record);
    }

    /** Sends from sixteen threads sharing one producer. */
    @Benchmark
    @Threads(16)
    public RecordMetadata sixteenThreads() {
        return producer.send(record);
    }

    /**
     * Sends from sixteen threads, each waiting for the future of {@link Producer#sendAsync}.
     * The durability is the same, but the engine's background thread forces instead of the
     * sending threads.
     */
    @Benchmark
    @Threads(16)
    public RecordMetadata sixteenThreadsSendAsync() {
        return producer.sendAsync(record).join();
    }
}
