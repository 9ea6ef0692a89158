package io.lucidmq.benchmarks.append;

import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.ChronicleFixtures;
import io.lucidmq.benchmarks.support.Payloads;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
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
 * Chronicle Queue appends (which never force): one excerpt per operation through
 * {@link ExcerptAppender#writeBytes}. Chronicle appenders are single-threaded, so each thread
 * has its own appender on the shared queue; with one thread that is one appender.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ChronicleAppendBenchmark {

    /** Size of each record value in bytes. */
    @Param({"100", "1024"})
    public int valueBytes;

    private Path directory;
    private ChronicleQueue queue;

    /** Creates an empty queue. */
    @Setup(Level.Iteration)
    public void open() {
        directory = BenchDirs.create("chronicle-append");
        queue = ChronicleFixtures.open(directory);
    }

    /** Closes the queue and deletes its files. */
    @TearDown(Level.Iteration)
    public void close() {
        if (queue != null) {
            queue.close();
        }
        BenchDirs.delete(directory);
    }

    /** One thread's appender and value. */
    @State(Scope.Thread)
    public static class Appender {

        ExcerptAppender appender;
        BytesStore<?, byte[]> value;

        /** Creates the appender of this thread. */
        @Setup(Level.Iteration)
        public void open(ChronicleAppendBenchmark benchmark) {
            appender = benchmark.queue.createAppender();
            value = BytesStore.wrap(Payloads.value(benchmark.valueBytes));
        }

        /** Closes the appender. */
        @TearDown(Level.Iteration)
        public void close() {
            appender.close();
        }
    }

    /** Appends from one thread with one appender. */
    @Benchmark
    @Threads(1)
    public void oneThread(Appender appender) {
        appender.appender.writeBytes(appender.value);
    }

    /** Appends from four threads, each with its own appender. */
    @Benchmark
    @Threads(4)
    public void fourThreads(Appender appender) {
        appender.appender.writeBytes(appender.value);
    }
}
