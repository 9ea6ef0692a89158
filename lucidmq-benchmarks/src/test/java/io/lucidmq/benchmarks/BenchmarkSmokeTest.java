package io.lucidmq.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.benchmarks.harness.HarnessMain;
import io.lucidmq.benchmarks.harness.HarnessMode;
import io.lucidmq.benchmarks.harness.HarnessResult;
import io.lucidmq.benchmarks.support.BenchDirs;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and harness scenario once with the smallest settings, so a broken
 * benchmark fails the build. The figures are not checked: they are meaningless at this size.
 *
 * <p>JMH runs in this JVM (no forks), which the module's pom starts with Chronicle Queue's
 * JVM options.
 */
class BenchmarkSmokeTest {

    @TempDir
    static Path dataDir;

    private static String previousBaseDir;

    @BeforeAll
    static void useTempDataDir() {
        previousBaseDir = System.getProperty(BenchDirs.BASE_DIR_PROPERTY);
        System.setProperty(BenchDirs.BASE_DIR_PROPERTY, dataDir.toString());
    }

    @AfterAll
    static void restoreDataDir() {
        if (previousBaseDir == null) {
            System.clearProperty(BenchDirs.BASE_DIR_PROPERTY);
        } else {
            System.setProperty(BenchDirs.BASE_DIR_PROPERTY, previousBaseDir);
        }
    }

    @Test
    void everyJmhBenchmarkRunsOnce() throws Exception {
        Options options = new OptionsBuilder()
                .include("io\\.lucidmq\\.benchmarks\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .param("records", "2000")
                .param("partitionBytes", String.valueOf(4 * 1024 * 1024))
                .shouldFailOnError(true)
                .timeout(TimeValue.seconds(60))
                .build();

        Collection<RunResult> results = new Runner(options).run();

        Set<String> benchmarks = new TreeSet<>();
        results.forEach(result -> benchmarks.add(result.getParams().getBenchmark()));
        assertThat(benchmarks).contains(
                "io.lucidmq.benchmarks.append.LucidAppendBenchmark.oneThread",
                "io.lucidmq.benchmarks.durable.SqliteDurableBenchmark.sixteenThreads",
                "io.lucidmq.benchmarks.consume.ChronicleConsumeBenchmark.readAll",
                "io.lucidmq.benchmarks.recovery.LucidReopenBenchmark.afterUncleanStop",
                "io.lucidmq.benchmarks.spring.StartupBenchmark.withStarter");
        assertThat(results).allSatisfy(result ->
                assertThat(result.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void everyHarnessScenarioRunsOnce() {
        for (String scenario : List.of("produce-to-poll", "footprint", "spring")) {
            long start = System.nanoTime();
            List<HarnessResult> results = HarnessMain.run(scenario, HarnessMode.SMOKE);

            assertThat(results).as(scenario).isNotEmpty();
            assertThat(results).as(scenario)
                    .allSatisfy(result -> assertThat(result.error()).isNull());
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start))
                    .as(scenario + " seconds").isLessThan(60);
        }
    }
}
