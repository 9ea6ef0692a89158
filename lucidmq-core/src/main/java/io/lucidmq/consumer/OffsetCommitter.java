package io.lucidmq.consumer;

import io.lucidmq.LucidException;
import io.lucidmq.TopicPartition;
import io.lucidmq.engine.NamedThreadFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes offset commits to the {@link OffsetStore} on one background thread, in the order
 * they were requested, so an asynchronous commit never overwrites a later synchronous one.
 * Synchronous commits go through the same queue and wait for their turn. Futures complete on
 * the committer thread. Thread-safe; {@link #close()} writes every commit queued before it.
 *
 * <p>Commits of one group that wait while an earlier write runs are merged into one write, a
 * later offset replacing an earlier one for the same partition, which stores the same
 * offsets as writing them one after another. So a consumer that commits after every small
 * poll at a rate above what the disk can force queues at most one pending write per group,
 * and every merged commit's future completes, or fails, with that write.
 */
public final class OffsetCommitter implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(OffsetCommitter.class);

    private final OffsetStore store;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(new NamedThreadFactory("offset-committer"));
    private final Object lock = new Object();
    /** The merged commit each group waits to write; guarded by {@link #lock}. */
    private final Map<String, PendingWrite> pending = new HashMap<>();
    private boolean closed;

    /** Starts the committer thread. */
    public OffsetCommitter(OffsetStore store) {
        this.store = store;
    }

    /** Queues a commit; the future completes when the offsets are durable. */
    public CompletableFuture<Void> commitAsync(String groupId,
            Map<TopicPartition, Long> offsets) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        boolean schedule;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("the offset committer is closed"));
            }
            PendingWrite write = pending.get(groupId);
            schedule = write == null;
            if (schedule) {
                write = new PendingWrite();
                pending.put(groupId, write);
            }
            write.offsets.putAll(offsets);
            write.futures.add(future);
        }
        if (schedule) {
            try {
                executor.execute(() -> write(groupId));
            } catch (RejectedExecutionException e) {
                failPending(groupId, new IllegalStateException(
                        "the offset committer is closed", e));
            }
        }
        return future;
    }

    /** Queues a commit and waits until the offsets are durable, rethrowing its failure. */
    public void commitSync(String groupId, Map<TopicPartition, Long> offsets) {
        try {
            commitAsync(groupId, offsets).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new LucidException("failed to commit offsets of group " + groupId, e);
        }
    }

    /** Writes the queued commits and stops the thread. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                logger.warn("Offset commits still running after 30 seconds; leaving them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            logger.warn("Interrupted while waiting for queued offset commits", e);
        }
    }

    /** Writes the merged commit of {@code groupId}; runs on the committer thread. */
    private void write(String groupId) {
        PendingWrite write;
        synchronized (lock) {
            write = pending.remove(groupId);
        }
        if (write == null) {
            return;
        }
        try {
            store.commit(groupId, write.offsets);
        } catch (RuntimeException e) {
            logger.warn("Commit of {} offsets of group {} failed; failing {} merged commits",
                    write.offsets.size(), groupId, write.futures.size(), e);
            write.futures.forEach(future -> future.completeExceptionally(e));
            return;
        } catch (Error e) {
            write.futures.forEach(future -> future.completeExceptionally(e));
            throw e;
        }
        write.futures.forEach(future -> future.complete(null));
    }

    private void failPending(String groupId, RuntimeException failure) {
        PendingWrite write;
        synchronized (lock) {
            write = pending.remove(groupId);
        }
        if (write != null) {
            write.futures.forEach(future -> future.completeExceptionally(failure));
        }
    }

    /** The offsets and the futures of the commits merged into one write. */
    private static final class PendingWrite {
        final Map<TopicPartition, Long> offsets = new HashMap<>();
        final List<CompletableFuture<Void>> futures = new ArrayList<>();
    }
}
