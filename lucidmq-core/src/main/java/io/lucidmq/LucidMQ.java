package io.lucidmq;

import io.lucidmq.consumer.Consumer;
import io.lucidmq.consumer.ConsumerConfig;
import io.lucidmq.consumer.GroupDescription;
import io.lucidmq.engine.LucidEngine;
import io.lucidmq.producer.Producer;
import io.lucidmq.topic.TopicConfig;
import io.lucidmq.topic.TopicDescription;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open LucidMQ directory: the entry point of the engine.
 *
 * <p>An instance owns one directory. It keeps every topic there as partitions of segmented,
 * append-only commit logs and keeps the committed offsets of consumer groups beside them. The
 * log formats are specified in {@code docs/format.md}; the lock, topic metadata and offsets
 * files, and what each {@link DurabilityPolicy} promises, in {@code docs/format-engine.md}.
 *
 * <p>A writable instance holds an operating-system lock on the directory, so at most one
 * process writes it at a time. A second writer, in this or another process, fails in
 * {@link #open(LucidConfig)} with a {@link DirectoryLockedException}. Any number of read-only
 * instances ({@link LucidConfig.Builder#readOnly(boolean)}) may read the directory while it is
 * written; they see new records, segments and topics within
 * {@link LucidConfig#externalPollInterval()}. A read-only instance writes nothing: creating
 * producers, creating or deleting topics, changing group offsets, committing and
 * {@link #enforceRetention()} throw {@link IllegalStateException}.
 *
 * <p>Thread-safety: an instance and the {@link Producer}s it creates are thread-safe. A
 * {@link Consumer} is used by one thread at a time, except for {@link Consumer#wakeup()}.
 *
 * <p>After {@link #close()} every method except {@link #directory()}, {@link #config()} and
 * {@link #isReadOnly()} throws {@link IllegalStateException}. Closing flushes
 * every partition, writes the clean-shutdown marker and releases the directory lock; producers
 * and consumers created by this instance are closed with it.
 */
public interface LucidMQ extends AutoCloseable {

    /**
     * Opens, and creates if missing, the directory named by {@code config}, recovering any
     * partition that was not closed cleanly.
     *
     * @throws DirectoryLockedException if another writer holds the directory
     * @throws LucidStorageException if the directory cannot be created, read or written
     */
    static LucidMQ open(LucidConfig config) {
        return LucidEngine.open(config);
    }

    /** Opens {@code directory} for writing with the default configuration. */
    static LucidMQ open(Path directory) {
        return open(LucidConfig.builder(directory).build());
    }

    /** Returns the absolute path of the directory this instance owns. */
    Path directory();

    /** Returns the configuration this instance was opened with. */
    LucidConfig config();

    /** Returns {@code true} when this instance was opened read-only. */
    boolean isReadOnly();

    /**
     * Creates a topic, or returns the existing one when its configuration equals
     * {@code config}.
     *
     * @throws TopicExistsException if the topic exists with a different configuration
     * @throws TopicNameConflictException if an existing topic's name differs from
     *     {@code name} only in letter case
     * @throws IllegalArgumentException if {@code name} is not a valid topic name
     */
    TopicDescription createTopic(String name, TopicConfig config);

    /** Creates a topic with {@link LucidConfig#defaultTopicConfig()}; see above. */
    TopicDescription createTopic(String name);

    /** Returns the topic's partitions, offsets and sizes, or empty when it does not exist. */
    Optional<TopicDescription> describeTopic(String name);

    /** Returns the names of all topics, sorted. */
    List<String> listTopics();

    /**
     * Deletes a topic with all its records and removes it from every consumer group's offsets.
     *
     * @return {@code true} if the topic existed
     */
    boolean deleteTopic(String name);

    /**
     * Creates a producer. Producers are thread-safe and cheap: share one per application or
     * create one per component. Closing the producer does not close this instance.
     */
    Producer producer();

    /**
     * Creates a consumer as {@code config} describes: a member of a consumer group, or, when
     * {@link ConsumerConfig#groupId()} is empty, a plain reader of the partitions it assigns.
     */
    Consumer consumer(ConsumerConfig config);

    /** Returns the ids of all consumer groups that have committed offsets, sorted. */
    List<String> listGroups();

    /**
     * Returns the committed offset, end offset and lag of each partition of the group's topics,
     * and the number of members active in this instance, or empty for an unknown group.
     */
    Optional<GroupDescription> describeGroup(String groupId);

    /**
     * Sets the committed offsets of the given partitions of a group; its other partitions
     * keep theirs. Creates the group if it has no offsets yet.
     *
     * @throws GroupActiveException if the group has an active member in this instance
     * @throws IllegalArgumentException if an offset is negative or beyond its partition's end
     *     offset, or a partition does not exist
     * @throws UnknownTopicException if a topic does not exist
     */
    void resetGroupOffsets(String groupId, Map<TopicPartition, Long> offsets);

    /**
     * Deletes the committed offsets of {@code groupId} for the given topics, or all of them
     * when {@code topics} is empty.
     *
     * @throws GroupActiveException if the group has an active member in this instance
     */
    void deleteGroupOffsets(String groupId, Collection<String> topics);

    /**
     * Applies retention now to every partition, deleting whole segments that are over the
     * topic's byte or age limit. The engine also does this every
     * {@link LucidConfig#retentionCheckInterval()}.
     *
     * @return the number of segments deleted
     */
    int enforceRetention();

    /**
     * Forces every partition's written records to disk, whatever the durability policy.
     */
    void flush();

    /** Flushes, writes the clean-shutdown markers and releases the directory. Idempotent. */
    @Override
    void close();
}
