package io.lucidmq.sample.sampler;

import io.lucidmq.sample.reading.Reading;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes readings of the machine the application runs on. Thread-safe.
 *
 * <p>The metrics are {@value #LOAD_AVERAGE} (system load average over the last minute),
 * {@value #CPU_USAGE} (system CPU usage from 0 to 1), {@value #MEMORY_USED_BYTES},
 * {@value #MEMORY_FREE_BYTES} (physical memory) and {@value #DISK_FREE_BYTES} (space usable by
 * this JVM on the file system of the data directory). CPU and memory figures come from
 * {@code com.sun.management.OperatingSystemMXBean}, which not every JVM provides. A metric the
 * platform cannot report (the operating system bean returns a negative value, or the bean is
 * missing) is left out of the sample rather than sent as a made-up value.
 */
public final class MachineSampler {

    /** Metric name of the one-minute system load average. */
    public static final String LOAD_AVERAGE = "load-average";

    /** Metric name of the system CPU usage, from 0 (idle) to 1 (all cores busy). */
    public static final String CPU_USAGE = "cpu-usage";

    /** Metric name of the physical memory in use, in bytes. */
    public static final String MEMORY_USED_BYTES = "memory-used-bytes";

    /** Metric name of the free physical memory, in bytes. */
    public static final String MEMORY_FREE_BYTES = "memory-free-bytes";

    /** Metric name of the disk space usable on the data directory's file system, in bytes. */
    public static final String DISK_FREE_BYTES = "disk-free-bytes";

    private static final Logger logger = LoggerFactory.getLogger(MachineSampler.class);

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final Path directory;
    private final String host;
    private final Clock clock;
    private final AtomicBoolean diskWarningLogged = new AtomicBoolean();

    /**
     * Creates a sampler.
     *
     * @param directory a directory on the file system whose free space is sampled
     * @param host the host name stamped on every reading; must be a valid {@link Reading} host
     * @param clock the clock that stamps the readings
     */
    public MachineSampler(Path directory, String host, Clock clock) {
        this.directory = directory;
        this.host = host;
        this.clock = clock;
    }

    /** Returns the readings the platform can report now, all with the same timestamp. */
    public List<Reading> sample() {
        Instant now = clock.instant();
        List<Reading> readings = new ArrayList<>(5);
        addIfKnown(readings, LOAD_AVERAGE, os.getSystemLoadAverage(), now);
        if (os instanceof com.sun.management.OperatingSystemMXBean extended) {
            addIfKnown(readings, CPU_USAGE, extended.getCpuLoad(), now);
            long total = extended.getTotalMemorySize();
            long free = extended.getFreeMemorySize();
            if (total > 0 && free >= 0 && free <= total) {
                readings.add(new Reading(host, MEMORY_USED_BYTES, total - free, now));
                readings.add(new Reading(host, MEMORY_FREE_BYTES, free, now));
            }
        }
        addIfKnown(readings, DISK_FREE_BYTES, usableSpace(), now);
        return readings;
    }

    private void addIfKnown(List<Reading> readings, String metric, double value, Instant now) {
        if (value >= 0 && Double.isFinite(value)) {
            readings.add(new Reading(host, metric, value, now));
        }
    }

    private double usableSpace() {
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            // Logged once at warn, because the sampler runs every second.
            if (diskWarningLogged.compareAndSet(false, true)) {
                logger.warn("Cannot read the free space of {}; {} is left out of the samples",
                        directory, DISK_FREE_BYTES, e);
            } else {
                logger.debug("Cannot read the free space of {}", directory, e);
            }
            return -1;
        }
    }
}
