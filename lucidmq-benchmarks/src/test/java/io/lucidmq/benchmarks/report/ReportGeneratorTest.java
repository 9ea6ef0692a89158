package io.lucidmq.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportGeneratorTest {

    private static String page;

    @BeforeAll
    static void generatePage(@TempDir Path out) throws Exception {
        Path file = out.resolve("docs/benchmarks.md");
        ReportGenerator.main(new String[] {
            "--jmh", sample("jmh-sample.json").toString(),
            "--harness", sample("harness-sample.json").toString(),
            "--machine", sample("machine-sample.properties").toString(),
            "--out", file.toString()});
        page = Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void appendTableShowsRatioToRaw() {
        assertThat(page).contains("| 1 KiB | 1 | LucidMQ, durability OS | 800,000 ± 10,000 | 819 "
                + "| 0.80× (0.77 – 0.83) |");
        assertThat(page).contains("| 1 KiB | 1 | raw FileChannel, 64 KiB writes "
                + "| 1,000,000 ± 20,000 | 1,024 | 1.00× (0.96 – 1.04) |");
    }

    @Test
    void ratioAtTheBoundPasses() {
        assertThat(page).contains("| 1 KiB appends, no force, 1 thread: LucidMQ ≥ 80% of raw "
                + "FileChannel | 0.80× (0.77 – 0.83) | ≥ 0.80× | **PASS** |");
    }

    @Test
    void appendTargetCitesForcedRollWriter() {
        assertThat(page).contains("| 1 KiB | 1 | raw FileChannel, 64 KiB writes, full segments "
                + "forced | 960,000 ± 30,000 | 983 | 0.96× (0.92 – 1.00) |");
        assertThat(page).contains("Against the same raw writer with each full 64 MiB segment "
                + "forced in the background, the disk work LucidMQ's sealer does under "
                + "durability OS: 0.83× (0.81 – 0.86).");
    }

    @Test
    void appendTargetCitesMappedWriter() {
        assertThat(page).contains("Writes through a mapping, as LucidMQ's are, reach 0.90× "
                + "(0.86 – 0.94) of raw FileChannel here with the raw mmap writer, which neither "
                + "checksums nor prepares file space; LucidMQ is 0.89× (0.86 – 0.92) of it.");
    }

    @Test
    void ratioWithoutErrorHasNoRange() {
        assertThat(page).contains("| 100 B appends, no force, 1 thread: LucidMQ ≥ 1.2× "
                + "Chronicle Queue | 0.90× | ≥ 1.20× | **MISS** |");
    }

    @Test
    void missingFigureIsNotRun() {
        assertThat(page).contains("| 1 KiB appends, no force, 4 threads: LucidMQ ≥ 80% of raw "
                + "FileChannel | — | ≥ 0.80× | **NOT RUN** |");
        assertThat(page).contains("| 1 KiB | 4 | LucidMQ, durability OS | not in the results |");
    }

    @Test
    void durableTargetsUseFastestRawForce() {
        assertThat(page).contains("| Durable appends, 16 threads: LucidMQ ≥ 100× SQLite "
                + "synchronous=FULL | 3.33× (3.02 – 3.68) | ≥ 100× | **MISS** |");
        assertThat(page).contains("and raw writes of 16 records with one force each reach "
                + "24,000 records/s: 4.00× SQLite.");
        assertThat(page).contains("| Durable appends, 16 threads: LucidMQ ≥ 8× its 1-thread rate "
                + "| 10.0× (9.05 – 11.1) | ≥ 8.00× | **PASS** |");
        assertThat(page).contains("| Durable appends, 1 thread: LucidMQ ≥ 90% of the raw "
                + "append-and-force loop | 0.67× (0.61 – 0.72) | ≥ 0.90× | **MISS** | Limit: the "
                + "faster raw loop, force into a preallocated file. |");
    }

    @Test
    void groupCommitTargetCitesCeilings() {
        assertThat(page).contains("| 1 | raw write of 8 records, then one force | 16,000 ± 800 "
                + "| — | 8.00×");
        assertThat(page).contains("16 threads that meet at a `Phaser`, the last waking the 15 "
                + "others, with no disk work, take 100 µs a round (160,000 passes/s).");
        assertThat(page).contains("rate | 10.0× (9.05 – 11.1) | ≥ 8.00× | **PASS** | A force "
                + "that waits for all 16 senders takes 667 µs for 16 records (raw write and "
                + "force), and releasing 15 parked threads until all 16 are back takes 100 µs "
                + "(16 threads at a Phaser, no disk work): at most 20,870 records/s, 10.4× the "
                + "1-thread rate. Forces run back to back cover each sender every second force, "
                + "8 records per force on average, which take 500 µs: at most 16,000 records/s, "
                + "8.00×. |");
    }

    @Test
    void consumeTableUsesTheRecordsCounter() {
        assertThat(page).contains("| 1 KiB | LucidMQ plain reader | 100000 | 2,000,000 ± 50,000 "
                + "| 2,048 | — |");
    }

    @Test
    void latencyTargetsCiteTheFloor() {
        assertThat(page).contains("| Produce-to-poll p99 < 100 µs at 10,000 records/s, no force "
                + "| p99 80.0 µs | < 100 µs | **PASS** | A bare LinkedBlockingQueue hand-off "
                + "between the same two threads has p99 20.0 µs in this run. |");
        assertThat(page).contains("| LucidMQ | 10,000 | 12.0 | 80.0 | 150 | 400 | 90.0 | 160 "
                + "| 30.0 / 200 | 50,000 |");
        assertThat(page).contains("**NOT RUN** | Not measured: IllegalStateException: no "
                + "context");
    }

    @Test
    void shortRecoveryStatesPartitionSize() {
        assertThat(page).contains("| Reopen 1 GiB after a clean close < 100 ms | 40.0 ± 5.00 ms "
                + "| < 100 ms | **PASS** | Measured with a partition of 256.0 MiB (short mode), "
                + "not 1 GiB. |");
        assertThat(page).contains("**NOT RUN**");
    }

    @Test
    void machineAndSettingsAreListed() {
        assertThat(page).contains("| Processors (`nproc`) | 2 |");
        assertThat(page).contains("| File system of the data directory | ext4 on /dev/vda |");
        assertThat(page).contains("| Load average (1, 5, 15 min) at end | unknown |");
        assertThat(page).contains("| ChronicleAppendBenchmark, LucidAppendBenchmark, "
                + "LucidConsumeBenchmark,");
        assertThat(page).contains("| LucidReopenBenchmark | ss | 1 | 1 | 3 |");
        assertThat(page).contains("| thrpt | 1 | 1 × 1 s | 3 × 1 s |");
        assertThat(page).contains("JMH 1.37, OpenJDK 64-Bit Server VM 17.0.15.");
    }

    @Test
    void everySectionIsPresent() {
        for (String heading : List.of("## Targets", "## Where the missed targets lose time",
                "## 1. Append throughput, no force",
                "## 2. Durable append", "## 3. Consume and produce-to-poll latency",
                "## 4. Spring end-to-end", "## 5. Open and recovery", "## 6. Memory and start-up",
                "## JMH settings")) {
            assertThat(page).contains("\n" + heading);
        }
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(ReportGeneratorTest.class.getResource("/report/" + name).toURI());
    }
}
