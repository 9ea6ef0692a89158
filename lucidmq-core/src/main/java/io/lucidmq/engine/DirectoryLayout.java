package io.lucidmq.engine;

import java.nio.file.Path;

/**
 * The paths of a LucidMQ directory, in one place:
 *
 * <pre>
 * &lt;root&gt;/lucidmq.lock                  writer lock
 * &lt;root&gt;/topics/&lt;topic&gt;/topic.meta     topic metadata
 * &lt;root&gt;/topics/&lt;topic&gt;/&lt;partition&gt;/  one partition log
 * &lt;root&gt;/topics/&lt;topic&gt;~deleted/     a topic being deleted
 * &lt;root&gt;/groups/&lt;group&gt;/offsets       committed offsets
 * &lt;root&gt;/groups/&lt;group&gt;/offsets.prev  the previous copy of the committed offsets
 * </pre>
 *
 * Immutable and thread-safe.
 *
 * @param root the absolute data directory
 */
public record DirectoryLayout(Path root) {

    /** The name of the writer lock file in the root directory. */
    public static final String LOCK_FILE = "lucidmq.lock";

    /** The name of the topic metadata file in a topic directory. */
    public static final String TOPIC_META_FILE = "topic.meta";

    /** The name of the committed offsets file in a group directory. */
    public static final String OFFSETS_FILE = "offsets";

    /** The name of the previous copy of the committed offsets. */
    public static final String PREVIOUS_OFFSETS_FILE = "offsets.prev";

    /**
     * The suffix of a topic directory being deleted. '~' is not allowed in topic names, so
     * such a directory never collides with a topic.
     */
    public static final String DELETED_TOPIC_SUFFIX = "~deleted";

    /** The writer lock file. */
    public Path lockFile() {
        return root.resolve(LOCK_FILE);
    }

    /** The directory of all topics. */
    public Path topicsDirectory() {
        return root.resolve("topics");
    }

    /** The directory of one topic. */
    public Path topicDirectory(String topic) {
        return topicsDirectory().resolve(topic);
    }

    /** The metadata file of one topic. */
    public Path topicMetaFile(String topic) {
        return topicDirectory(topic).resolve(TOPIC_META_FILE);
    }

    /** The log directory of one partition. */
    public Path partitionDirectory(String topic, int partition) {
        return topicDirectory(topic).resolve(Integer.toString(partition));
    }

    /** The directory a topic is renamed to while its files are deleted. */
    public Path deletedTopicDirectory(String topic) {
        return topicsDirectory().resolve(topic + DELETED_TOPIC_SUFFIX);
    }

    /** The directory of all consumer groups. */
    public Path groupsDirectory() {
        return root.resolve("groups");
    }

    /** The directory of one consumer group. */
    public Path groupDirectory(String groupId) {
        return groupsDirectory().resolve(groupId);
    }

    /** The committed offsets file of one group. */
    public Path offsetsFile(String groupId) {
        return groupDirectory(groupId).resolve(OFFSETS_FILE);
    }

    /** The previous copy of one group's committed offsets. */
    public Path previousOffsetsFile(String groupId) {
        return groupDirectory(groupId).resolve(PREVIOUS_OFFSETS_FILE);
    }
}
