package io.lucidmq.benchmarks.consume;

import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.ChronicleFixtures;
import io.lucidmq.benchmarks.support.Payloads;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
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
 * Chronicle Queue consumption from the page cache: a tailer moves to the start of a queue of
 * {@code records} excerpts and reads each into a reused buffer, then copies it into a new
 * array, as a consumer that hands records to application code must.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class ChronicleConsumeBenchmark {

    /** Size of each record value in bytes. */
    @Param({"100", "1024"})
    public int valueBytes;

    /** Excerpts in the queue, read once per operation. */
    @Param({"100000"})
    public int records;

    private Path directory;
    private ChronicleQueue queue;
    private ExcerptTailer tailer;
    private Bytes<?> buffer;

    /** Writes the queue and creates the tailer. */
    @Setup(Level.Trial)
    public void open() {
        directory = BenchDirs.create("chronicle-consume");
        queue = ChronicleFixtures.open(directory);
        BytesStore<?, byte[]> value = BytesStore.wrap(Payloads.value(valueBytes));
        try (ExcerptAppender appender = queue.createAppender()) {
            for (int i = 0; i < records; i++) {
                appender.writeBytes(value);
            }
        }
        tailer = queue.createTailer();
        buffer = Bytes.allocateElasticDirect(valueBytes);
    }

    /** Closes the queue and deletes its files. */
    @TearDown(Level.Trial)
    public void close() {
        if (tailer != null) {
            tailer.close();
            buffer.releaseLast();
        }
        if (queue != null) {
            queue.close();
        }
        BenchDirs.delete(directory);
    }

    /** Reads the whole queue from its first excerpt. */
    @Benchmark
    public void readAll(RecordCounter counter, Blackhole blackhole) {
        tailer.toStart();
        long read = 0;
        while (true) {
            buffer.clear();
            if (!tailer.readBytes(buffer)) {
                break;
            }
            blackhole.consume(buffer.toByteArray());
            read++;
        }
        if (read != records) {
            throw new IllegalStateException("read " + read + " of " + records + " excerpts");
        }
        counter.records += read;
    }
}
