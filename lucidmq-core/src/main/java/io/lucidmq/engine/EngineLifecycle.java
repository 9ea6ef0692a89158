package io.lucidmq.engine;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The open or closed state of one instance. Operations that use partition logs run inside
 * {@link #call} (a shared lock), and {@link #markClosed()} takes the exclusive lock, so no
 * operation is half done when the instance starts closing its logs.
 *
 * <p>Operations must not wait for other threads' operations or call user code while inside
 * {@link #call}, and must never call {@link #markClosed()} from inside it. Thread-safe.
 */
public final class EngineLifecycle {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Path directory;
    private volatile boolean closed;

    /** Creates the state of an open instance of {@code directory}. */
    public EngineLifecycle(Path directory) {
        this.directory = directory;
    }

    /**
     * Runs {@code operation} while the instance is open.
     *
     * @throws IllegalStateException if the instance is closed
     */
    public <T> T call(Supplier<T> operation) {
        lock.readLock().lock();
        try {
            ensureOpen();
            return operation.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Starts an operation as {@link #call} does, for hot paths that must not allocate a
     * lambda: call {@link #exit()} in a {@code finally} block once this returns.
     *
     * @throws IllegalStateException if the instance is closed; nothing is held then
     */
    public void enter() {
        lock.readLock().lock();
        if (closed) {
            lock.readLock().unlock();
            ensureOpen();
        }
    }

    /** Ends an operation started with {@link #enter()}. */
    public void exit() {
        lock.readLock().unlock();
    }

    /** Runs {@code operation} while the instance is open; see {@link #call}. */
    public void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }

    /** Throws {@link IllegalStateException} if the instance is closed. */
    public void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("LucidMQ instance for " + directory
                    + " is closed");
        }
    }

    /** Whether {@link #markClosed()} has run. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Marks the instance closed once every running operation has finished.
     *
     * @return {@code false} if it was already closed
     */
    public boolean markClosed() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
