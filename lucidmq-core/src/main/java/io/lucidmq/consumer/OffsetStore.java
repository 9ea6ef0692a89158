package io.lucidmq.consumer;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.LucidStorageException;
import io.lucidmq.TopicPartition;
import io.lucidmq.engine.AtomicFileWriter;
import io.lucidmq.engine.DirectoryLayout;
import io.lucidmq.engine.FileTrees;
import io.lucidmq.io.FileIO;
import io.lucidmq.topic.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed offsets of every consumer group of one directory, kept in memory by a
 * writable instance and stored in {@code groups/<group>/offsets} ({@link OffsetsFile}).
 *
 * <p><b>Writing.</b> A commit merges the new offsets into the group's map and rewrites the
 * whole file: the new content is written to {@code offsets.tmp} and forced, the current file
 * is renamed to {@code offsets.prev}, {@code offsets.tmp} is renamed to {@code offsets} (the
 * commit point) and the directory is forced. A commit that returns normally survives a crash
 * and a power loss; one that throws leaves the old offsets in effect.
 *
 * <p><b>Reading.</b> On open {@code offsets} is read; when it is missing or damaged,
 * {@code offsets.prev} is used (with a warning for damage, because commits after that copy
 * are lost and their records are read again). When neither copy is readable, the group is
 * logged at error on open. Every use of it (commits, consumer creation, descriptions) then
 * fails naming both files, so the group is never silently restarted, while other groups keep
 * working. A read-only store keeps nothing in memory and reads the files on every call, so
 * it returns the writer's latest commits.
 *
 * <p>Thread-safe: writes of one group are serialized, different groups are independent.
 */
public final class OffsetStore {

    private static final Logger logger = LoggerFactory.getLogger(OffsetStore.class);

    private final DirectoryLayout layout;
    private final FileIO fileIO;
    private final boolean readOnly;
    private final Predicate<String> topicExists;
    private final Map<String, GroupOffsets> groups = new ConcurrentHashMap<>();

    /** The groups whose offsets and previous copy were both unreadable at open, by id. */
    private final Map<String, LucidStorageException> unreadableGroups =
            new ConcurrentHashMap<>();

    /**
     * Creates the store of {@code layout}; call {@link #loadAll()} before use.
     *
     * @param topicExists whether a topic exists now; commits for other topics are dropped
     */
    public OffsetStore(DirectoryLayout layout, FileIO fileIO, boolean readOnly,
            Predicate<String> topicExists) {
        this.layout = layout;
        this.fileIO = fileIO;
        this.readOnly = readOnly;
        this.topicExists = topicExists;
    }

    /**
     * Reads every group's offsets; a no-op for a read-only store. A group whose offsets and
     * previous copy are both unreadable is logged at error and kept out of service: every
     * later use of it raises {@link LucidStorageException}, while other groups work.
     */
    public void loadAll() {
        if (readOnly) {
            return;
        }
        for (String groupId : FileTrees.subdirectoryNames(layout.groupsDirectory())) {
            if (!Names.isValid(groupId)) {
                logger.warn("Ignoring directory {}: '{}' is not a valid group id",
                        layout.groupDirectory(groupId), groupId);
                continue;
            }
            FileTrees.deleteIfExists(fileIO,
                    AtomicFileWriter.tempFile(layout.offsetsFile(groupId)));
            OffsetsFile.Content content;
            try {
                content = read(groupId);
            } catch (LucidStorageException e) {
                unreadableGroups.put(groupId, e);
                logger.error("Group {} cannot be used until its offsets are repaired: {}",
                        groupId, e.getMessage(), e);
                continue;
            }
            SortedMap<TopicPartition, Long> offsets = withoutDeletedTopics(groupId,
                    content.offsets());
            if (offsets.isEmpty()) {
                continue;
            }
            groups.put(groupId, new GroupOffsets(content.sequence(), offsets));
        }
    }

    /**
     * Drops the offsets of topics that no longer exist: a crash or a failure after a topic's
     * deletion committed can leave them behind, and a topic created again with the same name
     * must not inherit them. The file keeps them until the group's next commit.
     */
    private SortedMap<TopicPartition, Long> withoutDeletedTopics(String groupId,
            SortedMap<TopicPartition, Long> offsets) {
        SortedMap<TopicPartition, Long> kept = new TreeMap<>();
        offsets.forEach((partition, offset) -> {
            if (topicExists.test(partition.topic())) {
                kept.put(partition, offset);
            } else {
                logger.warn("Group {}: ignoring committed offset {} of {} in {}: the topic no "
                        + "longer exists", groupId, offset, partition,
                        layout.offsetsFile(groupId));
            }
        });
        return kept;
    }

