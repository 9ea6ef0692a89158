package io.lucidmq.spring.autoconfigure;

import io.lucidmq.LucidConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** Maps the instance properties of {@link LucidProperties} to a {@link LucidConfig.Builder}. */
final class LucidConfigMapper {

    private LucidConfigMapper() {
    }

    /**
     * Returns a builder with every instance property applied.
     *
     * @throws InvalidLucidPropertyException if a value is out of range
     */
    static LucidConfig.Builder toBuilder(LucidProperties properties) {
        Path directory = properties.getDirectory().toAbsolutePath();
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new InvalidLucidPropertyException("lucidmq.directory", directory,
                    "give a directory, or a path to create one at: this path is a file");
        }
        LucidConfig.Builder builder = LucidConfig.builder(directory)
                .durability(properties.getDurability())
                .forceInterval(PropertyChecks.positive("lucidmq.force-interval",
                        properties.getForceInterval()))
                .defaultTopicConfig(TopicConfigMapper.defaults(properties))
                .autoCreateTopics(properties.isAutoCreateTopics())
                .externalPollInterval(PropertyChecks.positive("lucidmq.external-poll-interval",
                        properties.getExternalPollInterval()))
                .retentionCheckInterval(PropertyChecks.positive(
                        "lucidmq.retention-check-interval",
                        properties.getRetentionCheckInterval()))
                .backgroundSegmentWork(properties.isBackgroundSegmentWork());
        Integer maxOpenSegmentFiles = properties.getMaxOpenSegmentFiles();
        if (maxOpenSegmentFiles != null) {
            builder.maxOpenSegmentFiles(PropertyChecks.atLeast("lucidmq.max-open-segment-files",
                    maxOpenSegmentFiles, LucidConfig.MIN_OPEN_SEGMENT_FILES));
        }
        return builder;
    }
}
