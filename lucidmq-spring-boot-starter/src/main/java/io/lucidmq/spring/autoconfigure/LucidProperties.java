package io.lucidmq.spring.autoconfigure;

import io.lucidmq.DurabilityPolicy;
import io.lucidmq.consumer.OffsetResetPolicy;
import io.lucidmq.spring.listener.AckMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code lucidmq.*} properties. Defaults equal the core's defaults ({@code LucidConfig},
 * {@code TopicConfig}, {@code ConsumerConfig}); values are checked when the beans are created
 * and an invalid one fails the startup, naming the property.
 */
@ConfigurationProperties("lucidmq")
public class LucidProperties {

    /** Whether to auto-configure LucidMQ. */
    private boolean enabled = true;

    /** Data directory; a relative path is resolved against the working directory. */
    private Path directory = Path.of("lucidmq-data");

    /** Default durability policy of topics: when appended records are forced to disk. */
    private DurabilityPolicy durability = DurabilityPolicy.SYNC;

    /** Time between forces to disk under the 'interval' durability policy. */
    private Duration forceInterval = Duration.ofSeconds(1);

    /** Default size at which a segment file is sealed and a new one started. */
    private DataSize segmentSize = DataSize.ofMegabytes(64);

    /** Default maximum encoded size of one record: key, value, headers and overhead. */
    private DataSize maxRecordSize = DataSize.ofMegabytes(1);

    /** Default partition size above which old segments are deleted; unset or -1 for no limit. */
    private @Nullable DataSize retentionBytes;

    /** Default age after which a sealed segment is deleted; -1 for no limit. */
    private Duration retention = Duration.ofDays(7);

    /** Whether a send to a missing topic creates it with the default settings. */
    private boolean autoCreateTopics = true;

    /** Number of partitions of topics created without explicit settings. */
    private int defaultPartitions = 1;

    /** Maximum delay before records written by another process become visible. */
    private Duration externalPollInterval = Duration.ofMillis(100);

    /** Time between retention runs. */
    private Duration retentionCheckInterval = Duration.ofMinutes(1);

    /**
     * Maximum number of segment files kept open at once, at least 16. Unless set, a quarter of
     * the process's open-file limit on Linux, at most 512, and 512 elsewhere.
     */
    private Integer maxOpenSegmentFiles;

    /**
     * Whether background threads prepare segment file space ahead of the appends and seal full
     * segments; off, the sending thread does both.
     */
    private boolean backgroundSegmentWork = true;

    /** Topics to create at startup, or to check against the existing ones, by name. */
    private Map<String, Topic> topics = new LinkedHashMap<>();

    private final Listener listener = new Listener();

    private final Template template = new Template();

    private final Health health = new Health();

    private final Metrics metrics = new Metrics();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Path getDirectory() {
        return directory;
    }

    public void setDirectory(Path directory) {
        this.directory = directory;
    }

    public DurabilityPolicy getDurability() {
        return durability;
    }

    public void setDurability(DurabilityPolicy durability) {
        this.durability = durability;
    }

    public Duration getForceInterval() {
        return forceInterval;
    }

    public void setForceInterval(Duration forceInterval) {
        this.forceInterval = forceInterval;
    }

    public DataSize getSegmentSize() {
        return segmentSize;
    }

    public void setSegmentSize(DataSize segmentSize) {
        this.segmentSize = segmentSize;
    }

    public DataSize getMaxRecordSize() {
        return maxRecordSize;
    }

    public void setMaxRecordSize(DataSize maxRecordSize) {
        this.maxRecordSize = maxRecordSize;
    }

    public @Nullable DataSize getRetentionBytes() {
        return retentionBytes;
    }

