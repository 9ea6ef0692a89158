package io.lucidmq.topic;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidStorageException;
import io.lucidmq.TopicExistsException;
import io.lucidmq.TopicNameConflictException;
import io.lucidmq.UnknownTopicException;
import io.lucidmq.engine.AtomicFileWriter;
import io.lucidmq.engine.DirectoryLayout;
import io.lucidmq.engine.FileTrees;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.log.SegmentFileCache;
import io.lucidmq.log.SegmentWorkers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open topics of one instance: creation, lookup, deletion and, for read-only instances,
 * discovery of topics that another process created or deleted.
 *
 * <p>Lookups are lock-free. Creation and deletion are serialized by one lock, so concurrent
 * creates of one topic open its logs once. A topic is deleted by renaming its directory to
 * {@code <topic>~deleted} (the commit point) and then deleting that tree; an interrupted
 * deletion is finished by the next writable open. Thread-safe.
 */
public final class TopicRegistry {

    private static final Logger logger = LoggerFactory.getLogger(TopicRegistry.class);

    private final DirectoryLayout layout;
    private final LucidConfig config;
    private final TopicLoader loader;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Object changeLock = new Object();

    /**
     * Creates an empty registry; call {@link #loadAll()} to open the stored topics.
     *
     * @param fileCache the cache of open segment files shared by every partition; the caller
     *     closes it after {@link #closeAll()}
     * @param workers the background threads of every partition, or {@code null} for none; the
     *     caller closes them after {@link #closeAll()}
     */
    public TopicRegistry(DirectoryLayout layout, LucidConfig config,
            SegmentFileCache fileCache, SegmentWorkers workers) {
        this.layout = layout;
        this.config = config;
        this.loader = new TopicLoader(layout, config, fileCache, workers);
    }

    /**
     * Opens every topic stored in the directory, recovering partitions as needed, and
     * finishes deletions that a crash interrupted.
     */
    public void loadAll() {
        synchronized (changeLock) {
            for (String name : FileTrees.subdirectoryNames(layout.topicsDirectory())) {
                if (name.endsWith(DirectoryLayout.DELETED_TOPIC_SUFFIX)) {
                    finishDeletion(name);
                } else if (!Names.isValid(name)) {
                    logger.warn("Ignoring directory {}: '{}' is not a valid topic name",
                            layout.topicsDirectory().resolve(name), name);
                } else {
                    loader.load(name).ifPresent(topic -> topics.put(name, topic));
                }
            }
        }
    }

    /** Returns the open topic named {@code name}, or empty. */
    public Optional<Topic> topic(String name) {
        return Optional.ofNullable(topics.get(name));
    }

