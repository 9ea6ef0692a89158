package io.lucidmq.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A version counter that wakes waiting consumers when something they may be waiting for has
 * changed: records appended or forced, an assignment changed, a consumer woken up, new data
 * found on disk, or the instance closing.
 *
 * <p>A waiter reads {@link #version()} before checking its condition and then calls
 * {@link #awaitChange(long, long)} with that version, so a change that happens between the
 * check and the wait is never missed. Thread-safe.
 */
public final class ChangeSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile long version;

    /** The current version; it increases on every {@link #publish()}. */
    public long version() {
        return version;
    }

    /** Records a change and wakes every waiter. */
    public void publish() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the version differs from {@code seenVersion} or {@code timeoutNanos} pass.
     *
     * @return whether the version changed
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public boolean awaitChange(long seenVersion, long timeoutNanos) throws InterruptedException {
        long remaining = timeoutNanos;
        lock.lock();
        try {
            while (version == seenVersion) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits like {@link #awaitChange(long, long)} with the timeout in {@code unit}. */
    public boolean awaitChange(long seenVersion, long timeout, TimeUnit unit)
            throws InterruptedException {
        return awaitChange(seenVersion, unit.toNanos(timeout));
    }
}
