package io.lucidmq.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The group-commit ceilings and the verdict they give the 16-thread durable target. */
class GroupCommitLimitsTest {

    private static final String DURABLE = "io.lucidmq.benchmarks.durable.";
    private static final JmhResult.Settings SETTINGS = new JmhResult.Settings(1, 1, "1 s", 3,
            "1 s", "java", "17", "OpenJDK 64-Bit Server VM", "1.37");

    private final Figures figures = new Figures(List.of(
            result("LucidDurableBenchmark.oneThread", 1, Map.of("valueBytes", "1024"), 12_000),
            result("LucidDurableBenchmark.sixteenThreads", 16, Map.of("valueBytes", "1024"),
                    60_000),
            result("RawBatchForceBenchmark.writeThenForce", 1,
                    Map.of("valueBytes", "1024", "recordsPerForce", "8"), 10_000),
            result("RawBatchForceBenchmark.writeThenForce", 1,
                    Map.of("valueBytes", "1024", "recordsPerForce", "16"), 8_000),
            result("SenderReleaseBenchmark.passBarrier", 16, Map.of(), 160_000)), List.of());

    @Test
    void ceilingsFollowFromForceAndReleaseTimes() {
        GroupCommitLimits limits = new GroupCommitLimits(figures);

        assertThat(limits.forceMicros(16)).hasValue(125.0);
        assertThat(limits.releaseRoundMicros()).hasValue(100.0);
        assertThat(limits.gatheredCeiling().get()).isCloseTo(16e6 / 225, within());
        assertThat(limits.backToBackCeiling().get()).isCloseTo(80_000, within());
    }

    @Test
    void bothCeilingsBelowBoundIsOutOfReach() {
        TargetCheck check = new Targets(figures).check().stream()
                .filter(target -> target.target().contains("its 1-thread rate"))
                .findFirst().orElseThrow();

        assertThat(check.verdict()).isEqualTo(TargetCheck.Verdict.MISS);
        assertThat(check.note()).startsWith("Out of reach here. A force that waits for all 16 "
                + "senders takes 125 µs");
        assertThat(check.note()).contains("at most 71,111 records/s, 5.93× the 1-thread rate");
        assertThat(check.note()).endsWith("at most 80,000 records/s, 6.67×.");
    }

    @Test
    void missingFigureGivesNoCeiling() {
        Figures withoutRelease = new Figures(figures.jmh().stream()
                .filter(result -> !result.benchmark().contains("SenderRelease")).toList(),
                List.of());

        assertThat(new GroupCommitLimits(withoutRelease).gatheredCeiling()).isEmpty();
        assertThat(new Targets(withoutRelease).check()).noneMatch(
                check -> check.note().contains("Out of reach here. A force"));
    }

    private static Offset<Double> within() {
        return Offset.offset(0.01);
    }

    private static JmhResult result(String benchmark, int threads, Map<String, String> params,
            double score) {
        return new JmhResult(DURABLE + benchmark, "thrpt", threads, SETTINGS, params,
                new JmhResult.Metric(score, score / 20, "ops/s", score * 0.95, score * 1.05),
                Map.of());
    }
}
