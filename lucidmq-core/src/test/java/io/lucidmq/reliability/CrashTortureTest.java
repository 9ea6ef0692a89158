package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;
import io.lucidmq.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a {@link TortureMain} child with SIGKILL at a random moment, over and over, and checks
 * each directory with {@link TortureCheck}. A directory is reused for up to eight trials, so
 * later children recover what earlier crashes and recoveries left. One trial in four starts a
 * fresh directory, and one in ten kills the child before it is ready, during its own open and
 * recovery. Half of the checks of a reused directory open it read-only, so that the next child
 * recovers it rather than the test JVM.
 *
 * <p>Quick mode runs 20 trials within about 90 seconds; {@code -Dlucidmq.torture.trials=1000}
 * runs a long one. The seed is printed in the summary line.
 */
class CrashTortureTest {

    private static final String TRIALS_PROPERTY = "lucidmq.torture.trials";
    private static final int PRODUCER_THREADS = 4;
    private static final int MAX_TRIALS_PER_DIRECTORY = 8;
    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_REPORTED = 20;

    @TempDir
    Path temp;

    @Test
    void killedWritersLoseNoAcknowledgedRecord() throws Exception {
        HarnessSettings settings = HarnessSettings.read(TRIALS_PROPERTY, 20,
                Duration.ofSeconds(90));
        Random random = new Random(settings.seed());
        SummaryLine summary = new SummaryLine("crash-torture", "trials", "acknowledged", "lost",
                "corrupt", "reopenFailures", "duplicates", "directories", "killedBeforeReady",
                "expired", "resumes");
        List<String> failures = new ArrayList<>();
        Path directory = null;
        TortureLedger ledger = null;
        int trialsInDirectory = 0;
        long start = System.nanoTime();
        for (int trial = 0; trial < settings.count() && !settings.budgetSpent(start); trial++) {
            boolean fresh = directory == null || trialsInDirectory == MAX_TRIALS_PER_DIRECTORY
                    || random.nextInt(4) == 0;
            if (fresh) {
                directory = temp.resolve("directory-" + trial);
                ledger = new TortureLedger();
                trialsInDirectory = 0;
                summary.increment("directories");
            }
            boolean lastInDirectory = trial == settings.count() - 1;
            List<String> problems = runTrial(directory, trial, ledger, random, summary,
                    trialsInDirectory > 0 && !lastInDirectory && random.nextBoolean());
            trialsInDirectory++;
            summary.increment("trials");
            if (!problems.isEmpty() && failures.size() < MAX_REPORTED) {
                failures.add("trial " + trial + " in " + directory.getFileName() + ": "
                        + problems);
            }
        }
        String seed = " seed=" + settings.seed();
        summary.publish(seed);
        assertThat(failures).as("crash-torture failures," + seed).isEmpty();
        assertThat(summary.get("lost")).as("acknowledged records lost").isZero();
        assertThat(summary.get("corrupt")).as("corrupt records").isZero();
        assertThat(summary.get("reopenFailures")).as("failed reopens").isZero();
    }

    private List<String> runTrial(Path directory, int trial, TortureLedger ledger,
            Random random, SummaryLine summary, boolean readOnlyCheck) throws Exception {
        List<String> lines;
        Path stderr = temp.resolve("trial-" + trial + ".err");
        try (ChildJvm child = ChildJvm.start(TortureMain.class, stderr,
                TortureMain.arguments(directory, trial, PRODUCER_THREADS))) {
            if (random.nextInt(10) == 0) {
                summary.increment("killedBeforeReady");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(1500)));
            } else {
                child.awaitLine(("READY" + TortureMain.LINE_END)::equals, LINE_TIMEOUT);
                awaitAcks(child, 1 + random.nextInt(400));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(20)));
            }
            child.kill();
            lines = child.lines();
        }
        ledger.absorb(lines);
        return check(directory, ledger, summary, readOnlyCheck);
    }

    private static void awaitAcks(ChildJvm child, int count) throws InterruptedException {
        AtomicInteger seen = new AtomicInteger();
        child.awaitLine(line -> line.startsWith("ACK ") && seen.incrementAndGet() >= count,
                LINE_TIMEOUT);
    }

    private static List<String> check(Path directory, TortureLedger ledger,
            SummaryLine summary, boolean readOnly) {
        LucidMQ mq;
        try {
            mq = LucidMQ.open(LucidConfig.builder(directory).readOnly(readOnly).build());
        } catch (RuntimeException e) {
            if (readOnly && ledger.trialAcks() == 0) {
                return List.of();
            }
            summary.increment("reopenFailures");
            return List.of((readOnly ? "read-only " : "") + "open failed: " + e);
        }
        try (mq) {
            return new TortureCheck(mq, ledger, summary).run(!readOnly);
        }
    }
}
