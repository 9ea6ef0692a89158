package io.lucidmq.topic;

import io.lucidmq.DurabilityPolicy;

/**
 * The settings of one topic, fixed when the topic is created and stored in its metadata.
 * Immutable and thread-safe.
 *
 * @param partitions the number of partitions, at least 1
 * @param segmentBytes the size at which a segment is sealed and a new one started; at least
 *     {@link #MIN_SEGMENT_BYTES} and large enough for one record of {@code maxRecordBytes}
 * @param maxRecordBytes the maximum encoded size of one record (key, value, headers and
 *     per-record overhead); at least 1
 * @param retentionBytes the partition size above which the oldest segments are deleted, or
 *     {@code -1} for no limit
 * @param retentionMs the age, measured from a segment's newest timestamp, after which a
 *     sealed segment is deleted, or {@code -1} for no limit
 * @param durability the durability policy of this topic, or {@code null} for the instance's
 */
public record TopicConfig(
        int partitions,
        int segmentBytes,
        int maxRecordBytes,
        long retentionBytes,
        long retentionMs,
        DurabilityPolicy durability) {

    /** Default {@link #partitions()}. */
    public static final int DEFAULT_PARTITIONS = 1;

    /** Default {@link #segmentBytes()}: 64 MiB. */
    public static final int DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;

    /** Default {@link #maxRecordBytes()}: 1 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    /** Default {@link #retentionBytes()}: no limit. */
    public static final long DEFAULT_RETENTION_BYTES = -1;

    /** Default {@link #retentionMs()}: 7 days. */
    public static final long DEFAULT_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    /** Smallest allowed {@link #segmentBytes()}: 1 KiB. */
    public static final int MIN_SEGMENT_BYTES = 1024;

    /**
     * Per-batch and per-record overhead that a segment must hold beyond one maximum record;
     * {@code segmentBytes} must be at least {@code maxRecordBytes + SEGMENT_OVERHEAD_BYTES}.
     */
    public static final int SEGMENT_OVERHEAD_BYTES = 64;

    /** Validates every value; each message names the value and the allowed range. */
    public TopicConfig {
        if (partitions < 1) {
            throw new IllegalArgumentException(
                    "partitions must be at least 1, but was " + partitions);
        }
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException(
                    "maxRecordBytes must be at least 1, but was " + maxRecordBytes);
        }
        if (segmentBytes < MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException("segmentBytes must be at least "
                    + MIN_SEGMENT_BYTES + ", but was " + segmentBytes);
        }
        if ((long) segmentBytes < (long) maxRecordBytes + SEGMENT_OVERHEAD_BYTES) {
            throw new IllegalArgumentException("segmentBytes " + segmentBytes
                    + " cannot hold one record of maxRecordBytes " + maxRecordBytes
                    + ": it must be at least " + ((long) maxRecordBytes + SEGMENT_OVERHEAD_BYTES));
        }
        if (retentionBytes != -1 && retentionBytes < 1) {
            throw new IllegalArgumentException(
                    "retentionBytes must be -1 (no limit) or above zero, but was "
                            + retentionBytes);
        }
        if (retentionMs != -1 && retentionMs < 1) {
            throw new IllegalArgumentException(
                    "retentionMs must be -1 (no limit) or above zero, but was " + retentionMs);
        }
    }

    /** Returns the values in record form, with the instance's durability as "default". */
    @Override
    public String toString() {
        return "TopicConfig[partitions=" + partitions + ", segmentBytes=" + segmentBytes
                + ", maxRecordBytes=" + maxRecordBytes + ", retentionBytes=" + retentionBytes
                + ", retentionMs=" + retentionMs + ", durability="
                + (durability == null ? "default" : durability) + "]";
    }

    /** Returns the defaults: 1 partition, 64 MiB segments, 1 MiB records, 7 days. */
    public static TopicConfig defaults() {
        return new TopicConfig(DEFAULT_PARTITIONS, DEFAULT_SEGMENT_BYTES,
                DEFAULT_MAX_RECORD_BYTES, DEFAULT_RETENTION_BYTES, DEFAULT_RETENTION_MS, null);
    }

    /**
     * Starts a configuration from {@link #defaults()}. Unlike the {@code with...} methods, each
     * of which validates its result, the builder validates only in {@link Builder#build()}, so
     * the values may be set in any order.
     */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** Returns a builder that starts from this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns a copy with {@code partitions} partitions. */
    public TopicConfig withPartitions(int partitions) {
        return new Builder(this).partitions(partitions).build();
    }

    /** Returns a copy with {@code segmentBytes}. */
    public TopicConfig withSegmentBytes(int segmentBytes) {
        return new Builder(this).segmentBytes(segmentBytes).build();
    }

    /** Returns a copy with {@code maxRecordBytes}. */
    public TopicConfig withMaxRecordBytes(int maxRecordBytes) {
        return new Builder(this).maxRecordBytes(maxRecordBytes).build();
    }

    /** Returns a copy with {@code retentionBytes}. */
    public TopicConfig withRetentionBytes(long retentionBytes) {
        return new Builder(this).retentionBytes(retentionBytes).build();
    }

    /** Returns a copy with {@code retentionMs}. */
    public TopicConfig withRetentionMs(long retentionMs) {
        return new Builder(this).retentionMs(retentionMs).build();
    }

    /** Returns a copy with {@code durability}; {@code null} for the instance's policy. */
    public TopicConfig withDurability(DurabilityPolicy durability) {
        return new Builder(this).durability(durability).build();
    }

    /** A mutable builder of {@link TopicConfig}; not thread-safe. */
    public static final class Builder {

        private int partitions;
        private int segmentBytes;
        private int maxRecordBytes;
        private long retentionBytes;
        private long retentionMs;
        private DurabilityPolicy durability;

        private Builder(TopicConfig start) {
            this.partitions = start.partitions;
            this.segmentBytes = start.segmentBytes;
            this.maxRecordBytes = start.maxRecordBytes;
            this.retentionBytes = start.retentionBytes;
            this.retentionMs = start.retentionMs;
            this.durability = start.durability;
        }

        /** Sets the number of partitions. */
        public Builder partitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /** Sets the segment roll size in bytes. */
        public Builder segmentBytes(int segmentBytes) {
            this.segmentBytes = segmentBytes;
            return this;
        }

        /** Sets the maximum encoded record size in bytes. */
        public Builder maxRecordBytes(int maxRecordBytes) {
            this.maxRecordBytes = maxRecordBytes;
            return this;
        }

        /** Sets the partition size limit in bytes, or {@code -1} for none. */
        public Builder retentionBytes(long retentionBytes) {
            this.retentionBytes = retentionBytes;
            return this;
        }

        /** Sets the segment age limit in milliseconds, or {@code -1} for none. */
        public Builder retentionMs(long retentionMs) {
            this.retentionMs = retentionMs;
            return this;
        }

        /** Sets the durability policy, or {@code null} for the instance's. */
        public Builder durability(DurabilityPolicy durability) {
            this.durability = durability;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @throws IllegalArgumentException if a value is out of range, naming it
         */
        public TopicConfig build() {
            return new TopicConfig(partitions, segmentBytes, maxRecordBytes, retentionBytes,
                    retentionMs, durability);
        }
    }
}
