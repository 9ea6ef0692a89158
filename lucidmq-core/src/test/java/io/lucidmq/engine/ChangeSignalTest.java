package io.lucidmq.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class ChangeSignalTest {

    private static final long LONG_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** A wait long enough that only a missed wake-up, not a slow machine, reaches it. */
    private static final long ROUND_TRIP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * The maximum spin-wait hints before a racing publish. It spreads the publishes over a
     * few microseconds, longer than a waiter needs from its check to parking.
     */
    private static final int MAX_PUBLISH_DELAY_SPINS = 16;

    @Test
    void awaitChangeReturnsAtOnceForAnOldVersion() throws Exception {
        ChangeSignal signal = new ChangeSignal();
        long seen = signal.version();
        signal.publish();

        assertThat(signal.awaitChange(seen, LONG_WAIT_NANOS)).isTrue();
        assertThat(signal.waiterCount()).isZero();
    }

    @Test
    void awaitChangeTimesOutAndUnregisters() throws Exception {
        ChangeSignal signal = new ChangeSignal();

        boolean changed = signal.awaitChange(signal.version(), TimeUnit.MILLISECONDS.toNanos(20));

        assertThat(changed).isFalse();
        assertThat(signal.waiterCount()).isZero();
        assertThat(signal.awaitChange(signal.version(), 0)).isFalse();
    }

    @Test
    void publishWakesThreadAlreadyWaiting() throws Exception {
        ChangeSignal signal = new ChangeSignal();
        long seen = signal.version();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return signal.awaitChange(seen, LONG_WAIT_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> signal.waiterCount() == 1);

        signal.publish();

        assertThat(waiter.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(signal.waiterCount()).isZero();
    }

    @Test
    void concurrentPublishesWithoutWaitersAreAllCounted() throws Exception {
        ChangeSignal signal = new ChangeSignal();
        int threads = 4;
        int publishesPerThread = 100_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> publishers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                publishers.add(executor.submit(() -> {
                    start.await();
                    for (int n = 0; n < publishesPerThread; n++) {
                        signal.publish();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> publisher : publishers) {
                publisher.get(30, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(signal.version()).isEqualTo((long) threads * publishesPerThread);
    }

    /**
     * Races each publish against a waiter's step from its check into the wait. In every round
     * the waiter announces that it is about to check, and the publisher spins for a varying
     * time before it sets the value and publishes, so over the rounds the publish lands at
     * every point of that step. A publish that the waiter misses leaves it waiting until its
     * timeout, and the round fails.
     *
     * <p>NOTE: the race window is a few nanoseconds wide, so a wrong order of the steps fails
     * only some runs: swapping the two steps of publish, or counting the waiter only after its
     * version check, failed about every second run of 100,000 rounds on a 2-core machine.
     */
    @Test
    void publishRacingWaitEntryIsNeverMissed() throws Exception {
        int rounds = 100_000;
        ChangeSignal signal = new ChangeSignal();
        AtomicLong announced = new AtomicLong();
        AtomicLong value = new AtomicLong();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> publisher = executor.submit(() -> {
                SplittableRandom random = new SplittableRandom(42);
                for (long round = 1; round <= rounds; round++) {
                    while (announced.get() < round) {
                        if (Thread.currentThread().isInterrupted()) {
                            return null;
                        }
                        Thread.onSpinWait();
                    }
                    int spins = random.nextInt(MAX_PUBLISH_DELAY_SPINS);
                    for (int i = 0; i < spins; i++) {
                        Thread.onSpinWait();
                    }
                    value.set(round);
                    signal.publish();
                }
                return null;
            });

            long missedRound = 0;
            for (long round = 1; round <= rounds && missedRound == 0; round++) {
                announced.set(round);
                if (!awaitValue(signal, value, round)) {
                    missedRound = round;
                }
            }

            assertThat(missedRound).as("first round whose publish the waiter missed").isZero();
            publisher.get(30, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
        assertThat(signal.waiterCount()).isZero();
    }

    /**
     * Waits on {@code signal} as a consumer does until {@code value} reaches {@code target}.
     *
     * @return {@code false} if the value arrived only after the wait's deadline, as after a
     *     missed publish, when the waiter rechecks the version only at its timeout
     */
    private static boolean awaitValue(ChangeSignal signal, AtomicLong value, long target)
            throws InterruptedException {
        long deadline = System.nanoTime() + ROUND_TRIP_WAIT_NANOS;
        while (true) {
            long seen = signal.version();
            if (value.get() >= target) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            signal.awaitChange(seen, remaining);
            if (System.nanoTime() - deadline >= 0) {
                // Woken only by the timeout: awaitChange rechecks the version then.
                return false;
            }
        }
    }
}
