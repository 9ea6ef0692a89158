package io.lucidmq.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tests of {@link GroupCommit} on its own, with real threads: who a force wakes and how long
 * a claim gathers. Each test holds a claim for a known time in place of a force, so that the
 * gathering bound, a multiple of that time, is long enough to measure.
 */
class GroupCommitGatherTest {

    /** Gathering may last as long as the previous force, and at most a minute. */
    private static final int WHOLE_FORCE = 1;
    private static final long ONE_MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong flushedOffset = new AtomicLong();

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void loneCallerNeverGathers() throws Exception {
        GroupCommit groupCommit = new GroupCommit(WHOLE_FORCE, ONE_MINUTE_NANOS);
        for (long offset = 1; offset <= 3; offset++) {
            long claimNanos = timeTryBegin(groupCommit);

            // The previous claim lasted a second, so gathering would take a second.
            assertThat(Duration.ofNanos(claimNanos)).isLessThan(Duration.ofMillis(500));
            holdClaim(Duration.ofSeconds(1));
            flushedOffset.set(offset);
            groupCommit.end(offset);
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void claimGathersReleasedWaiter() throws Exception {
        GroupCommit groupCommit = new GroupCommit(WHOLE_FORCE, ONE_MINUTE_NANOS);
        AtomicBoolean arrived = new AtomicBoolean();
        assertThat(groupCommit.tryBegin()).isTrue();
        CompletableFuture<Void> waiter = runInNewThread(() -> {
            awaitFlushed(groupCommit, 1);
            // The released caller comes back for its next record after a while.
            holdClaim(Duration.ofMillis(300));
            arrived.set(true);
            if (groupCommit.tryBegin()) {
                // The claimer ended its force between this arrival and this claim.
                groupCommit.end();
            }
            awaitFlushed(groupCommit, 2);
        });
        awaitParked(groupCommit, 1);
        holdClaim(Duration.ofSeconds(3));
        flushedOffset.set(1);
        groupCommit.end(1);

        long claimNanos = timeTryBegin(groupCommit);
        boolean arrivedBeforeClaim = arrived.get();
        flushedOffset.set(2);
        groupCommit.end(2);

        assertThat(arrivedBeforeClaim).isTrue();
        assertThat(Duration.ofNanos(claimNanos)).isLessThan(Duration.ofSeconds(2));
        waiter.get(1, TimeUnit.MINUTES);
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void gatheringEndsAtPreviousForceDuration() throws Exception {
        GroupCommit groupCommit = new GroupCommit(WHOLE_FORCE, ONE_MINUTE_NANOS);
        releaseOneWaiterThatNeverReturns(groupCommit, Duration.ofMillis(400));

        long claimNanos = timeTryBegin(groupCommit);
        groupCommit.end(1);

        assertThat(Duration.ofNanos(claimNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(Duration.ofNanos(claimNanos)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void gatheringEndsAtMaximum() throws Exception {
        GroupCommit groupCommit = new GroupCommit(WHOLE_FORCE, TimeUnit.MILLISECONDS.toNanos(50));
        releaseOneWaiterThatNeverReturns(groupCommit, Duration.ofSeconds(3));

        long claimNanos = timeTryBegin(groupCommit);
        groupCommit.end(1);

        assertThat(Duration.ofNanos(claimNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(Duration.ofNanos(claimNanos)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void endWakesCoveredWaitersAndOneSuccessor() throws Exception {
        GroupCommit groupCommit = new GroupCommit();
        assertThat(groupCommit.tryBegin()).isTrue();
        CompletableFuture<Void> covered = parkOnce(groupCommit, 1);
        awaitParked(groupCommit, 1);
        CompletableFuture<Void> successor = parkOnce(groupCommit, 5);
        awaitParked(groupCommit, 2);
        CompletableFuture<Void> later = parkOnce(groupCommit, 6);
        awaitParked(groupCommit, 3);

        flushedOffset.set(1);
        groupCommit.end(1);

        covered.get(1, TimeUnit.MINUTES);
        successor.get(1, TimeUnit.MINUTES);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> !later.isDone());
        assertThat(groupCommit.tryBegin()).isTrue();
        flushedOffset.set(6);
        groupCommit.end(6);
        later.get(1, TimeUnit.MINUTES);
    }

    /**
     * Claims, parks one waiter for offset 1, holds the claim for {@code force}, and ends the
     * force so that it releases the waiter, which then sends nothing more.
     */
    private void releaseOneWaiterThatNeverReturns(GroupCommit groupCommit, Duration force) {
        assertThat(groupCommit.tryBegin()).isTrue();
        CompletableFuture<Void> waiter = runInNewThread(() -> awaitFlushed(groupCommit, 1));
        awaitParked(groupCommit, 1);
        holdClaim(force);
        flushedOffset.set(1);
        groupCommit.end(1);
        waiter.join();
    }

    /** Waits in a loop, as {@link PartitionLog#flushUpTo} does, until offset is flushed. */
    private void awaitFlushed(GroupCommit groupCommit, long offset) {
        while (flushedOffset.get() < offset) {
            groupCommit.awaitForce(offset, () -> flushedOffset.get() >= offset);
        }
    }

    /** Parks once for {@code offset}, so the future completes only when a force wakes it. */
    private CompletableFuture<Void> parkOnce(GroupCommit groupCommit, long offset) {
        return runInNewThread(() -> groupCommit.awaitForce(offset,
                () -> flushedOffset.get() >= offset));
    }

    private static CompletableFuture<Void> runInNewThread(Runnable task) {
        return CompletableFuture.runAsync(task, runnable -> new Thread(runnable).start());
    }

    private static long timeTryBegin(GroupCommit groupCommit) {
        long start = System.nanoTime();
        assertThat(groupCommit.tryBegin()).isTrue();
        return System.nanoTime() - start;
    }

    /** Waits until {@code count} threads are parked in {@code groupCommit}. */
    private static void awaitParked(GroupCommit groupCommit, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Thread.getAllStackTraces()
                .keySet().stream()
                .filter(thread -> LockSupport.getBlocker(thread) == groupCommit)
                .count() == count);
    }

    /** Keeps the claim for {@code duration}, in place of a force that takes that long. */
    private static void holdClaim(Duration duration) {
        try {
            new CountDownLatch(1).await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while holding the claim", e);
        }
    }
}
