package io.lucidmq.benchmarks.durable;

import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cost of releasing blocked senders, without any disk work: sixteen threads meet at a
 * {@link Phaser}, and the last to arrive wakes the fifteen parked ones, as the end of a group
 * commit whose force took no time would. One operation is one thread's pass, so sixteen
 * operations are one round: fifteen wake-ups and every thread's return to the barrier. The
 * round's duration is the least time between two forces that each cover all sixteen
 * blocking senders.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(SenderReleaseBenchmark.SENDERS)
public class SenderReleaseBenchmark {

    /** The threads that meet in each round. */
    public static final int SENDERS = 16;

    /**
     * How long a thread waits for a round before it gives up. Only at the end of an
     * iteration, when JMH has stopped some threads, does a round never complete.
     */
    private static final long ROUND_TIMEOUT_MS = 1000;

    private Phaser phaser;

    /** Starts each iteration with a fresh barrier, because the last one may be unfinished. */
    @Setup(Level.Iteration)
    public void open() {
        phaser = new Phaser(SENDERS);
    }

    /** Arrives and waits until all sixteen threads have arrived; returns the next phase. */
    @Benchmark
    public int passBarrier() throws InterruptedException {
        int phase = phaser.arrive();
        try {
            return phaser.awaitAdvanceInterruptibly(phase, ROUND_TIMEOUT_MS,
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return -1;
        }
    }
}
