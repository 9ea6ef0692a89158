package io.lucidmq.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidException;
import io.lucidmq.LucidMQ;
import io.lucidmq.io.FaultInjectingFileIO;
import io.lucidmq.io.FaultInjectingFileIO.Operation;
import io.lucidmq.record.ProducerRecord;
import io.lucidmq.record.RecordMetadata;
import io.lucidmq.testing.MutableClock;
import io.lucidmq.topic.TopicDescription;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails each file operation of an engine operation in turn: for every kind of operation
 * ({@link Operation}) and N = 1, 2, ... the N-th call of that kind fails, once or together
 * with every later call, until the operation runs with no call left to fail. After each
 * failure the operation must have thrown a {@link LucidException} (unless it only logs, like
 * a clean close), and the directory, reopened without faults both as a crash left it and
 * after closing the failed instance, must show either the state before or the state after the
 * operation, and accept appends.
 */
class FailAtNTest {

    private static final Instant NOW = Instant.parse("2031-03-01T12:00:00Z");
    private static final int MAX_CALLS = 400;

    @TempDir
    Path temp;

    private int runs;

    @ParameterizedTest
    @EnumSource(FaultScenario.class)
    void failureAtEveryCallLeavesBeforeOrAfter(FaultScenario scenario) {
        DirectorySnapshot before = reference(scenario, false);
        DirectorySnapshot after = reference(scenario, true);
        if (scenario != FaultScenario.CLEAN_CLOSE) {
            assertThat(after).as("the operation changes the directory").isNotEqualTo(before);
        }
        SummaryLine summary = new SummaryLine("fail-at-n " + scenario, "runs", "failed",
                "threw", "tolerated");
        List<String> problems = new ArrayList<>();
        for (Operation kind : Operation.values()) {
            for (boolean everyLater : new boolean[] {false, true}) {
                for (int n = 1; n <= MAX_CALLS; n++) {
                    if (!failAt(scenario, kind, n, everyLater, before, after, summary,
                            problems)) {
                        break;
                    }
                }
            }
        }
        summary.publish("");
        assertThat(problems).as(scenario + " failures").isEmpty();
    }

    @Test
    void failureDuringRecoveryLeavesRecoverableLog() {
        Path crashedBase = crashedDirectory();
        DirectorySnapshot recovered = DirectorySnapshot.reopen(
                DirectoryCopy.copy(crashedBase, temp.resolve("recovered")));
        SummaryLine summary = new SummaryLine("fail-at-n RECOVERY", "runs", "failed", "threw",
                "tolerated");
        List<String> problems = new ArrayList<>();
        for (Operation kind : Operation.values()) {
            for (boolean everyLater : new boolean[] {false, true}) {
                for (int n = 1; n <= MAX_CALLS; n++) {
                    String run = "recovery " + kind + " #" + n + (everyLater ? " and later" : "");
                    Path directory = DirectoryCopy.copy(crashedBase, temp.resolve("run-" + ++runs));
                    FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
                    fileIO.fail(kind, n, everyLater, null, FaultInjectingFileIO.NO_SPACE);
                    Throwable thrown = null;
                    boolean reached;
                    try {
                        LucidMQ mq = LucidMQ.open(config(directory, fileIO));
                        reached = fileIO.count(kind) >= n;
                        fileIO.clearFaults();
                        mq.close();
                    } catch (RuntimeException e) {
                        thrown = e;
                        reached = true;
                    }
                    summary.increment("runs");
                    if (reached) {
                        summary.increment("failed");
                        checkThrown(FaultScenario.APPEND_SINGLE, run, thrown, summary, problems);
                    }
                    checkReopened(run, directory, recovered, recovered, recovered, problems);
                    DirectoryCopy.delete(directory);
                    if (!reached) {
                        break;
                    }
                }
            }
        }
        summary.publish("");
        assertThat(problems).as("recovery failures").isEmpty();
    }

    /**
     * Returns a directory as a crash leaves it: two partitions with several segments each,
     * written without a clean close.
     */
    private Path crashedDirectory() {
        Path live = temp.resolve("live");
        try (LucidMQ mq = LucidMQ.open(config(live, new FaultInjectingFileIO()))) {
            mq.createTopic(FaultScenario.TOPIC, FaultScenario.ROLL_CONFIG.withPartitions(2));
            for (int i = 0; i < 9; i++) {
                mq.producer().send(ProducerRecord.builder(FaultScenario.TOPIC)
                        .partition(i % 2).key("k" + i).value("v".repeat(300)).build());
            }
            FaultScenario.commit(mq, 2);
            return DirectoryCopy.copy(live, temp.resolve("crashed"));
        }
    }

    /**
     * Runs the scenario with the {@code n}-th call of {@code kind} failing.
     *
     * @return whether the failure was reached, so the next {@code n} may be too
     */
    private boolean failAt(FaultScenario scenario, Operation kind, int n, boolean everyLater,
            DirectorySnapshot before, DirectorySnapshot after, SummaryLine summary,
            List<String> problems) {
        String run = scenario + " " + kind + " #" + n + (everyLater ? " and later" : "");
        Path directory = temp.resolve("run-" + ++runs);
        FaultInjectingFileIO fileIO = new FaultInjectingFileIO();
        LucidMQ mq = LucidMQ.open(config(directory, fileIO));
        Throwable thrown = null;
        boolean reached;
        Path crashed;
        try {
            scenario.prepare(mq);
            long callsBefore = fileIO.count(kind);
            fileIO.fail(kind, n, everyLater, null, FaultInjectingFileIO.NO_SPACE);
            try {
                scenario.operation(mq);
            } catch (RuntimeException e) {
                thrown = e;
            }
            reached = fileIO.count(kind) - callsBefore >= n;
            fileIO.clearFaults();
            crashed = DirectoryCopy.copy(directory, temp.resolve("run-" + runs + "-crashed"));
        } finally {
            mq.close();
        }
        summary.increment("runs");
        if (reached) {
            summary.increment("failed");
            checkThrown(scenario, run, thrown, summary, problems);
        } else if (thrown != null) {
            problems.add(run + ": threw without an injected failure: " + thrown);
        }
        // An operation that returned normally must have completed, whatever failed inside.
        DirectorySnapshot expected = thrown == null ? after : null;
        checkReopened(run + " (crash copy)", crashed, before, expected, after, problems);
        checkReopened(run + " (after close)", directory, before, expected, after, problems);
        DirectoryCopy.delete(crashed);
        DirectoryCopy.delete(directory);
        return reached;
    }

