package io.lucidmq.benchmarks.durable;

import com.squareup.tape2.QueueFile;
import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.Payloads;
import java.io.IOException;
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
 * Tape durable appends: {@link QueueFile#add(byte[])} per operation. Tape 2.0.0-beta1 opens its
 * file in {@code rwd} mode, so every write (the element, then the header) reaches the disk
 * before {@code add} returns. {@code QueueFile} is not thread-safe, so threads share it under
 * a lock.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class TapeDurableBenchmark {

    /** Size of each record value in bytes. */
    @Param({"1024"})
    public int valueBytes;

    private Path directory;
    private QueueFile queue;
    private byte[] value;

    /** Creates an empty queue file. */
    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = BenchDirs.create("tape-durable");
        value = Payloads.value(valueBytes);
        queue = new QueueFile.Builder(directory.resolve("queue").toFile()).build();
    }

    /** Closes and deletes the queue file. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (queue != null) {
            queue.close();
        }
        BenchDirs.delete(directory);
    }

    /** Adds from one thread. */
    @Benchmark
    @Threads(1)
    public void oneThread() throws IOException {
        add();
    }

    /** Adds from four threads. */
    @Benchmark
    @Threads(4)
    public void fourThreads() throws IOException {
        add();
    }

    /** Adds from sixteen threads. */
    @Benchmark
    @Threads(16)
    public void sixteenThreads() throws IOException {
        add();
    }

    private synchronized void add() throws IOException {
        queue.add(value);
    }
}
