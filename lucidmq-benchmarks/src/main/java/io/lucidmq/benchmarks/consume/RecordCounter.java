package io.lucidmq.benchmarks.consume;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the records a consume benchmark reads. JMH reports the public field as the secondary
 * metric {@code records}, in records per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class RecordCounter {

    /** Records read in this iteration. */
    public long records;

    /** Starts each iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
        records = 0;
    }
}
