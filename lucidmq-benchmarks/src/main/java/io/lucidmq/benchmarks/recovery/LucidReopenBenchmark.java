package io.lucidmq.benchmarks.recovery;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidMQ;
import io.lucidmq.benchmarks.support.BenchDirs;
import io.lucidmq.benchmarks.support.LucidFixtures;
import io.lucidmq.topic.TopicDescription;
import io.lucidmq.log.SegmentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Reopening a LucidMQ directory with one partition of {@code partitionBytes} of 1 KiB records:
 * the time of {@link LucidMQ#open} plus {@link LucidMQ#describeTopic}, which needs the
 * partition's end offset and so waits for any recovery. One reopen per iteration.
 *
 * <p>After a clean close the partition is trusted as closed. Before each unclean iteration a
 * child JVM opens the directory, appends 1,000 records and halts without closing
 * ({@link UncleanStopChild}), so the reopen has to recover. The files stay in the page cache
 * between iterations: these are warm-cache figures.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class LucidReopenBenchmark {

    /** Records the unclean-stop child appends before it halts. */
    public static final int UNCLEAN_TAIL_RECORDS = 1000;

    /** Size of the partition's record values in bytes: 1 GiB by default. */
    @Param({"1073741824"})
    public long partitionBytes;

    private Path directory;
    private LucidMQ reopened;

    /** Writes the partition and closes it cleanly. */
    @Setup(Level.Trial)
    public void fill() {
        directory = BenchDirs.create("lucid-reopen");
        PartitionFiller.fill(directory, partitionBytes);
    }

    /** Closes the instance the iteration opened. */
    @TearDown(Level.Iteration)
    public void closeReopened() {
        if (reopened != null) {
            reopened.close();
            reopened = null;
        }
    }

    /** Deletes the directory. */
    @TearDown(Level.Trial)
    public void delete() {
        BenchDirs.delete(directory);
    }

    /** Leaves the directory as after an unclean stop before each iteration. */
    @State(Scope.Benchmark)
    public static class UncleanStop {

        /**
         * Runs the child that appends and halts, then checks that no partition kept its
         * clean-shutdown marker ({@link SegmentFiles#CLEAN_SHUTDOWN_FILE}), so the reopen
         * really recovers.
         */
        @Setup(Level.Iteration)
        public void stopUncleanly(LucidReopenBenchmark benchmark)
                throws IOException, InterruptedException {
            UncleanStopChild.runOn(benchmark.directory, UNCLEAN_TAIL_RECORDS);
            try (Stream<Path> files = Files.walk(benchmark.directory)) {
                List<Path> markers = files.filter(file -> file.getFileName().toString()
                        .equals(SegmentFiles.CLEAN_SHUTDOWN_FILE)).toList();
                if (!markers.isEmpty()) {
                    throw new IllegalStateException("the unclean-stop child left "
                            + "clean-shutdown markers " + markers);
                }
            }
        }
    }

    /** Reopens after the previous instance closed cleanly. */
    @Benchmark
    public TopicDescription afterCleanClose() {
        return reopen();
    }

    /** Reopens after a process appended and halted without closing. */
    @Benchmark
    public TopicDescription afterUncleanStop(UncleanStop stop) {
        return reopen();
    }

    private TopicDescription reopen() {
        reopened = LucidFixtures.open(directory, DurabilityPolicy.OS);
        return reopened.describeTopic(PartitionFiller.TOPIC).orElseThrow();
    }
}
