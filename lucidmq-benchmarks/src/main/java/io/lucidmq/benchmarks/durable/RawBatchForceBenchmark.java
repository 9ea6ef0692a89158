package io.lucidmq.benchmarks.durable;

import io.lucidmq.benchmarks.support.BenchDirs;
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
 * One force that covers several records, the best case of group commit: per operation, write
 * {@code recordsPerForce} length-prefixed values into a preallocated file, one write call
 * each as that many senders would, then call {@code force(false)} once. The score counts
 * forces; records per second are the score times {@code recordsPerForce}. Beside
 * {@link RawForceBenchmark#preallocatedFile} (one record per force) it shows how a force's
 * duration grows with the records it covers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class RawBatchForceBenchmark {

    /** Size of each record value in bytes. */
    @Param({"1024"})
    public int valueBytes;

    /** Records written before each force. */
    @Param({"8", "16"})
    public int recordsPerForce;

    private Path directory;
    private PreallocatedForceWriter writer;
    private byte[] value;

    /** Creates the preallocated file. */
    @Setup(Level.Trial)
    public void open() {
        directory = BenchDirs.create("raw-batch-force");
        value = Payloads.value(valueBytes);
        writer = PreallocatedForceWriter.create(directory.resolve("preallocated.seg"),
                RawForceBenchmark.PREALLOCATED_BYTES, valueBytes);
    }

    /** Closes the file and deletes it. */
    @TearDown(Level.Trial)
    public void close() {
        if (writer != null) {
            writer.close();
        }
        BenchDirs.delete(directory);
    }

    /** Writes the records, then forces once. */
    @Benchmark
    public void writeThenForce() {
        writer.appendAndForce(value, recordsPerForce);
    }
}
