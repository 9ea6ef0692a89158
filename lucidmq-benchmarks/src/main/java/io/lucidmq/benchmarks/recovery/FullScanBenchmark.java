package io.lucidmq.benchmarks.recovery;

import io.lucidmq.benchmarks.append.RawChannelAppendBenchmark;
import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.ChannelLogWriter;
import io.lucidmq.benchmarks.support.FramedSegments;
import io.lucidmq.benchmarks.support.Payloads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost a recovery that validates every byte would pay: read a raw log of
 * {@code partitionBytes} of 1 KiB values from the page cache in 1 MiB reads and compute a
 * CRC32C over all of it. Beside {@link LucidReopenBenchmark} it shows how much of a partition
 * a recovery may scan within its time bound.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class FullScanBenchmark {

    private static final int READ_BYTES = 1024 * 1024;

    /** Size of the log's record values in bytes: 1 GiB by default. */
    @Param({"1073741824"})
    public long partitionBytes;

    private Path directory;
    private ByteBuffer buffer;

    /** Writes the log. */
    @Setup(Level.Trial)
    public void fill() {
        directory = BenchDirs.create("full-scan");
        byte[] value = Payloads.value(PartitionFiller.VALUE_BYTES);
        long records = Math.max(1, partitionBytes / value.length);
        try (ChannelLogWriter writer = ChannelLogWriter.create(directory,
                FramedSegments.DEFAULT_SEGMENT_BYTES, RawChannelAppendBenchmark.BATCH_BYTES)) {
            for (long i = 0; i < records; i++) {
                writer.append(value);
            }
        }
        buffer = ByteBuffer.allocateDirect(READ_BYTES);
    }

    /** Deletes the log. */
    @TearDown(Level.Trial)
    public void delete() {
        BenchDirs.delete(directory);
    }

    /** Reads every segment and checksums it. */
    @Benchmark
    public long crc32cOfAllSegments() throws IOException {
        CRC32C crc = new CRC32C();
        for (int sequence = 0; ; sequence++) {
            Path path = FramedSegments.segmentPath(directory, sequence);
            if (!Files.exists(path)) {
                return crc.getValue();
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                buffer.clear();
                while (channel.read(buffer) > 0) {
                    buffer.flip();
                    crc.update(buffer);
                    buffer.clear();
                }
            }
        }
    }
}
