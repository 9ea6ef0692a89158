package io.lucidmq.spring.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signals shared by a container and its consumer threads during one run, from a start to
 * the exit of the last thread: stop and pause requests, waits that wake on them, the first
 * thread failure and the callbacks to run once every thread has exited. Thread-safe.
 */
final class ContainerRunState {

    private static final Logger logger = LoggerFactory.getLogger(ContainerRunState.class);

    private final String listenerId;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Runnable> exitCallbacks = new ArrayList<>();
    private boolean stopRequested;
    private boolean pauseRequested;
    private int aliveThreads;
    private int pausedThreads;
    private @Nullable Throwable failure;

    ContainerRunState(String listenerId, int threads) {
        this.listenerId = listenerId;
        this.aliveThreads = threads;
    }

    boolean isStopRequested() {
        lock.lock();
        try {
            return stopRequested;
        } finally {
            lock.unlock();
        }
    }

    void requestStop() {
        signal(() -> stopRequested = true);
    }

    void requestPause(boolean pause) {
        signal(() -> pauseRequested = pause);
    }

    boolean isPauseRequested() {
        lock.lock();
        try {
            return pauseRequested;
        } finally {
            lock.unlock();
        }
    }

    /** Returns whether every live thread is waiting in {@link #awaitWhilePaused()}. */
    boolean isPaused() {
        lock.lock();
        try {
            return pauseRequested && pausedThreads == aliveThreads;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sleeps {@code millis}, waking early on a stop request.
     *
     * @return {@code true} after the full sleep, {@code false} when a stop was requested
     */
    boolean sleep(long millis) {
        long remaining = TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        lock.lock();
        try {
            while (!stopRequested && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return !stopRequested;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits while a pause is requested.
     *
     * @return {@code false} when a stop was requested
     */
    boolean awaitWhilePaused() {
        lock.lock();
        try {
            if (pauseRequested && !stopRequested) {
                pausedThreads++;
                try {
                    while (pauseRequested && !stopRequested) {
                        changed.await();
                    }
                } finally {
                    pausedThreads--;
                }
            }
            return !stopRequested;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    void threadFailed(Throwable cause) {
        signal(() -> {
            if (failure == null) {
                failure = cause;
            }
        });
    }

    @Nullable Throwable failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    /** Records that one consumer thread has exited, running the callbacks after the last. */
    void threadExited() {
        List<Runnable> callbacks = List.of();
        lock.lock();
        try {
            aliveThreads--;
            changed.signalAll();
            if (aliveThreads == 0) {
                callbacks = List.copyOf(exitCallbacks);
                exitCallbacks.clear();
            }
        } finally {
            lock.unlock();
        }
        callbacks.forEach(this::runCallback);
    }

    /** Runs {@code callback} once every thread has exited: now, if they already have. */
    void onAllExited(Runnable callback) {
        lock.lock();
        try {
            if (aliveThreads > 0) {
                exitCallbacks.add(callback);
                return;
            }
        } finally {
            lock.unlock();
        }
        runCallback(callback);
    }

    int aliveThreads() {
        lock.lock();
        try {
            return aliveThreads;
        } finally {
            lock.unlock();
        }
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void runCallback(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException ex) {
            logger.error("[{}] Stop callback failed", listenerId, ex);
        }
    }
}
