package io.lucidmq.log;

import static io.lucidmq.log.LogTestSupport.PARTITION;
import static io.lucidmq.log.LogTestSupport.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidStorageException;
import io.lucidmq.PartitionFailedException;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.io.ForwardingFileIO;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    private static final String VALUE = "x";

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void sixteenFlushingThreadsShareForces() throws Exception {
        int threads = 16;
        int appendsPerThread = 100;
        int batchSize = batchSize();
        RecordingFileIO recording = new RecordingFileIO();
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO(recording);
        try (PartitionLog log = PartitionLog.open(directory, PARTITION,
                LogTestSupport.config(16 * 1024 * 1024), fileIO, false)) {
            long forcesBefore = fileIO.count(Operation.FORCE);
            List<Thread> senders = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                Thread sender = new Thread(() -> {
                    for (int i = 0; i < appendsPerThread; i++) {
                        long offset = log.append(List.of(LogTestSupport.record(VALUE)),
                                TIMESTAMP);
                        log.flushUpTo(offset + 1);
                        // Every batch has the same size, so this batch ends at this byte.
                        long batchEnd = (offset + 1) * batchSize;
                        if (recording.forcedEnd.get() < batchEnd) {
                            failure.compareAndSet(null, new AssertionError("offset " + offset
                                    + " acknowledged before a force reached byte " + batchEnd
                                    + "; forced up to " + recording.forcedEnd.get()));
                        }
                    }
                });
                sender.setUncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
                senders.add(sender);
            }
            senders.forEach(Thread::start);
            for (Thread sender : senders) {
                sender.join();
            }

            long sends = (long) threads * appendsPerThread;
            long forces = fileIO.count(Operation.FORCE) - forcesBefore;
            assertThat(failure.get()).isNull();
            assertThat(log.endOffset()).isEqualTo(sends);
            assertThat(log.flushedOffset()).isEqualTo(sends);
            assertThat(forces).isPositive();
            assertThat(forces).isLessThanOrEqualTo(sends / 2);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void sendersReleasedByForceShareNextForce() throws Exception {
        int threads = 16;
        int appendsPerThread = 30;
        // Slow forces make the gathering bound 1 ms, which leaves the senders that a force
        // released time to append again before the next force starts.
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO(new SlowForceFileIO());
        try (PartitionLog log = PartitionLog.open(directory, PARTITION,
                LogTestSupport.config(16 * 1024 * 1024), fileIO, false)) {
            long forcesBefore = fileIO.count(Operation.FORCE);
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < appendsPerThread; i++) {
                        long offset = log.append(List.of(LogTestSupport.record(VALUE)),
                                TIMESTAMP);
                        log.flushUpTo(offset + 1);
                    }
                }, runnable -> new Thread(runnable).start()));
            }
            for (CompletableFuture<Void> sender : senders) {
                sender.get(1, TimeUnit.MINUTES);
            }

            long sends = (long) threads * appendsPerThread;
            long forces = fileIO.count(Operation.FORCE) - forcesBefore;
            assertThat(log.flushedOffset()).isEqualTo(sends);
            // Without gathering, the senders split into two groups that take turns: while
            // one group's force runs, the other appends, so a force covers 8 records.
            assertThat(forces).isLessThanOrEqualTo(sends / 11);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void failedForceFailsEveryWaiter() throws Exception {
        RecordingFileIO recording = new RecordingFileIO();
        PartitionLog log = PartitionLog.open(directory, PARTITION,
                LogTestSupport.config(16 * 1024 * 1024), recording, false);
        recording.failNextForce();

        CompletableFuture<Void> forcer = flushAsync(log);
        recording.forceStarted.await();
        List<Thread> waiterThreads = new ArrayList<>();
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    long offset = log.append(List.of(LogTestSupport.record(VALUE)), TIMESTAMP);
                    log.flushUpTo(offset + 1);
                    waiter.complete(null);
                } catch (RuntimeException e) {
                    waiter.completeExceptionally(e);
                }
            });
            thread.start();
            waiterThreads.add(thread);
            waiters.add(waiter);
        }
        // Each waiter parks in flushUpTo while the first force is blocked.
        for (Thread thread : waiterThreads) {
            while (!(LockSupport.getBlocker(thread) instanceof GroupCommit)) {
                Thread.onSpinWait();
            }
        }
        recording.releaseForce.countDown();

        assertThat(causeOf(forcer)).isInstanceOf(LucidStorageException.class)
                .hasMessageContaining(FaultInjectingFileIO.NO_SPACE);
        for (CompletableFuture<Void> waiter : waiters) {
            assertThat(causeOf(waiter)).isInstanceOf(PartitionFailedException.class)
                    .hasMessageContaining(FaultInjectingFileIO.NO_SPACE);
        }
        assertThat(log.isFailed()).isTrue();
        assertThat(log.flushedOffset()).isZero();
        log.close();
    }

    private static CompletableFuture<Void> flushAsync(PartitionLog log) {
        return CompletableFuture.runAsync(() -> {
            long offset = log.append(List.of(LogTestSupport.record(VALUE)), TIMESTAMP);
            log.flushUpTo(offset + 1);
        });
    }

    private static Throwable causeOf(CompletableFuture<Void> future) throws Exception {
        try {
            future.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the flush succeeded");
    }

    private static int batchSize() {
        return BatchEncoder.encode(List.of(LogTestSupport.record(VALUE)), TIMESTAMP, 1024,
                "test").sizeInBytes();
    }

    /** Standard file I/O whose mapping forces take at least 4 ms, like a slow disk. */
    private static final class SlowForceFileIO extends ForwardingFileIO {
        @Override
        public void force(MappedByteBuffer mapping, int index, int length) throws IOException {
            try {
                Thread.sleep(4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while delaying a force", e);
            }
            super.force(mapping, index, length);
        }
    }

    /**
     * Standard file I/O that records the highest byte a completed mapping force reached, and
     * can block the next mapping force until released and then fail it.
     */
    private static final class RecordingFileIO extends ForwardingFileIO {
        final AtomicLong forcedEnd = new AtomicLong();
        final CountDownLatch forceStarted = new CountDownLatch(1);
        final CountDownLatch releaseForce = new CountDownLatch(1);
        private volatile boolean failNext;

        void failNextForce() {
            failNext = true;
        }

        @Override
        public void force(MappedByteBuffer mapping, int index, int length) throws IOException {
            if (failNext) {
                failNext = false;
                forceStarted.countDown();
                try {
                    releaseForce.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException(FaultInjectingFileIO.NO_SPACE);
            }
            super.force(mapping, index, length);
            forcedEnd.accumulateAndGet(index + length, Math::max);
        }
    }
}
