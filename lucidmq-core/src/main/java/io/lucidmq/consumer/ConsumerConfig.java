package io.lucidmq.consumer;

import io.lucidmq.TopicPartition;
import io.lucidmq.topic.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one {@link Consumer}. Immutable; build one with {@link #group(String)} for a
 * consumer-group member or {@link #reader()} for a plain reader.
 *
 * <p>A group member subscribes to topics and gets a share of their partitions; the share is
 * recomputed when members join or leave. A plain reader has no group: it reads exactly the
 * partitions it assigns, from the offsets it seeks to, and cannot commit.
 */
public final class ConsumerConfig {

    /** Default {@link #maxPollRecords()}. */
    public static final int DEFAULT_MAX_POLL_RECORDS = 500;

    private final String groupId;
    private final List<String> topics;
    private final List<TopicPartition> assignment;
    private final int maxPollRecords;
    private final OffsetResetPolicy offsetReset;
    private final RebalanceListener rebalanceListener;
    private final String clientId;

    private ConsumerConfig(Builder builder) {
        this.groupId = builder.groupId;
        this.topics = List.copyOf(builder.topics);
        this.assignment = List.copyOf(builder.assignment);
        this.maxPollRecords = builder.maxPollRecords;
        this.offsetReset = builder.offsetReset;
        this.rebalanceListener = builder.rebalanceListener;
        this.clientId = builder.clientId;
    }

    /** Starts the configuration of a member of {@code groupId}. */
    public static Builder group(String groupId) {
        return new Builder(Names.requireValidGroupId(groupId));
    }

    /** Starts the configuration of a plain reader with no group. */
    public static Builder reader() {
        return new Builder(null);
    }

    /** The group id, or empty for a plain reader. */
    public Optional<String> groupId() {
        return Optional.ofNullable(groupId);
    }

    /** The subscribed topics of a group member; empty for a plain reader. */
    public List<String> topics() {
        return topics;
    }

    /** The partitions a plain reader reads; empty for a group member. */
    public List<TopicPartition> assignment() {
        return assignment;
    }

    /** The maximum number of records one poll returns. */
    public int maxPollRecords() {
        return maxPollRecords;
    }

    /** Where to start without a committed offset, or when the position is out of range. */
    public OffsetResetPolicy offsetReset() {
        return offsetReset;
    }

    /** The listener for assignment changes; a no-op by default. */
    public RebalanceListener rebalanceListener() {
        return rebalanceListener;
    }

    /** A name for this consumer in logs and group descriptions. */
    public String clientId() {
        return clientId;
    }

    /** A mutable builder of {@link ConsumerConfig}; not thread-safe. */
    public static final class Builder {

        private final String groupId;
        private final List<String> topics = new ArrayList<>();
        private final List<TopicPartition> assignment = new ArrayList<>();
        private int maxPollRecords = DEFAULT_MAX_POLL_RECORDS;
        private OffsetResetPolicy offsetReset = OffsetResetPolicy.EARLIEST;
        private RebalanceListener rebalanceListener = new RebalanceListener() { };
        private String clientId;

        private Builder(String groupId) {
            this.groupId = groupId;
        }

        /** Subscribes a group member to {@code topics}. */
        public Builder topics(String... topics) {
            return topics(List.of(topics));
        }

        /** Subscribes a group member to {@code topics}. */
        public Builder topics(List<String> topics) {
            if (groupId == null) {
                throw new IllegalStateException("a plain reader assigns partitions; "
                        + "use ConsumerConfig.group(id) to subscribe to topics");
            }
            topics.forEach(topic -> this.topics.add(Names.requireValidTopic(topic)));
            return this;
        }

        /** Assigns partitions to a plain reader. */
        public Builder assign(TopicPartition... partitions) {
            return assign(List.of(partitions));
        }

        /** Assigns partitions to a plain reader. */
        public Builder assign(List<TopicPartition> partitions) {
            if (groupId != null) {
                throw new IllegalStateException("group member '" + groupId
                        + "' subscribes to topics; use ConsumerConfig.reader() to assign "
                        + "partitions");
            }
            partitions.forEach(tp -> {
                Names.requireValidTopic(tp.topic());
                this.assignment.add(tp);
            });
            return this;
        }

        /** Sets the maximum records per poll; at least 1. */
        public Builder maxPollRecords(int maxPollRecords) {
            if (maxPollRecords < 1) {
                throw new IllegalArgumentException(
                        "maxPollRecords must be at least 1, but was " + maxPollRecords);
            }
            this.maxPollRecords = maxPollRecords;
            return this;
        }

        /** Sets where to start without a committed offset; default {@code EARLIEST}. */
        public Builder offsetReset(OffsetResetPolicy offsetReset) {
            this.offsetReset = Objects.requireNonNull(offsetReset, "offsetReset");
            return this;
        }

        /** Sets the listener for assignment changes. */
        public Builder rebalanceListener(RebalanceListener rebalanceListener) {
            this.rebalanceListener = Objects.requireNonNull(rebalanceListener, "listener");
            return this;
        }

        /** Sets the name of this consumer in logs. */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @throws IllegalArgumentException if a group member has no topics or a plain reader
         *     no partitions
         */
        public ConsumerConfig build() {
            if (groupId != null && topics.isEmpty()) {
                throw new IllegalArgumentException(
                        "group member '" + groupId + "' must subscribe to at least one topic");
            }
            if (groupId == null && assignment.isEmpty()) {
                throw new IllegalArgumentException(
                        "a plain reader must assign at least one partition");
            }
            return new ConsumerConfig(this);
        }
    }
}
