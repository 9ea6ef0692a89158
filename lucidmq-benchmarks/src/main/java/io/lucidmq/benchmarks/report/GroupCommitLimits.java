package io.lucidmq.benchmarks.report;

import io.lucidmq.benchmarks.durable.RawBatchForceBenchmark;
import io.lucidmq.benchmarks.durable.SenderReleaseBenchmark;
import java.util.Map;
import java.util.Optional;

/**
 * The maximum records per second that sixteen blocking durable senders can reach on the measured
 * machine. It follows from three figures of the run: the time of a raw force of 8 records,
 * the time of a raw force of 16 records, and the time of one round of releasing fifteen
 * parked threads.
 *
 * <p>A group commit either waits for all sixteen senders before it forces, so that a cycle is
 * one force of 16 records plus one release round, or forces back to back. Back to back, a
 * sender released by one force appends while the next runs and is covered by the one after.
 * Every sender is then in every second force: 16 records per two forces, 8 per force on
 * average.
 */
final class GroupCommitLimits {

    private static final int SENDERS = SenderReleaseBenchmark.SENDERS;
    private static final double MICROS_PER_SECOND = 1e6;

    private final Figures figures;

    GroupCommitLimits(Figures figures) {
        this.figures = figures;
    }

    /** Returns the records per second of raw writes of {@code records} records and a force. */
    Optional<JmhResult.Metric> forcedRecords(int records) {
        return figures.find(RawBatchForceBenchmark.class, "writeThenForce",
                Map.of("recordsPerForce", String.valueOf(records)))
                .map(result -> result.primary().times(records));
    }

    /** Returns the microseconds of one raw force that covers {@code records} records. */
    Optional<Double> forceMicros(int records) {
        return forcedRecords(records).map(metric -> records * MICROS_PER_SECOND
                / metric.score());
    }

    /** Returns the microseconds of one round of {@link SenderReleaseBenchmark}. */
    Optional<Double> releaseRoundMicros() {
        return figures.find(SenderReleaseBenchmark.class, "passBarrier")
                .map(result -> SENDERS * MICROS_PER_SECOND / result.primary().score());
    }

    /** Returns the records per second of a group commit that waits for every sender. */
    Optional<Double> gatheredCeiling() {
        Optional<Double> force = forceMicros(SENDERS);
        Optional<Double> release = releaseRoundMicros();
        if (force.isEmpty() || release.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SENDERS * MICROS_PER_SECOND / (force.get() + release.get()));
    }

    /** Returns the records per second of forces back to back, 8 records each on average. */
    Optional<Double> backToBackCeiling() {
        int half = SENDERS / 2;
        return forceMicros(half).map(force -> half * MICROS_PER_SECOND / force);
    }
}