    /**
     * Returns the open topic named {@code name}.
     *
     * @throws UnknownTopicException if there is none
     */
    public Topic require(String name) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw new UnknownTopicException("topic " + name + " does not exist in "
                    + layout.root());
        }
        return topic;
    }

    /** Returns the topics open now, sorted by name. */
    public List<Topic> all() {
        return new ArrayList<>(new TreeMap<>(topics).values());
    }

    /** Returns the names of the topics open now, sorted. */
    public List<String> names() {
        return new ArrayList<>(new TreeMap<>(topics).keySet());
    }

    /**
     * Returns the topic to send a record to: the existing one, or a new one with the default
     * configuration when {@link LucidConfig#autoCreateTopics()} is on.
     *
     * @param beforeAutoCreate called with the configuration of the topic to create, under the
     *     creation lock and before any file is written. An exception it throws propagates and
     *     nothing is created. Not called when the topic exists.
     * @throws UnknownTopicException if the topic is missing and auto-creation is off
     * @throws TopicNameConflictException if the topic is missing and an existing topic's name
     *     differs from {@code name} only in letter case
     */
    public Topic topicForSend(String name, Consumer<TopicConfig> beforeAutoCreate) {
        Topic topic = topics.get(name);
        if (topic != null) {
            return topic;
        }
        Names.requireValidTopic(name);
        if (!config.autoCreateTopics()) {
            throw new UnknownTopicException("topic " + name + " does not exist in "
                    + layout.root() + " and autoCreateTopics is off; create it first");
        }
        return create(name, config.defaultTopicConfig(), true, beforeAutoCreate);
    }

    /**
     * Creates a topic, or returns the existing one when its configuration equals
     * {@code topicConfig}.
     *
     * @throws TopicExistsException if the topic exists with a different configuration
     * @throws TopicNameConflictException if an existing topic's name differs from {@code name}
     *     only in letter case; nothing is created
     * @throws LucidStorageException if its files cannot be written; the directory may then
     *     hold an incomplete topic, which the next open completes or removes
     */
    public Topic create(String name, TopicConfig topicConfig) {
        return create(name, topicConfig, false, ignored -> { });
    }

    private Topic create(String name, TopicConfig topicConfig, boolean auto,
            Consumer<TopicConfig> beforeCreate) {
        // A pending interrupt would close the channels that writing the metadata and opening
        // the partitions use, so it waits until the topic exists.
        boolean interrupted = Thread.interrupted();
        try {
            return createUninterrupted(name, topicConfig, auto, beforeCreate);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Topic createUninterrupted(String name, TopicConfig topicConfig, boolean auto,
            Consumer<TopicConfig> beforeCreate) {
        Names.requireValidTopic(name);
        synchronized (changeLock) {
            Topic existing = topics.get(name);
            if (existing != null) {
                if (!auto && !existing.config().equals(topicConfig)) {
                    throw new TopicExistsException("topic " + name + " already exists with "
                            + existing.config() + "; the requested configuration differs: "
                            + topicConfig);
                }
                return existing;
            }
            rejectCaseConflict(name);
            beforeCreate.accept(topicConfig);

            FileTrees.createDirectories(config.fileIO(), layout.topicDirectory(name));
            TopicMetadata.write(config.fileIO(), layout.topicMetaFile(name), topicConfig);
            AtomicFileWriter.forceDirectory(config.fileIO(), layout.topicsDirectory());
            Topic topic = loader.open(name, topicConfig);
            topics.put(name, topic);
            logger.info("Created topic {} in {}{}: {}", name, layout.topicDirectory(name),
                    auto ? " automatically on first send" : "", topicConfig);
            return topic;
        }
    }

    /**
     * Throws {@link TopicNameConflictException} if an open topic's name equals {@code name}
     * ignoring case. Topic names are ASCII, so {@link String#equalsIgnoreCase} matches what
     * case-insensitive file systems treat as one name. Topics that already differ only in
     * case, as a case-sensitive file system allows, still load, because only creation checks.
     */
    private void rejectCaseConflict(String name) {
        for (String existing : topics.keySet()) {
            if (existing.equalsIgnoreCase(name)) {
                throw new TopicNameConflictException("cannot create topic '" + name + "' in "
                        + layout.root() + ": its name differs only in letter case from the "
                        + "existing topic '" + existing + "'. On a case-insensitive file system "
                        + "(the default on macOS and Windows) both would use one directory. Use '"
                        + existing + "' or another name.", name, existing);
            }
        }
    }

    /**
     * Deletes a topic and all its records. Logs of the topic that other threads still use
     * are closed under them, so their next operation fails.
     *
     * @return whether the topic existed
     */
    public boolean delete(String name) {
        synchronized (changeLock) {
            Topic topic = topics.remove(name);
            if (topic == null) {
                return false;
            }
            closeLogs(topic);

            // Commit point: after the rename the topic no longer exists on disk.
            try {
                config.fileIO().atomicMove(layout.topicDirectory(name),
                        layout.deletedTopicDirectory(name));
            } catch (IOException e) {
                throw new LucidStorageException("failed to rename " + layout.topicDirectory(name)
                        + " to " + layout.deletedTopicDirectory(name) + " to delete topic "
                        + name, e);
            }
            AtomicFileWriter.forceDirectory(config.fileIO(), layout.topicsDirectory());

            try {
                FileTrees.deleteRecursively(config.fileIO(), layout.deletedTopicDirectory(name));
            } catch (LucidStorageException e) {
                // The deletion has committed; the next writable open deletes what is left.
                logger.warn("Deleted topic {}, but removing its files from {} failed; the next "
                        + "open finishes it", name, layout.deletedTopicDirectory(name), e);
                return true;
            }
            logger.info("Deleted topic {} ({} partitions) from {}", name,
                    topic.partitionCount(), layout.topicDirectory(name));
            return true;
        }
    }

    /**
     * Picks up records, segments and topics that another process wrote, and drops topics it
     * deleted; for read-only instances.
     *
     * @return whether any topic, start offset or end offset changed
     */
    public boolean refresh() {
        synchronized (changeLock) {
            boolean changed = refreshLogs();
            Set<String> onDisk = new HashSet<>();
            for (String name : FileTrees.subdirectoryNames(layout.topicsDirectory())) {
                if (!Names.isValid(name)) {
                    continue;
                }
                onDisk.add(name);
                if (!topics.containsKey(name) && tryLoad(name)) {
                    changed = true;
                }
            }
            // NOTE: a topic deleted and created again between two refreshes keeps the logs
            // opened for the old topic until this instance reopens.
            for (String name : List.copyOf(topics.keySet())) {
                if (!onDisk.contains(name)) {
                    logger.info("Topic {} was deleted from {} by another process", name,
                            layout.root());
                    closeLogs(topics.remove(name));
                    changed = true;
                }
            }
            return changed;
        }
    }

    /** Closes every partition log, writing their clean-shutdown markers. */
    public void closeAll() {
        synchronized (changeLock) {
            for (Topic topic : topics.values()) {
                closeLogs(topic);
            }
            topics.clear();
        }
    }

    private boolean refreshLogs() {
        boolean changed = false;
        for (Topic topic : topics.values()) {
            for (PartitionLog log : topic.logs()) {
                long start = log.startOffset();
                long end = log.endOffset();
                try {
                    log.refresh();
                } catch (RuntimeException e) {
                    logger.warn("Failed to refresh partition {} from {}; retrying at the next "
                            + "poll", log.topicPartition(), layout.topicDirectory(topic.name()),
                            e);
                    continue;
                }
                changed |= log.startOffset() != start || log.endOffset() != end;
            }
        }
        return changed;
    }

    private boolean tryLoad(String name) {
        try {
            Optional<Topic> loaded = loader.load(name);
            loaded.ifPresent(topic -> {
                topics.put(name, topic);
                logger.info("Found topic {} created in {} by another process", name,
                        layout.root());
            });
            return loaded.isPresent();
        } catch (RuntimeException e) {
            logger.debug("Topic {} in {} is not readable yet; retrying later", name,
                    layout.root(), e);
            return false;
        }
    }

    private void finishDeletion(String directoryName) {
        if (config.readOnly()) {
            return;
        }
        logger.info("Finishing the interrupted deletion of {}",
                layout.topicsDirectory().resolve(directoryName));
        FileTrees.deleteRecursively(config.fileIO(),
                layout.topicsDirectory().resolve(directoryName));
    }

    private static void closeLogs(Topic topic) {
        for (PartitionLog log : topic.logs()) {
            try {
                log.close();
            } catch (RuntimeException e) {
                logger.error("Failed to close partition log {}", log.topicPartition(), e);
            }
        }
    }
}