    private static void checkThrown(FaultScenario scenario, String run, Throwable thrown,
            SummaryLine summary, List<String> problems) {
        if (thrown == null) {
            summary.increment("tolerated");
            if (scenario.mustThrow()) {
                problems.add(run + ": the injected failure did not reach the caller");
            }
            return;
        }
        summary.increment("threw");
        if (!(thrown instanceof LucidException)) {
            problems.add(run + ": threw " + thrown + ", not a LucidException");
        } else if (!String.valueOf(thrown.getMessage()).contains(FaultInjectingFileIO.NO_SPACE)
                && !(thrown.getCause() != null && String.valueOf(thrown.getCause().getMessage())
                        .contains(FaultInjectingFileIO.NO_SPACE))) {
            problems.add(run + ": the exception does not carry the I/O error: " + thrown);
        }
    }

    /**
     * Reopens {@code directory} and checks that it shows {@code before} or {@code after}, or
     * exactly {@code expected} when that is set, and that every topic accepts an append.
     */
    private static void checkReopened(String run, Path directory, DirectorySnapshot before,
            DirectorySnapshot expected, DirectorySnapshot after, List<String> problems) {
        DirectorySnapshot reopened;
        try (LucidMQ mq = LucidMQ.open(LucidConfig.builder(directory).build())) {
            reopened = DirectorySnapshot.capture(mq);
            for (String topic : mq.listTopics()) {
                checkAppend(run, mq, topic, problems);
            }
        } catch (RuntimeException | AssertionError e) {
            problems.add(run + ": reopen failed: " + e);
            return;
        }
        boolean matches = expected != null ? reopened.equals(expected)
                : reopened.equals(before) || reopened.equals(after)
                        || isRetentionStep(reopened, before, after);
        if (!matches) {
            problems.add(run + ": reopened state " + reopened.summary() + " is "
                    + (expected != null ? "not the state after " + after.summary()
                    : "neither the state before " + before.summary() + " nor the state after "
                            + after.summary()));
        }
    }

    /**
     * Returns whether {@code reopened} lies between a retention run's states: each partition
     * keeps a suffix of its records from before, cut no further than after the run, because
     * a run deletes one whole segment at a time.
     */
    private static boolean isRetentionStep(DirectorySnapshot reopened, DirectorySnapshot before,
            DirectorySnapshot after) {
        if (!reopened.groups().equals(before.groups())
                || !reopened.topics().keySet().equals(before.topics().keySet())) {
            return false;
        }
        for (String topic : before.topics().keySet()) {
            List<DirectorySnapshot.PartitionImage> was = before.topics().get(topic).partitions();
            List<DirectorySnapshot.PartitionImage> is = reopened.topics().get(topic).partitions();
            List<DirectorySnapshot.PartitionImage> will = after.topics().get(topic).partitions();
            for (int p = 0; p < was.size(); p++) {
                List<RecordImage> records = was.get(p).records();
                long cut = is.get(p).startOffset() - was.get(p).startOffset();
                boolean suffix = cut >= 0 && is.get(p).startOffset() <= will.get(p).startOffset()
                        && is.get(p).records().equals(records.subList((int) cut, records.size()));
                if (!suffix) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void checkAppend(String run, LucidMQ mq, String topic, List<String> problems) {
        TopicDescription description = mq.describeTopic(topic).orElseThrow();
        long end = description.partitions().get(0).endOffset();
        RecordMetadata appended = mq.producer().send(ProducerRecord.builder(topic)
                .partition(0).value("after reopen").build());
        if (appended.offset() != end) {
            problems.add(run + ": append to " + topic + " after reopen got offset "
                    + appended.offset() + ", expected " + end);
        }
    }

    /** Runs the scenario without faults, with or without its operation, and reopens. */
    private DirectorySnapshot reference(FaultScenario scenario, boolean withOperation) {
        Path directory = temp.resolve(scenario + (withOperation ? "-after" : "-before"));
        try (LucidMQ mq = LucidMQ.open(config(directory, new FaultInjectingFileIO()))) {
            scenario.prepare(mq);
            if (withOperation) {
                scenario.operation(mq);
            }
        }
        return DirectorySnapshot.reopen(directory);
    }

    /**
     * The faulty configuration: without background segment work, so that every file operation
     * runs inside the engine call that causes it and the N-th call is the same in every run.
     */
    static LucidConfig config(Path directory, FaultInjectingFileIO fileIO) {
        return LucidConfig.builder(directory).fileIO(fileIO).durability(DurabilityPolicy.SYNC)
                .clock(new MutableClock(NOW)).retentionCheckInterval(Duration.ofHours(1))
                .backgroundSegmentWork(false).build();
    }
}
