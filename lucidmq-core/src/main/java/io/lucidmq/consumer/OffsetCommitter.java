package io.lucidmq.consumer;

import io.lucidmq.LucidException;
import io.lucidmq.TopicPartition;
import io.lucidmq.engine.NamedThreadFactory;
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
 */
public final class OffsetCommitter implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(OffsetCommitter.class);

    private final OffsetStore store;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(new NamedThreadFactory("offset-committer"));

    /** Starts the committer thread. */
    public OffsetCommitter(OffsetStore store) {
        this.store = store;
    }

    /** Queues a commit; the future completes when the offsets are durable. */
    public CompletableFuture<Void> commitAsync(String groupId,
            Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> copy = Map.copyOf(offsets);
        try {
            return CompletableFuture.runAsync(() -> store.commit(groupId, copy), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("the offset committer is closed", e));
        }
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
}