    public void setRetentionBytes(@Nullable DataSize retentionBytes) {
        this.retentionBytes = retentionBytes;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public boolean isAutoCreateTopics() {
        return autoCreateTopics;
    }

    public void setAutoCreateTopics(boolean autoCreateTopics) {
        this.autoCreateTopics = autoCreateTopics;
    }

    public int getDefaultPartitions() {
        return defaultPartitions;
    }

    public void setDefaultPartitions(int defaultPartitions) {
        this.defaultPartitions = defaultPartitions;
    }

    public Duration getExternalPollInterval() {
        return externalPollInterval;
    }

    public void setExternalPollInterval(Duration externalPollInterval) {
        this.externalPollInterval = externalPollInterval;
    }

    public Duration getRetentionCheckInterval() {
        return retentionCheckInterval;
    }

    public void setRetentionCheckInterval(Duration retentionCheckInterval) {
        this.retentionCheckInterval = retentionCheckInterval;
    }

    public Integer getMaxOpenSegmentFiles() {
        return maxOpenSegmentFiles;
    }

    public void setMaxOpenSegmentFiles(Integer maxOpenSegmentFiles) {
        this.maxOpenSegmentFiles = maxOpenSegmentFiles;
    }

    public boolean isBackgroundSegmentWork() {
        return backgroundSegmentWork;
    }

    public void setBackgroundSegmentWork(boolean backgroundSegmentWork) {
        this.backgroundSegmentWork = backgroundSegmentWork;
    }

    public Map<String, Topic> getTopics() {
        return topics;
    }

    public void setTopics(Map<String, Topic> topics) {
        this.topics = topics;
    }

    public Listener getListener() {
        return listener;
    }

    public Template getTemplate() {
        return template;
    }

    public Health getHealth() {
        return health;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** Settings of one topic; an unset value takes the instance default above. */
    public static class Topic {

        /** Number of partitions, at least 1. */
        private @Nullable Integer partitions;

        /** Size at which a segment file is sealed and a new one started. */
        private @Nullable DataSize segmentSize;

        /** Maximum encoded size of one record. */
        private @Nullable DataSize maxRecordSize;

        /** Partition size above which the oldest segments are deleted; -1 for no limit. */
        private @Nullable DataSize retentionBytes;

        /** Age after which a sealed segment is deleted; -1 for no limit. */
        private @Nullable Duration retention;

        /** Durability policy of this topic. */
        private @Nullable DurabilityPolicy durability;

        public @Nullable Integer getPartitions() {
            return partitions;
        }

        public void setPartitions(@Nullable Integer partitions) {
            this.partitions = partitions;
        }

        public @Nullable DataSize getSegmentSize() {
            return segmentSize;
        }

        public void setSegmentSize(@Nullable DataSize segmentSize) {
            this.segmentSize = segmentSize;
        }

        public @Nullable DataSize getMaxRecordSize() {
            return maxRecordSize;
        }

        public void setMaxRecordSize(@Nullable DataSize maxRecordSize) {
            this.maxRecordSize = maxRecordSize;
        }

        public @Nullable DataSize getRetentionBytes() {
            return retentionBytes;
        }

        public void setRetentionBytes(@Nullable DataSize retentionBytes) {
            this.retentionBytes = retentionBytes;
        }

        public @Nullable Duration getRetention() {
            return retention;
        }

        public void setRetention(@Nullable Duration retention) {
            this.retention = retention;
        }

        public @Nullable DurabilityPolicy getDurability() {
            return durability;
        }

        public void setDurability(@Nullable DurabilityPolicy durability) {
            this.durability = durability;
        }
    }

    /** Defaults of every @LucidListener container. */
    public static class Listener {

        /** Number of consumer threads per listener container, at least 1. */
        private int concurrency = 1;

        /** Maximum wait of one poll. */
        private Duration pollTimeout = Duration.ofSeconds(1);

        /** Maximum number of records one poll returns, at least 1. */
        private int maxPollRecords = 500;

        /** When offsets are committed: after each record, each poll or each acknowledgement. */
        private AckMode ackMode = AckMode.BATCH;

        /** Whether listener containers start with the application. */
        private boolean autoStartup = true;

        /** Start position of a group without a committed offset: earliest, latest or none. */
        private OffsetResetPolicy offsetReset = OffsetResetPolicy.EARLIEST;

        /** Maximum time a container's stop waits for its consumer threads. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        private final Retry retry = new Retry();

        private final DeadLetter deadLetter = new DeadLetter();

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        public Duration getPollTimeout() {
            return pollTimeout;
        }

        public void setPollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
        }

        public int getMaxPollRecords() {
            return maxPollRecords;
        }

        public void setMaxPollRecords(int maxPollRecords) {
            this.maxPollRecords = maxPollRecords;
        }

        public AckMode getAckMode() {
            return ackMode;
        }

        public void setAckMode(AckMode ackMode) {
            this.ackMode = ackMode;
        }

        public boolean isAutoStartup() {
            return autoStartup;
        }

        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public OffsetResetPolicy getOffsetReset() {
            return offsetReset;
        }

        public void setOffsetReset(OffsetResetPolicy offsetReset) {
            this.offsetReset = offsetReset;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public Retry getRetry() {
            return retry;
        }

        public DeadLetter getDeadLetter() {
            return deadLetter;
        }
    }

    /** Retries of the default error handler before a failed record is recovered. */
    public static class Retry {

        /** Total delivery attempts of a failing record, the first included; at least 1. */
        private int maxAttempts = 3;

        /** Wait before the first retry. */
        private Duration interval = Duration.ofSeconds(1);

        /** Factor applied to the wait after each retry; 1 keeps it fixed. */
        private double multiplier = 1.0;

        /** Maximum wait between two attempts. */
        private Duration maxInterval = Duration.ofSeconds(30);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }
    }

    /** Publishing of failed records to dead-letter topics. */
    public static class DeadLetter {

        /** Whether to publish failed records to a dead-letter topic, not log and skip them. */
        private boolean enabled;

        /** Suffix appended to a record's topic to name its dead-letter topic. */
        private String suffix = "-dlt";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getSuffix() {
            return suffix;
        }

        public void setSuffix(String suffix) {
            this.suffix = suffix;
        }
    }

    /** LucidTemplate settings. */
    public static class Template {

        /** Topic of sendDefault and of messages without a topic header. */
        private @Nullable String defaultTopic;

        public @Nullable String getDefaultTopic() {
            return defaultTopic;
        }

        public void setDefaultTopic(@Nullable String defaultTopic) {
            this.defaultTopic = defaultTopic;
        }
    }

    /** LucidMQ health indicator settings. */
    public static class Health {

        /** Free disk space below which the health indicator reports DOWN. */
        private DataSize minFreeSpace = DataSize.ofMegabytes(10);

        public DataSize getMinFreeSpace() {
            return minFreeSpace;
        }

        public void setMinFreeSpace(DataSize minFreeSpace) {
            this.minFreeSpace = minFreeSpace;
        }
    }

    /** LucidMQ meter settings. */
    public static class Metrics {

        /** Time between scans for new topics, partitions and groups to register gauges for. */
        private Duration refreshInterval = Duration.ofSeconds(10);

        public Duration getRefreshInterval() {
            return refreshInterval;
        }

        public void setRefreshInterval(Duration refreshInterval) {
            this.refreshInterval = refreshInterval;
        }
    }
}
