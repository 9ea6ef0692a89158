package io.lucidmq;

import io.lucidmq.io.FileIO;
import io.lucidmq.io.OpenFileLimit;
import io.lucidmq.topic.TopicConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of a {@link LucidMQ} instance. Immutable and thread-safe; build one with
 * {@link #builder(Path)}.
 *
 * <p>Every setting has a default, so {@code LucidConfig.builder(dir).build()} is a working
 * configuration: force before every acknowledgement, topics created on first send with
 * {@link TopicConfig#defaults()}.
 */
public final class LucidConfig {

    /** Default {@link #forceInterval()}: one second. */
    public static final Duration DEFAULT_FORCE_INTERVAL = Duration.ofSeconds(1);

    /** Default {@link #externalPollInterval()}: 100 milliseconds. */
    public static final Duration DEFAULT_EXTERNAL_POLL_INTERVAL = Duration.ofMillis(100);

    /** Default {@link #retentionCheckInterval()}: one minute. */
    public static final Duration DEFAULT_RETENTION_CHECK_INTERVAL = Duration.ofMinutes(1);

    /**
     * Default {@link #maxOpenSegmentFiles()} where the process may open at least four times as
     * many files; see {@link #defaultMaxOpenSegmentFiles(long)}.
     */
    public static final int DEFAULT_MAX_OPEN_SEGMENT_FILES = 512;

    /** Smallest {@link #maxOpenSegmentFiles()}. */
    public static final int MIN_OPEN_SEGMENT_FILES = 16;

    private final Path directory;
    private final DurabilityPolicy durability;
    private final Duration forceInterval;
    private final TopicConfig defaultTopicConfig;
    private final boolean autoCreateTopics;
    private final boolean readOnly;
    private final Duration externalPollInterval;
    private final Duration retentionCheckInterval;
    private final int maxOpenSegmentFiles;
    private final boolean backgroundSegmentWork;
    private final Clock clock;
    private final FileIO fileIO;

    private LucidConfig(Builder builder) {
        this.directory = builder.directory.toAbsolutePath().normalize();
        this.durability = builder.durability;
        this.forceInterval = builder.forceInterval;
        this.defaultTopicConfig = builder.defaultTopicConfig;
        this.autoCreateTopics = builder.autoCreateTopics;
        this.readOnly = builder.readOnly;
        this.externalPollInterval = builder.externalPollInterval;
        this.retentionCheckInterval = builder.retentionCheckInterval;
        this.maxOpenSegmentFiles = builder.maxOpenSegmentFiles != null
                ? builder.maxOpenSegmentFiles
                : defaultMaxOpenSegmentFiles(OpenFileLimit.ofProcess().orElse(0));
        this.backgroundSegmentWork = builder.backgroundSegmentWork;
        this.clock = builder.clock;
        this.fileIO = builder.fileIO;
    }

    /**
     * Returns the default {@link #maxOpenSegmentFiles()} for a process that may open
     * {@code openFileLimit} files: a quarter of them, leaving the rest to the application and
     * to the files LucidMQ keeps open besides sealed segments, but at most
     * {@link #DEFAULT_MAX_OPEN_SEGMENT_FILES} and at least {@link #MIN_OPEN_SEGMENT_FILES}.
     * With a limit of 0 or less (not known), returns {@link #DEFAULT_MAX_OPEN_SEGMENT_FILES}.
     */
    public static int defaultMaxOpenSegmentFiles(long openFileLimit) {
        if (openFileLimit <= 0) {
            return DEFAULT_MAX_OPEN_SEGMENT_FILES;
        }
        return (int) Math.max(MIN_OPEN_SEGMENT_FILES,
                Math.min(DEFAULT_MAX_OPEN_SEGMENT_FILES, openFileLimit / 4));
    }

    /** Starts a configuration for {@code directory}, created on open if missing. */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** Returns a builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder builder = new Builder(directory);
        builder.durability = durability;
        builder.forceInterval = forceInterval;
        builder.defaultTopicConfig = defaultTopicConfig;
        builder.autoCreateTopics = autoCreateTopics;
        builder.readOnly = readOnly;
        builder.externalPollInterval = externalPollInterval;
        builder.retentionCheckInterval = retentionCheckInterval;
        builder.maxOpenSegmentFiles = maxOpenSegmentFiles;
        builder.backgroundSegmentWork = backgroundSegmentWork;
        builder.clock = clock;
        builder.fileIO = fileIO;
        return builder;
    }

    /** The absolute, normalized data directory. */
    public Path directory() {
        return directory;
    }

    /** The durability policy of topics that do not override it; default {@code SYNC}. */
    public DurabilityPolicy durability() {
        return durability;
    }

    /** The time between forces under {@link DurabilityPolicy#INTERVAL}. */
    public Duration forceInterval() {
        return forceInterval;
    }

    /** The configuration of topics created without one, including auto-created topics. */
    public TopicConfig defaultTopicConfig() {
        return defaultTopicConfig;
    }

    /** Whether a send to a missing topic creates it with the default configuration. */
    public boolean autoCreateTopics() {
        return autoCreateTopics;
    }

    /** Whether this instance only reads: it takes no lock, recovers nothing and writes nothing. */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * The maximum delay before records, segments and topics written by another process become
     * visible to this instance's consumers. Records appended in the same process wake
     * consumers at once.
     */
    public Duration externalPollInterval() {
        return externalPollInterval;
    }

    /** The time between retention runs. */
    public Duration retentionCheckInterval() {
        return retentionCheckInterval;
    }

    /**
     * The maximum number of segment files kept open at once across all partitions. Past it,
     * the least recently used sealed segments are closed and reopened on demand. Unless set,
     * {@link #defaultMaxOpenSegmentFiles(long)} of the process's open-file limit on Linux,
     * and {@link #DEFAULT_MAX_OPEN_SEGMENT_FILES} elsewhere.
     */
    public int maxOpenSegmentFiles() {
        return maxOpenSegmentFiles;
    }

    /**
     * Whether three background threads do the segment file work whose size grows with the
     * data: claiming file space ahead of the appends in the active segment and in the next
     * segment's file, and forcing, trimming and indexing a full segment after a roll. Default
     * {@code true}. Off, the appending thread does both inside
     * the send that needs them: appends are slower and a roll waits for a force, but every
     * file operation happens inside the call that causes it.
     */
    public boolean backgroundSegmentWork() {
        return backgroundSegmentWork;
    }

    /** The clock for record timestamps and retention by age. */
    public Clock clock() {
        return clock;
    }

    /** The file operations the engine uses; replaced only by tests that inject faults. */
    public FileIO fileIO() {
        return fileIO;
    }

    @Override
    public String toString() {
        return "LucidConfig{directory=" + directory + ", durability=" + durability
                + ", forceInterval=" + forceInterval + ", defaultTopicConfig=" + defaultTopicConfig
                + ", autoCreateTopics=" + autoCreateTopics + ", readOnly=" + readOnly
                + ", externalPollInterval=" + externalPollInterval
                + ", retentionCheckInterval=" + retentionCheckInterval
                + ", maxOpenSegmentFiles=" + maxOpenSegmentFiles
                + ", backgroundSegmentWork=" + backgroundSegmentWork + "}";
    }

    /** A mutable builder of {@link LucidConfig}; not thread-safe. */
    public static final class Builder {

        private final Path directory;
        private DurabilityPolicy durability = DurabilityPolicy.SYNC;
        private Duration forceInterval = DEFAULT_FORCE_INTERVAL;
        private TopicConfig defaultTopicConfig = TopicConfig.defaults();
        private boolean autoCreateTopics = true;
        private boolean readOnly;
        private Duration externalPollInterval = DEFAULT_EXTERNAL_POLL_INTERVAL;
        private Duration retentionCheckInterval = DEFAULT_RETENTION_CHECK_INTERVAL;
        /** Set explicitly, or {@code null} for the default of the process's limit. */
        private Integer maxOpenSegmentFiles;
        private boolean backgroundSegmentWork = true;
        private Clock clock = Clock.systemUTC();
        private FileIO fileIO = FileIO.standard();

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** Sets the durability policy of topics that do not override it. */
        public Builder durability(DurabilityPolicy durability) {
            this.durability = Objects.requireNonNull(durability, "durability");
            return this;
        }

        /** Sets the time between forces under {@link DurabilityPolicy#INTERVAL}; above zero. */
        public Builder forceInterval(Duration forceInterval) {
            this.forceInterval = requirePositive("forceInterval", forceInterval);
            return this;
        }

        /** Sets the configuration of topics created without one. */
        public Builder defaultTopicConfig(TopicConfig defaultTopicConfig) {
            this.defaultTopicConfig = Objects.requireNonNull(defaultTopicConfig, "config");
            return this;
        }

        /** Sets whether a send to a missing topic creates it; default {@code true}. */
        public Builder autoCreateTopics(boolean autoCreateTopics) {
            this.autoCreateTopics = autoCreateTopics;
            return this;
        }

        /** Sets whether the instance only reads; default {@code false}. */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /** Sets the maximum delay for another process's writes to become visible; above zero. */
        public Builder externalPollInterval(Duration externalPollInterval) {
            this.externalPollInterval =
                    requirePositive("externalPollInterval", externalPollInterval);
            return this;
        }

        /** Sets the time between retention runs; above zero. */
        public Builder retentionCheckInterval(Duration retentionCheckInterval) {
            this.retentionCheckInterval =
                    requirePositive("retentionCheckInterval", retentionCheckInterval);
            return this;
        }

        /** Sets the maximum number of open segment files; at least 16. */
        public Builder maxOpenSegmentFiles(int maxOpenSegmentFiles) {
            if (maxOpenSegmentFiles < MIN_OPEN_SEGMENT_FILES) {
                throw new IllegalArgumentException("maxOpenSegmentFiles must be at least "
                        + MIN_OPEN_SEGMENT_FILES + ", but was " + maxOpenSegmentFiles);
            }
            this.maxOpenSegmentFiles = maxOpenSegmentFiles;
            return this;
        }

        /** Sets whether segment file work runs on background threads; default {@code true}. */
        public Builder backgroundSegmentWork(boolean backgroundSegmentWork) {
            this.backgroundSegmentWork = backgroundSegmentWork;
            return this;
        }

        /** Sets the clock for timestamps and retention by age. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Replaces the file operations; for tests that inject I/O faults. */
        public Builder fileIO(FileIO fileIO) {
            this.fileIO = Objects.requireNonNull(fileIO, "fileIO");
            return this;
        }

        /** Builds the configuration. */
        public LucidConfig build() {
            return new LucidConfig(this);
        }

        private static Duration requirePositive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(
                        name + " must be above zero, but was " + value);
            }
            return value;
        }
    }
}