    /** Returns the ids of the groups that have committed offsets, sorted. */
    public List<String> groupIds() {
        if (!readOnly) {
            TreeMap<String, Object> ids = new TreeMap<>(groups);
            ids.putAll(unreadableGroups);
            return new ArrayList<>(ids.keySet());
        }
        List<String> ids = new ArrayList<>();
        for (String groupId : FileTrees.subdirectoryNames(layout.groupsDirectory())) {
            if (Names.isValid(groupId) && (Files.exists(layout.offsetsFile(groupId))
                    || Files.exists(layout.previousOffsetsFile(groupId)))) {
                ids.add(groupId);
            }
        }
        return ids;
    }

    /** Returns a group's committed offsets, sorted by partition; empty for an unknown group. */
    public SortedMap<TopicPartition, Long> committed(String groupId) {
        if (readOnly) {
            return read(groupId).offsets();
        }
        requireReadable(groupId);
        GroupOffsets group = groups.get(groupId);
        return group == null ? new TreeMap<>() : group.snapshot();
    }

    /** Returns the committed offset of one partition, or empty. */
    public OptionalLong committed(String groupId, TopicPartition partition) {
        Long offset = committed(groupId).get(partition);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /**
     * Stores {@code offsets} for their partitions; other partitions keep theirs. The caller
     * validates the offsets. Offsets of a topic deleted since then are dropped with a
     * warning, checked under the group's lock so that {@link #dropTopic} cannot miss them.
     *
     * @throws LucidStorageException if the file cannot be written; the old offsets remain
     */
    public void commit(String groupId, Map<TopicPartition, Long> offsets) {
        requireWritable();
        requireReadable(groupId);
        while (true) {
            GroupOffsets group = groups.computeIfAbsent(groupId,
                    id -> new GroupOffsets(0, new TreeMap<>()));
            synchronized (group) {
                if (group.removed) {
                    continue;
                }
                TreeMap<TopicPartition, Long> merged = new TreeMap<>(group.offsets);
                offsets.forEach((partition, offset) -> {
                    if (topicExists.test(partition.topic())) {
                        merged.put(partition, offset);
                    } else {
                        logger.warn("Group {}: dropping the commit of offset {} for {}, "
                                + "whose topic was deleted", groupId, offset, partition);
                    }
                });
                write(groupId, group, merged);
                return;
            }
        }
    }

    /**
     * Deletes a group's offsets for {@code topics}, or all of them when {@code topics} is
     * empty. A group left without offsets loses its directory. Deleting all offsets of a
     * group whose files were unreadable at open deletes those files and puts the group back
     * in service without offsets.
     */
    public void delete(String groupId, Collection<String> topics) {
        requireWritable();
        if (unreadableGroups.containsKey(groupId) && topics.isEmpty()) {
            removeGroup(groupId, new GroupOffsets(0, new TreeMap<>()));
            unreadableGroups.remove(groupId);
            return;
        }
        requireReadable(groupId);
        GroupOffsets group = groups.get(groupId);
        if (group == null) {
            return;
        }
        synchronized (group) {
            if (group.removed) {
                return;
            }
            TreeMap<TopicPartition, Long> remaining = new TreeMap<>(group.offsets);
            if (topics.isEmpty()) {
                remaining.clear();
            } else {
                remaining.keySet().removeIf(partition -> topics.contains(partition.topic()));
            }
            if (remaining.isEmpty()) {
                removeGroup(groupId, group);
            } else if (remaining.size() != group.offsets.size()) {
                write(groupId, group, remaining);
            }
        }
    }

    /** Removes {@code topic} from every group's offsets; used when the topic is deleted. */
    public void dropTopic(String topic) {
        for (String groupId : List.copyOf(groups.keySet())) {
            delete(groupId, List.of(topic));
        }
    }

    private void write(String groupId, GroupOffsets group, TreeMap<TopicPartition, Long> next) {
        Path directory = layout.groupDirectory(groupId);
        Path current = layout.offsetsFile(groupId);
        if (!group.directoryCreated) {
            FileTrees.createDirectories(fileIO, directory);
            AtomicFileWriter.forceDirectory(fileIO, layout.groupsDirectory());
            group.directoryCreated = true;
        }

        // Write and force the new content beside the current file.
        long sequence = group.sequence + 1;
        byte[] bytes = OffsetsFile.encode(new OffsetsFile.Content(groupId, sequence, next));
        Path temp = AtomicFileWriter.tempFile(current);
        AtomicFileWriter.writeAndForce(fileIO, temp, bytes);

        // Keep the current file as the previous copy, then swap in the new one (commit point).
        try {
            if (Files.exists(current)) {
                fileIO.atomicMove(current, layout.previousOffsetsFile(groupId));
            }
            fileIO.atomicMove(temp, current);
        } catch (IOException e) {
            throw new LucidStorageException("failed to replace committed offsets " + current
                    + " of group " + groupId, e);
        }
        AtomicFileWriter.forceDirectory(fileIO, directory);

        group.sequence = sequence;
        group.offsets = next;
    }

    private void removeGroup(String groupId, GroupOffsets group) {
        // The previous copy goes first, so a crash never leaves it as the only copy.
        FileTrees.deleteIfExists(fileIO, layout.previousOffsetsFile(groupId));
        FileTrees.deleteIfExists(fileIO, layout.offsetsFile(groupId));
        FileTrees.deleteIfExists(fileIO, AtomicFileWriter.tempFile(layout.offsetsFile(groupId)));
        FileTrees.deleteIfExists(fileIO, layout.groupDirectory(groupId));
        AtomicFileWriter.forceDirectory(fileIO, layout.groupsDirectory());
        group.removed = true;
        groups.remove(groupId, group);
        logger.info("Deleted the committed offsets of group {} from {}", groupId,
                layout.groupDirectory(groupId));
    }

    private OffsetsFile.Content read(String groupId) {
        Path current = layout.offsetsFile(groupId);
        Path previous = layout.previousOffsetsFile(groupId);
        RuntimeException currentProblem = null;
        if (Files.exists(current)) {
            try {
                return checkGroup(OffsetsFile.read(current), groupId, current);
            } catch (CorruptRecordException | LucidStorageException e) {
                currentProblem = e;
            }
        }
        if (Files.exists(previous)) {
            try {
                OffsetsFile.Content content = checkGroup(OffsetsFile.read(previous), groupId,
                        previous);
                logPreviousCopyUse(groupId, previous, content, currentProblem);
                return content;
            } catch (CorruptRecordException | LucidStorageException e) {
                throw unreadable(groupId, currentProblem, e);
            }
        }
        if (currentProblem != null) {
            throw unreadable(groupId, currentProblem, null);
        }
        return new OffsetsFile.Content(groupId, 0, new TreeMap<>());
    }

    private void logPreviousCopyUse(String groupId, Path previous, OffsetsFile.Content content,
            RuntimeException currentProblem) {
        if (readOnly) {
            // A writer in another process may be between its two renames right now.
            logger.debug("Group {}: read the previous copy {}", groupId, previous,
                    currentProblem);
            return;
        }
        if (currentProblem == null) {
            logger.info("Group {}: {} is missing after an interrupted commit; using the "
                    + "previous copy {} (sequence {})", groupId, layout.offsetsFile(groupId),
                    previous, content.sequence());
            return;
        }
        logger.warn("Group {}: committed offsets {} are unreadable; resuming from the "
                + "previous copy {} (sequence {}), so records committed after it are read "
                + "again", groupId, layout.offsetsFile(groupId), previous, content.sequence(),
                currentProblem);
    }

    private LucidStorageException unreadable(String groupId, RuntimeException current,
            RuntimeException previous) {
        String message = "the committed offsets of group " + groupId + " are unreadable: "
                + layout.offsetsFile(groupId) + ": " + current.getMessage()
                + (previous == null ? "; there is no previous copy "
                        + layout.previousOffsetsFile(groupId)
                        : "; previous copy: " + previous.getMessage())
                + ". To proceed, either restore " + layout.offsetsFile(groupId) + " or "
                + layout.previousOffsetsFile(groupId) + " from a backup, or delete both files"
                + " (or the whole directory " + layout.groupDirectory(groupId) + ", or call "
                + "deleteGroupOffsets with no topics). Deleting loses every committed offset"
                + " of the group: its consumers then start each partition at their "
                + "offsetReset policy (EARLIEST, LATEST or NONE)";
        LucidStorageException exception = new LucidStorageException(message, current);
        if (previous != null) {
            exception.addSuppressed(previous);
        }
        return exception;
    }

    private static OffsetsFile.Content checkGroup(OffsetsFile.Content content, String groupId,
            Path file) {
        if (!content.groupId().equals(groupId)) {
            throw new CorruptRecordException(file + " belongs to group '" + content.groupId()
                    + "', expected '" + groupId + "'");
        }
        return content;
    }

    /**
     * Raises the error found at open when the offsets of {@code groupId} and their previous
     * copy were both unreadable; returns normally for every other group.
     *
     * @throws LucidStorageException naming both files and how to repair them
     */
    public void requireReadable(String groupId) {
        LucidStorageException problem = unreadableGroups.get(groupId);
        if (problem != null) {
            throw new LucidStorageException(problem.getMessage(), problem);
        }
    }

    private void requireWritable() {
        if (readOnly) {
            throw new IllegalStateException("cannot change committed offsets in "
                    + layout.root() + ": the instance is read-only");
        }
    }

    /** One group's offsets in memory; guarded by its own monitor. */
    private static final class GroupOffsets {

        long sequence;
        TreeMap<TopicPartition, Long> offsets;
        boolean directoryCreated;
        boolean removed;

        GroupOffsets(long sequence, SortedMap<TopicPartition, Long> offsets) {
            this.sequence = sequence;
            this.offsets = new TreeMap<>(offsets);
            this.directoryCreated = sequence > 0;
        }

        synchronized SortedMap<TopicPartition, Long> snapshot() {
            return new TreeMap<>(offsets);
        }
    }
}
