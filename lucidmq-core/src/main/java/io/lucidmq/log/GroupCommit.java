package io.lucidmq.log;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Lets one thread at a time force a partition log while the other callers that need a force
 * wait for it to end, so that one force covers every record appended before it starts (group
 * commit).
 *
 * <p>A caller either claims the force with {@link #tryBegin()} or, when another force runs,
 * parks in {@link #awaitEnd} until that force ends or its own offset is covered. {@link #end()}
 * unparks every parked caller directly, so the waiters wake in parallel and none of them
 * queues on a lock only to find that its offset is already covered. Rolls and close claim the
 * force with {@link #begin()}, which blocks until the running force ends.
 *
 * <p>Thread-safe. The state that forces change (the flushed position and offset) is guarded
 * by the claim: only the thread between a successful begin and its {@link #end()} writes it.
 */
final class GroupCommit {

    private final ReentrantLock forceLock = new ReentrantLock();
    private final Queue<Thread> waiters = new ConcurrentLinkedQueue<>();

    /** Claims the force if no force runs; returns whether the caller got the claim. */
    boolean tryBegin() {
        return forceLock.tryLock();
    }

    /** Claims the force, waiting without interruption until the running force ends. */
    void begin() {
        forceLock.lock();
    }

    /** Releases the claim and wakes every parked caller, so each checks its offset again. */
    void end() {
        forceLock.unlock();
        Thread waiter;
        while ((waiter = waiters.poll()) != null) {
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Parks the caller until the running force ends or {@code covered} becomes true; returns
     * at once when no force runs. May return early (a spurious wake-up), so callers check
     * their condition again in a loop. Returns at once while the interrupt flag is set, so a
     * caller that must not spin clears the flag for the wait and restores it afterwards.
     */
    void awaitEnd(BooleanSupplier covered) {
        Thread current = Thread.currentThread();
        waiters.add(current);
        // Registered before the check: a force that ends after it unparks this thread.
        if (forceLock.isLocked() && !covered.getAsBoolean()) {
            LockSupport.park(this);
        } else {
            waiters.remove(current);
        }
    }
}
