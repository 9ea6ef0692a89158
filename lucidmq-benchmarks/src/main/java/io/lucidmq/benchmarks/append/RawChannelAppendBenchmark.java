package io.lucidmq.benchmarks.append;

import io.lucidmq.benchmarks.support.BenchDirs;
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

/**
 * The physical limit of appends without force: a raw {@code FileChannel} that copies each
 * length-prefixed value into a 64 KiB buffer and writes full buffers, rolling 64 MiB segments.
 * One operation appends one record; threads share one writer under its lock.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class RawChannelAppendBenchmark {

    /** Bytes per write to the file: 64 KiB. */
    public static final int BATCH_BYTES = 64 * 1024;

    /** Size of each record value in bytes. */
    @Param({"100", "1024"})
    public int valueBytes;

    private Path directory;
    private ChannelLogWriter writer;
    private byte[] value;

    /** Creates an empty log. */
    @Setup(Level.Iteration)
    public void open() {
        directory = BenchDirs.create("raw-append");
        writer = createWriter(directory);
        value = Payloads.value(valueBytes);
    }

    /** Creates the writer of an empty log in {@code directory}. */
    protected ChannelLogWriter createWriter(Path directory) {
        return ChannelLogWriter.create(directory, FramedSegments.DEFAULT_SEGMENT_BYTES,
                BATCH_BYTES);
    }

    /** Closes the writer without forcing and deletes the log. */
    @TearDown(Level.Iteration)
    public void close() {
        if (writer != null) {
            writer.close();
        }
        BenchDirs.delete(directory);
    }

    /** Appends from one thread. */
    @Benchmark
    @Threads(1)
    public void oneThread() {
        writer.append(value);
    }

    /** Appends from four threads sharing the writer. */
    @Benchmark
    @Threads(4)
    public void fourThreads() {
        writer.append(value);
    }
}
