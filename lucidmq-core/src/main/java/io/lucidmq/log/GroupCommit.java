package io.lucidmq.log;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Lets one thread at a time force a partition log while the other callers that need a force
 * wait for it to end, so that one force covers every record appended before it starts (group
 * commit).
 *
 * <p>A caller either claims the force with {@link #tryBegin()} or, when another force runs,
 * parks in {@link #awaitForce} with the offset it needs forced. {@link #end(long)} wakes only
 * the waiters whose offset the force covered, plus one waiter it did not cover, which claims
 * the next force for the rest. The other uncovered waiters stay parked, so a force costs one
 * wake-up per covered caller, not one per waiting caller. {@link #end()} wakes every waiter,
 * for a force that failed or a claim that did not force. Rolls and close claim the force with
 * {@link #begin()}, which blocks until the running force ends.
 *
 * <p>Gathering: the callers that a force released (its claimer and the waiters it covered)
 * usually append again at once, but on a busy CPU they do so only after the next force has
 * started, so they wait a whole force more and forces cover few records each. A successful
 * {@link #tryBegin()} therefore holds the claim, before returning, until as many flush
 * attempts as the previous force released callers have arrived, counting the claimer's own,
 * or until the gathering bound passes. By default the bound is a quarter of the previous
 * force's duration and at most {@link #DEFAULT_MAX_GATHER_NANOS}, so the extra latency of
 * one flush is at most that, plus any time the CPU does not run the claimer. A lone caller
 * (no other thread flushes the log) never waits, because the only caller its previous force
 * released is itself. Callers that arrive meanwhile park in {@link #awaitForce} and share
 * the force.
 *
 * <p>NOTE: the arrival count does not tell callers apart. An arrival of a caller that the
 * previous force did not release also counts, so gathering may end before every released
 * caller is back. A released caller that sends nothing more makes the claimer wait the
 * whole bound.
 *
 * <p>Thread-safe. The state that forces change (the flushed position and offset, and the
 * force timing here) is guarded by the claim: only the thread between a successful begin and
 * its end writes it.
 */
final class GroupCommit {

    /** The default maximum gathering time of one claim: 1 ms. */
    static final long DEFAULT_MAX_GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** The default divisor of the previous force's duration that bounds gathering. */
    static final int DEFAULT_GATHER_DIVISOR = 4;

    private final int gatherDivisor;
    private final long maxGatherNanos;
    private final ReentrantLock forceLock = new ReentrantLock();
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    /** Flush attempts still expected from the callers the previous force released. */
    private final AtomicInteger expectedArrivals = new AtomicInteger();
    /** When the running force started, after gathering; guarded by the claim. */
    private long forceStartNanos;
    /** The duration of the last force that ended with {@link #end(long)}; guarded too. */
    private long lastForceNanos;

    /** Creates a group commit with the default gathering bound. */
    GroupCommit() {
        this(DEFAULT_GATHER_DIVISOR, DEFAULT_MAX_GATHER_NANOS);
    }

    /**
     * Creates a group commit whose gathering lasts at most the previous force's duration
     * divided by {@code gatherDivisor}, and at most {@code maxGatherNanos}.
     */
    GroupCommit(int gatherDivisor, long maxGatherNanos) {
        if (gatherDivisor < 1) {
            throw new IllegalArgumentException("gatherDivisor must be at least 1, but was "
                    + gatherDivisor);
        }
        if (maxGatherNanos < 0) {
            throw new IllegalArgumentException("maxGatherNanos must not be negative, but was "
                    + maxGatherNanos);
        }
        this.gatherDivisor = gatherDivisor;
        this.maxGatherNanos = maxGatherNanos;
    }

    /**
     * Claims the force if no force runs; returns whether the caller got the claim. Counts as
     * one flush attempt, and on success gathers the callers the previous force released (see
     * the class description) before returning.
     */
    boolean tryBegin() {
        expectedArrivals.decrementAndGet();
        if (!forceLock.tryLock()) {
            return false;
        }
        gatherReleasedCallers();
        forceStartNanos = System.nanoTime();
        return true;
    }

    /** Claims the force, waiting without interruption until the running force ends. */
    void begin() {
        forceLock.lock();
    }

    /** Releases the claim and wakes every parked caller, so each checks its offset again. */
    void end() {
        expectedArrivals.set(0);
        forceLock.unlock();
        Waiter waiter;
        while ((waiter = waiters.poll()) != null) {
            waiter.wake();
        }
    }

    /**
     * Releases the claim after a force that made every offset below {@code flushedOffset}
     * durable. Wakes the waiters that need no more than that, and the first waiter that needs
     * more, so that it claims the next force. The other waiters stay parked until a later
     * force ends.
     */
    void end(long flushedOffset) {
        lastForceNanos = System.nanoTime() - forceStartNanos;
        int covered = 0;
        for (Waiter waiter : waiters) {
            if (waiter.offset <= flushedOffset) {
                covered++;
            }
        }
        // The released callers: the covered waiters and the claimer.
        expectedArrivals.set(covered + 1);
        forceLock.unlock();

        // The successor is woken first, so the next force starts while the others wake.
        for (Waiter waiter : waiters) {
            if (waiter.offset > flushedOffset && waiters.remove(waiter)) {
                waiter.wake();
                break;
            }
        }
        for (Waiter waiter : waiters) {
            if (waiter.offset <= flushedOffset && waiters.remove(waiter)) {
                waiter.wake();
            }
        }
    }

    /**
     * Parks the caller until a force that covers {@code offset} ends, until it is chosen to
     * claim the next force, or until {@code covered} becomes true; returns at once when no
     * force runs. May return early (a spurious wake-up), so callers check their condition
     * again in a loop. Returns at once while the interrupt flag is set, so a caller that must
     * not spin clears the flag for the wait and restores it afterwards.
     *
     * @param offset the offset (exclusive) that the caller needs forced
     * @param covered whether a completed force already covers {@code offset}
     */
    void awaitForce(long offset, BooleanSupplier covered) {
        Waiter waiter = new Waiter(Thread.currentThread(), offset);
        waiters.add(waiter);
        // Registered before the check: a force that ends after it wakes this thread, either
        // because the force covered the offset or as the successor that claims the next one.
        if (forceLock.isLocked() && !covered.getAsBoolean()) {
            LockSupport.park(this);
        }
        if (!waiter.woken) {
            waiters.remove(waiter);
        }
    }

    /**
     * Holds the claim while released callers are still expected, up to the gathering bound.
     * Yields instead of parking, so the callers it waits for get the CPU and none has to
     * wake this thread.
     */
    private void gatherReleasedCallers() {
        if (expectedArrivals.get() <= 0) {
            return;
        }
        long boundNanos = Math.min(lastForceNanos / gatherDivisor, maxGatherNanos);
        long start = System.nanoTime();
        while (expectedArrivals.get() > 0 && System.nanoTime() - start < boundNanos) {
            Thread.yield();
        }
    }

    /** A parked caller and the offset (exclusive) it needs forced. */
    private static final class Waiter {
        final Thread thread;
        final long offset;
        volatile boolean woken;

        Waiter(Thread thread, long offset) {
            this.thread = thread;
            this.offset = offset;
        }

        void wake() {
            woken = true;
            LockSupport.unpark(thread);
        }
    }
}
