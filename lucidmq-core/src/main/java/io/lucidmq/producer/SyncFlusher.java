package io.lucidmq.producer;

import io.lucidmq.engine.ChangeSignal;
import io.lucidmq.engine.NamedThreadFactory;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.record.RecordMetadata;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes the futures of asynchronous sends to {@link io.lucidmq.DurabilityPolicy#SYNC}
 * topics once their records are forced. One background thread takes every pending send,
 * forces each partition once up to the highest pending offset, and completes the futures it
 * covered, so many sends share one force.
 *
 * <p>Futures complete on that thread: callbacks attached with {@code thenApply} and similar
 * run there and delay the next force, so long-running callbacks should use the
 * {@code ...Async} variants. Thread-safe. {@link #close()} forces and completes every send
 * enqueued before it.
 */
public final class SyncFlusher implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(SyncFlusher.class);
    private static final PendingSend STOP = new PendingSend(null, 0, null, null);

    private final BlockingQueue<PendingSend> queue = new LinkedBlockingQueue<>();
    private final ChangeSignal signal;
    private final Thread thread;

    /** Starts the flusher thread. */
    public SyncFlusher(ChangeSignal signal) {
        this.signal = signal;
        this.thread = new NamedThreadFactory("sync-flusher").newThread(this::run);
        thread.start();
    }

    /**
     * Returns a future that completes with {@code metadata} once {@code log} is forced up to
     * {@code endOffset} (exclusive).
     */
    public CompletableFuture<RecordMetadata> enqueue(PartitionLog log, long endOffset,
            RecordMetadata metadata) {
        CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
        queue.add(new PendingSend(log, endOffset, metadata, future));
        return future;
    }

    /** Forces and completes every enqueued send, then stops the thread. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            logger.warn("Interrupted while waiting for {} to complete pending sends",
                    thread.getName(), e);
        }
    }

    private void run() {
        List<PendingSend> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                logger.warn("{} interrupted; pending asynchronous sends stay incomplete",
                        thread.getName(), e);
                return;
            }
            queue.drainTo(batch);
            stopping = batch.remove(STOP);
            forceAndComplete(batch);
            batch.clear();
        }
    }

    private void forceAndComplete(List<PendingSend> batch) {
        Map<PartitionLog, List<PendingSend>> byLog = new IdentityHashMap<>();
        for (PendingSend send : batch) {
            byLog.computeIfAbsent(send.log(), log -> new ArrayList<>()).add(send);
        }
        for (Map.Entry<PartitionLog, List<PendingSend>> entry : byLog.entrySet()) {
            long endOffset = entry.getValue().stream().mapToLong(PendingSend::endOffset).max()
                    .orElseThrow();
            try {
                entry.getKey().flushUpTo(endOffset);
            } catch (RuntimeException e) {
                logger.error("Failed to force partition {} up to offset {}; failing {} "
                        + "asynchronous sends", entry.getKey().topicPartition(), endOffset,
                        entry.getValue().size(), e);
                entry.getValue().forEach(send -> send.future().completeExceptionally(e));
                continue;
            }
            signal.publish();
            entry.getValue().forEach(send -> send.future().complete(send.metadata()));
        }
    }

    private record PendingSend(PartitionLog log, long endOffset, RecordMetadata metadata,
            CompletableFuture<RecordMetadata> future) {
    }
}
