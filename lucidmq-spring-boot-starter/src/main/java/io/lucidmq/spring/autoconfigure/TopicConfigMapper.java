package io.lucidmq.spring.autoconfigure;

import io.lucidmq.topic.Names;
import io.lucidmq.topic.TopicConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the topic properties ({@code lucidmq.segment-size} and the others, and each
 * {@code lucidmq.topics.<name>}) to core {@link TopicConfig}s, checking every value.
 */
final class TopicConfigMapper {

    private static final String PREFIX = "lucidmq.";

    private TopicConfigMapper() {
    }

    /** Returns the configuration of topics created without explicit settings. */
    static TopicConfig defaults(LucidProperties properties) {
        int partitions = PropertyChecks.atLeast(PREFIX + "default-partitions",
                properties.getDefaultPartitions(), 1);
        int segmentBytes = PropertyChecks.segmentBytes(PREFIX + "segment-size",
                properties.getSegmentSize());
        int maxRecordBytes = PropertyChecks.maxRecordBytes(PREFIX + "max-record-size",
                properties.getMaxRecordSize());
        checkRecordFits(PREFIX, segmentBytes, maxRecordBytes);
        long retentionBytes = PropertyChecks.retentionBytes(PREFIX + "retention-bytes",
                properties.getRetentionBytes());
        long retentionMs = PropertyChecks.retentionMs(PREFIX + "retention",
                properties.getRetention());
        return new TopicConfig(partitions, segmentBytes, maxRecordBytes, retentionBytes,
                retentionMs, null);
    }

    /** Returns each {@code lucidmq.topics} entry, unset values taken from {@code defaults}. */
    static Map<String, TopicConfig> topics(LucidProperties properties, TopicConfig defaults) {
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        properties.getTopics().forEach((name, topic) -> {
            if (!Names.isValid(name)) {
                throw new InvalidLucidPropertyException(PREFIX + "topics", name,
                        "use topic names of 1 to " + Names.MAX_LENGTH
                                + " characters of a-z A-Z 0-9 . _ -, not '.' or '..'");
            }
            topics.put(name, topic(name, topic, defaults));
        });
        return topics;
    }

    private static TopicConfig topic(String name, LucidProperties.Topic topic,
            TopicConfig defaults) {
        String prefix = PREFIX + "topics." + name + ".";
        int partitions = topic.getPartitions() == null ? defaults.partitions()
                : PropertyChecks.atLeast(prefix + "partitions", topic.getPartitions(), 1);
        int segmentBytes = topic.getSegmentSize() == null ? defaults.segmentBytes()
                : PropertyChecks.segmentBytes(prefix + "segment-size", topic.getSegmentSize());
        int maxRecordBytes = topic.getMaxRecordSize() == null ? defaults.maxRecordBytes()
                : PropertyChecks.maxRecordBytes(prefix + "max-record-size",
                        topic.getMaxRecordSize());
        checkRecordFits(prefix, segmentBytes, maxRecordBytes);
        long retentionBytes = topic.getRetentionBytes() == null ? defaults.retentionBytes()
                : PropertyChecks.retentionBytes(prefix + "retention-bytes",
                        topic.getRetentionBytes());
        long retentionMs = topic.getRetention() == null ? defaults.retentionMs()
                : PropertyChecks.retentionMs(prefix + "retention", topic.getRetention());
        return new TopicConfig(partitions, segmentBytes, maxRecordBytes, retentionBytes,
                retentionMs, topic.getDurability());
    }

    private static void checkRecordFits(String prefix, int segmentBytes, int maxRecordBytes) {
        long needed = (long) maxRecordBytes + TopicConfig.SEGMENT_OVERHEAD_BYTES;
        if (segmentBytes < needed) {
            throw new InvalidLucidPropertyException(prefix + "segment-size",
                    PropertyChecks.formatSize(segmentBytes), "a segment must hold one record "
                            + "of max-record-size " + PropertyChecks.formatSize(maxRecordBytes)
                            + " plus " + TopicConfig.SEGMENT_OVERHEAD_BYTES + "B of overhead: "
                            + "use at least " + PropertyChecks.formatSize(needed) + ", or "
                            + "lower " + prefix + "max-record-size");
        }
    }
}
