package io.lucidmq.sample.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.sample.reading.Reading;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineSamplerTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");

    @TempDir
    Path directory;

    private List<Reading> sample() {
        return new MachineSampler(directory, "test-host", Clock.fixed(NOW, ZoneOffset.UTC))
                .sample();
    }

    @Test
    void sampleHasPlausibleFiniteReadings() {
        List<Reading> readings = sample();

        assertThat(readings).extracting(Reading::metric).doesNotHaveDuplicates()
                .isSubsetOf(MachineSampler.LOAD_AVERAGE, MachineSampler.CPU_USAGE,
                        MachineSampler.MEMORY_USED_BYTES, MachineSampler.MEMORY_FREE_BYTES,
                        MachineSampler.DISK_FREE_BYTES)
                .contains(MachineSampler.DISK_FREE_BYTES);
        for (Reading reading : readings) {
            assertThat(reading.host()).isEqualTo("test-host");
            assertThat(reading.timestamp()).isEqualTo(NOW);
            assertThat(reading.value()).as(reading.metric()).isFinite().isNotNegative();
        }
    }

    @Test
    void diskFreeMatchesFileStore() throws Exception {
        long usable = java.nio.file.Files.getFileStore(directory).getUsableSpace();

        double sampled = value(sample(), MachineSampler.DISK_FREE_BYTES);

        // Other processes write to the same disk, so allow a drift of 1 GiB.
        assertThat(sampled).isBetween(usable - 1e9, usable + 1e9);
    }

    @Test
    void cpuUsageIsFraction() {
        List<Reading> readings = sample();
        if (readings.stream().anyMatch(r -> r.metric().equals(MachineSampler.CPU_USAGE))) {
            assertThat(value(readings, MachineSampler.CPU_USAGE)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void memoryFiguresAddUp() {
        List<Reading> readings = sample();
        boolean reported = readings.stream()
                .anyMatch(r -> r.metric().equals(MachineSampler.MEMORY_USED_BYTES));
        if (reported) {
            double used = value(readings, MachineSampler.MEMORY_USED_BYTES);
            double free = value(readings, MachineSampler.MEMORY_FREE_BYTES);
            long total = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
            assertThat(used + free).isEqualTo((double) total);
            assertThat(used).isPositive();
        }
    }

    @Test
    void hostNameFallsBackAndIsMadeValid() {
        assertThat(HostNames.resolve("edge-7", Map.of("HOSTNAME", "other"), "kernel"))
                .isEqualTo("edge-7");
        assertThat(HostNames.resolve("", Map.of("HOSTNAME", "box.local"), "kernel"))
                .isEqualTo("box.local");
        assertThat(HostNames.resolve(" ", Map.of("COMPUTERNAME", "PC 1/2"), null))
                .isEqualTo("PC-1-2");
        assertThat(HostNames.resolve(null, Map.of(), "kernel")).isEqualTo("kernel");
        assertThat(HostNames.resolve(null, Map.of(), null)).isEqualTo(HostNames.FALLBACK);
        assertThat(HostNames.resolve("x".repeat(100), Map.of(), null))
                .hasSize(Reading.MAX_NAME_LENGTH);
        assertThat(new Reading(HostNames.resolve(""), "m", 1, NOW).host()).isNotBlank();
    }

    private static double value(List<Reading> readings, String metric) {
        return readings.stream().filter(r -> r.metric().equals(metric)).findFirst()
                .orElseThrow().value();
    }
}
