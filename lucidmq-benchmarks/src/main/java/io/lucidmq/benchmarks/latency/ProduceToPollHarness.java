package io.lucidmq.benchmarks.latency;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures produce-to-poll latency through a {@link MessagePipe} at a fixed send rate, with
 * {@link System#nanoTime()} on both threads of one JVM.
 *
 * <p>The calling thread sends one record every {@code 1/rate} seconds on a fixed schedule and
 * waits for each send's acknowledgement; the pipe's receiving thread waits for records. Each
 * record carries two timestamps: when its send was scheduled and when the send call started.
 * For every record of the measured phase the receiver records two latencies. The first runs
 * from the start of the send call: the produce-to-poll latency. The second runs from the
 * scheduled time, so it also counts any time the sender fell behind its schedule, and a stall
 * cannot hide behind the sends it delayed. The sending thread also records how long each send
 * call took.
 */
public final class ProduceToPollHarness {

    private static final long SPIN_BELOW_NANOS = 80_000;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final int ratePerSecond;
    private final Duration warmup;
    private final Duration measurement;

    /** Creates a harness that sends {@code ratePerSecond} records per second. */
    public ProduceToPollHarness(int ratePerSecond, Duration warmup, Duration measurement) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException(
                    "ratePerSecond must be at least 1, but was " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.warmup = warmup;
        this.measurement = measurement;
    }

    /**
     * The latencies of one run.
     *
     * @param fromSendStart latencies from the start of each send call to the receipt
     * @param fromSchedule latencies from each send's scheduled time to the receipt
     * @param sendCalls durations of the measured send calls, on the sending thread
     * @param sent records sent, warm-up included
     */
    public record Result(LatencyRecorder fromSendStart, LatencyRecorder fromSchedule,
            LatencyRecorder sendCalls, long sent) {
    }

    /**
     * Runs the warm-up and measured phases through {@code pipe} and waits until the receiver
     * has seen every record.
     *
     * @throws IllegalStateException if records are still missing 30 seconds after the last
     *     send, or the receiver failed
     */
    public Result run(MessagePipe pipe) throws InterruptedException {
        Recording recording = new Recording();
        pipe.startReceiving(recording);

        long periodNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long warmupSends = warmup.toNanos() / periodNanos;
        long total = warmupSends + measurement.toNanos() / periodNanos;
        LatencyRecorder sendCalls = new LatencyRecorder();
        long scheduled = System.nanoTime();
        for (long i = 0; i < total && pipe.failure() == null; i++) {
            waitUntil(scheduled);
            boolean measured = i >= warmupSends;
            long sendStart = System.nanoTime();
            pipe.send(scheduled, sendStart, measured);
            if (measured) {
                sendCalls.record(System.nanoTime() - sendStart);
            }
            scheduled += periodNanos;
        }

        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (recording.received() < total && pipe.failure() == null
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        if (pipe.failure() != null) {
            throw new IllegalStateException(pipe.name() + " receiver failed", pipe.failure());
        }
        if (recording.received() < total) {
            throw new IllegalStateException(pipe.name() + " received " + recording.received()
                    + " of " + total + " records within " + DRAIN_TIMEOUT + " of the last send");
        }
        return recording.result(sendCalls, total);
    }

    private static void waitUntil(long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > SPIN_BELOW_NANOS) {
            LockSupport.parkNanos(remaining - SPIN_BELOW_NANOS);
        }
        while (System.nanoTime() - deadlineNanos < 0) {
            Thread.onSpinWait();
        }
    }

    /** The receiver's side: records each arrival. Its lock is uncontended with one receiver. */
    private static final class Recording implements StampSink {

        private final LatencyRecorder fromSendStart = new LatencyRecorder();
        private final LatencyRecorder fromSchedule = new LatencyRecorder();
        private long received;

        @Override
        public synchronized void arrived(long scheduledNanos, long sendStartNanos,
                boolean measured) {
            long now = System.nanoTime();
            if (measured) {
                fromSendStart.record(now - sendStartNanos);
                fromSchedule.record(now - scheduledNanos);
            }
            received++;
        }

        synchronized long received() {
            return received;
        }

        synchronized Result result(LatencyRecorder sendCalls, long sent) {
            return new Result(fromSendStart, fromSchedule, sendCalls, sent);
        }
    }
}
