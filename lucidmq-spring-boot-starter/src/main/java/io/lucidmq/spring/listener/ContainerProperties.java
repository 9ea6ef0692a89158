package io.lucidmq.spring.listener;

import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.OffsetResetPolicy;
import io.lucidmq.topic.Names;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The consuming settings of one listener container: what it reads and how. Immutable and
 * thread-safe; build one with {@link #builder(String, List)}.
 *
 * @param groupId the consumer group
 * @param topics the subscribed topics, at least one
 * @param concurrency the number of consumers, each on its own thread; at least 1
 * @param pollTimeout the maximum wait of one poll; above zero. It also bounds how long a
 *     paused container or a late manual acknowledgement waits.
 * @param maxPollRecords the maximum number of records one poll returns; at least 1
 * @param ackMode when offsets are committed
 * @param offsetReset where a consumer starts without a committed offset
 */
public record ContainerProperties(String groupId, List<String> topics, int concurrency,
        Duration pollTimeout, int maxPollRecords, AckMode ackMode,
        OffsetResetPolicy offsetReset) {

    /** Default {@link #concurrency()}. */
    public static final int DEFAULT_CONCURRENCY = 1;

    /** Default {@link #pollTimeout()}: one second. */
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(1);

    /** Default {@link #maxPollRecords()}, the core consumer's default. */
    public static final int DEFAULT_MAX_POLL_RECORDS = ConsumerConfig.DEFAULT_MAX_POLL_RECORDS;

    /** Validates every value; each message names the value and what is allowed. */
    public ContainerProperties {
        Names.requireValidGroupId(groupId);
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a listener container needs at least one topic");
        }
        topics.forEach(Names::requireValidTopic);
        if (concurrency < 1) {
            throw new IllegalArgumentException(
                    "concurrency must be at least 1, but was " + concurrency);
        }
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        if (pollTimeout.isZero() || pollTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "pollTimeout must be above zero, but was " + pollTimeout);
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException(
                    "maxPollRecords must be at least 1, but was " + maxPollRecords);
        }
        Objects.requireNonNull(ackMode, "ackMode");
        Objects.requireNonNull(offsetReset, "offsetReset");
    }

    /** Starts properties for {@code groupId} reading {@code topics}, with the defaults. */
    public static Builder builder(String groupId, List<String> topics) {
        return new Builder(groupId, topics);
    }

    /** Returns a builder that starts from these values. */
    public Builder toBuilder() {
        return new Builder(groupId, topics)
                .concurrency(concurrency)
                .pollTimeout(pollTimeout)
                .maxPollRecords(maxPollRecords)
                .ackMode(ackMode)
                .offsetReset(offsetReset);
    }

    /** A mutable builder of {@link ContainerProperties}; not thread-safe. */
    public static final class Builder {

        private String groupId;
        private List<String> topics;
        private int concurrency = DEFAULT_CONCURRENCY;
        private Duration pollTimeout = DEFAULT_POLL_TIMEOUT;
        private int maxPollRecords = DEFAULT_MAX_POLL_RECORDS;
        private AckMode ackMode = AckMode.BATCH;
        private OffsetResetPolicy offsetReset = OffsetResetPolicy.EARLIEST;

        private Builder(String groupId, List<String> topics) {
            this.groupId = groupId;
            this.topics = topics;
        }

        /** Sets the consumer group. */
        public Builder groupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        /** Sets the subscribed topics. */
        public Builder topics(List<String> topics) {
            this.topics = topics;
            return this;
        }

        /** Sets the number of consumer threads. */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** Sets the maximum wait of one poll. */
        public Builder pollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
            return this;
        }

        /** Sets the maximum number of records per poll. */
        public Builder maxPollRecords(int maxPollRecords) {
            this.maxPollRecords = maxPollRecords;
            return this;
        }

        /** Sets when offsets are committed. */
        public Builder ackMode(AckMode ackMode) {
            this.ackMode = ackMode;
            return this;
        }

        /** Sets where a consumer starts without a committed offset. */
        public Builder offsetReset(OffsetResetPolicy offsetReset) {
            this.offsetReset = offsetReset;
            return this;
        }

        /**
         * Builds the properties.
         *
         * @throws IllegalArgumentException if a value is out of range
         */
        public ContainerProperties build() {
            return new ContainerProperties(groupId, topics, concurrency, pollTimeout,
                    maxPollRecords, ackMode, offsetReset);
        }
    }
}
