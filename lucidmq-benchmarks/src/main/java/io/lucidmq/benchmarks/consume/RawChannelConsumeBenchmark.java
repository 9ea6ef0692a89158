package io.lucidmq.benchmarks.consume;

import io.lucidmq.benchmarks.append.RawChannelAppendBenchmark;
import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.ChannelLogReader;
import io.lucidmq.benchmarks.support.ChannelLogWriter;
import io.lucidmq.benchmarks.support.FramedSegments;
import io.lucidmq.benchmarks.support.Payloads;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The baseline of consumption from the page cache through read calls: a raw
 * {@code FileChannel} reads the length-prefixed log of {@code records} records in 64 KiB reads
 * and copies each value into a new array. A reader of mapped files, as Chronicle Queue is,
 * saves the copy of each read call and can be faster.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class RawChannelConsumeBenchmark {

    /** Size of each record value in bytes. */
    @Param({"100", "1024"})
    public int valueBytes;

    /** Records in the log, read once per operation. */
    @Param({"100000"})
    public int records;

    private Path directory;
    private ChannelLogReader reader;

    /** Writes the log. */
    @Setup(Level.Trial)
    public void open() {
        directory = BenchDirs.create("raw-consume");
        byte[] value = Payloads.value(valueBytes);
        try (ChannelLogWriter writer = ChannelLogWriter.create(directory,
                FramedSegments.DEFAULT_SEGMENT_BYTES, RawChannelAppendBenchmark.BATCH_BYTES)) {
            for (int i = 0; i < records; i++) {
                writer.append(value);
            }
        }
        reader = new ChannelLogReader(directory, RawChannelAppendBenchmark.BATCH_BYTES);
    }

    /** Deletes the log. */
    @TearDown(Level.Trial)
    public void close() {
        BenchDirs.delete(directory);
    }

    /** Reads the whole log from its first record. */
    @Benchmark
    public void readAll(RecordCounter counter, Blackhole blackhole) {
        long read = reader.readAll(blackhole::consume);
        if (read != records) {
            throw new IllegalStateException("read " + read + " of " + records + " records");
        }
        counter.records += read;
    }
}
