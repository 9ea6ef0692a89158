package io.lucidmq.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A version counter that wakes waiting consumers when something they may be waiting for has
 * changed: records appended or forced, an assignment changed, a consumer woken up, new data
 * found on disk, or the instance closing.
 *
 * <p>A waiter reads {@link #version()} before checking its condition and then calls
 * {@link #awaitChange(long, long)} with that version, so a change that happens between the
 * check and the wait is never missed.
 *
 * <p>{@link #publish()} is lock-free while no thread waits: it increments the version and
 * reads the number of waiters, and takes the lock to signal only when that number is above
 * zero. Every send publishes, so a send while no consumer of the instance waits costs one
 * atomic increment here. Thread-safe.
 */
public final class ChangeSignal {

    /*
     * Why a waiter never misses a publish that it has not seen in its version check.
     *
     * A waiter increments `waiters`, then reads `version`, both while holding `lock`, and
     * keeps holding the lock until Condition.awaitNanos has put it in the condition's queue
     * and released the lock. A publisher increments `version`, then reads `waiters`. All four
     * accesses are volatile, so the Java memory model places them in one total order that
     * agrees with each thread's program order, and a volatile read returns the last write
     * before it in that order. So either:
     *
     * - the publisher's read of `waiters` comes before the waiter's increment. Then the
     *   publisher's increment of `version` comes before the waiter's read of `version`, which
     *   therefore sees the new version, and the waiter does not wait. Or
     * - the publisher's read of `waiters` comes after the waiter's increment and sees a count
     *   of at least one, because a waiter decrements only once it stops waiting. The publisher
     *   then takes the lock, which it can get only once the waiter released it, either by
     *   returning or by entering awaitNanos. In the second case, the waiter is already in the
     *   condition's queue, and signalAll wakes it.
     *
     * A waiter that wakes rechecks `version` under the lock before it waits again. The count
     * changes only under the lock, and the publisher reads it without the lock.
     */

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicLong version = new AtomicLong();

    /** The number of threads inside {@link #awaitChange(long, long)}, written under the lock. */
    private volatile int waiters;

    /** The current version; it increases on every {@link #publish()}. */
    public long version() {
        return version.get();
    }

    /**
     * Records a change and wakes every waiter. Lock-free when no thread waits, otherwise it
     * takes the lock to signal the waiters.
     */
    public void publish() {
        version.incrementAndGet();
        if (waiters > 0) {
            signalWaiters();
        }
    }

    /**
     * Waits until the version differs from {@code seenVersion} or {@code timeoutNanos} pass.
     * Returns at once, without taking the lock, when the version already differs.
     *
     * @return whether the version changed
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public boolean awaitChange(long seenVersion, long timeoutNanos) throws InterruptedException {
        if (version.get() != seenVersion) {
            return true;
        }
        long remaining = timeoutNanos;
        lock.lock();
        try {
            waiters++;
            try {
                while (version.get() == seenVersion) {
                    if (remaining <= 0) {
                        return false;
                    }
                    remaining = changed.awaitNanos(remaining);
                }
                return true;
            } finally {
                waiters--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits like {@link #awaitChange(long, long)} with the timeout in {@code unit}. */
    public boolean awaitChange(long seenVersion, long timeout, TimeUnit unit)
            throws InterruptedException {
        return awaitChange(seenVersion, unit.toNanos(timeout));
    }

    /** Returns the number of threads inside {@link #awaitChange(long, long)}, for tests. */
    int waiterCount() {
        return waiters;
    }

    private void signalWaiters() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
