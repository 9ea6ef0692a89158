package io.lucidmq.benchmarks.durable;

import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.ChannelLogWriter;
import io.lucidmq.benchmarks.support.FramedSegments;
import io.lucidmq.benchmarks.support.Payloads;
import io.lucidmq.benchmarks.support.PreallocatedForceWriter;
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
 * The limit of durable appends for one writer: per operation, write one length-prefixed value
 * with a raw {@code FileChannel}, then {@code force(false)} (fdatasync). Two variants: at the
 * end of a growing file, where each force also commits the new file size, and into a file
 * preallocated with forced zeros, where it does not. The faster of the two is the limit.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class RawForceBenchmark {

    /** Size of the preallocated file: 64 MiB, LucidMQ's default segment size. */
    public static final long PREALLOCATED_BYTES = FramedSegments.DEFAULT_SEGMENT_BYTES;

    /** Size of each record value in bytes. */
    @Param({"1024"})
    public int valueBytes;

    private Path directory;
    private ChannelLogWriter growing;
    private PreallocatedForceWriter preallocated;
    private byte[] value;

    /** Creates an empty log and a preallocated file. */
    @Setup(Level.Trial)
    public void open() {
        directory = BenchDirs.create("raw-force");
        value = Payloads.value(valueBytes);
        growing = ChannelLogWriter.create(BenchDirs.createIn(directory, "growing"),
                FramedSegments.DEFAULT_SEGMENT_BYTES, FramedSegments.frameBytes(valueBytes));
        preallocated = PreallocatedForceWriter.create(directory.resolve("preallocated.seg"),
                PREALLOCATED_BYTES, valueBytes);
    }

    /** Closes both files and deletes them. */
    @TearDown(Level.Trial)
    public void close() {
        if (growing != null) {
            growing.close();
        }
        if (preallocated != null) {
            preallocated.close();
        }
        BenchDirs.delete(directory);
    }

    /** Appends to the end of a growing file and forces. */
    @Benchmark
    public void growingFile() {
        growing.appendAndForce(value);
    }

    /** Writes into the preallocated file and forces. */
    @Benchmark
    public void preallocatedFile() {
        preallocated.appendAndForce(value);
    }
}
