package io.lucidmq.benchmarks.append;

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
 * LucidMQ appends without force: {@link Producer#send} of one record per operation to a
 * one-partition topic under {@link DurabilityPolicy#OS}. Each iteration starts from an empty
 * directory; the close at the end of an iteration (which forces) is not measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class LucidAppendBenchmark {

    private static final String TOPIC = "append";

    /** Size of each record value in bytes. */
    @Param({"100", "1024"})
    public int valueBytes;

    private Path directory;
    private LucidMQ lucid;
    private Producer producer;
    private ProducerRecord record;

    /** Opens an empty directory and creates the topic. */
    @Setup(Level.Iteration)
    public void open() {
        directory = BenchDirs.create("lucid-append");
        lucid = LucidFixtures.open(directory, DurabilityPolicy.OS);
        LucidFixtures.createTopic(lucid, TOPIC, DurabilityPolicy.OS);
        producer = lucid.producer();
        record = ProducerRecord.of(TOPIC, Payloads.value(valueBytes));
    }

    /** Closes LucidMQ and deletes the directory. */
    @TearDown(Level.Iteration)
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
}
