package io.lucidmq.topic;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidConfig;
import io.lucidmq.LucidStorageException;
import io.lucidmq.TopicPartition;
import io.lucidmq.engine.AtomicFileWriter;
import io.lucidmq.engine.DirectoryLayout;
import io.lucidmq.engine.FileTrees;
import io.lucidmq.inspect.LogInspector;
import io.lucidmq.io.FileIO;
import io.lucidmq.log.LogConfig;
import io.lucidmq.log.PartitionLog;
import io.lucidmq.log.ReadCacheSheddingFileIO;
import io.lucidmq.log.SegmentFileCache;
import io.lucidmq.log.SegmentWorkers;
import io.lucidmq.log.SegmentFiles;
import io.lucidmq.log.WriteChannelBudget;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one topic directory: reads {@code topic.meta}, or rebuilds it from the partition
 * directories when it is missing or damaged, and opens every partition log. A writable
 * loader also removes what an interrupted create left behind. Stateless apart from its
 * settings; thread-safe.
 */
final class TopicLoader {

    private static final Logger logger = LoggerFactory.getLogger(TopicLoader.class);

    private final DirectoryLayout layout;
    private final LucidConfig config;
    private final SegmentFileCache fileCache;
    private final SegmentWorkers workers;
    /** The open files the active segments of topics forced after each append may keep. */
    private final WriteChannelBudget writeChannels;
    /** The file I/O of the partition logs, which sheds read channels to free descriptors. */
    private final FileIO logFileIO;

    TopicLoader(DirectoryLayout layout, LucidConfig config, SegmentFileCache fileCache,
            SegmentWorkers workers) {
        this.layout = layout;
        this.config = config;
        this.fileCache = fileCache;
        this.logFileIO = new ReadCacheSheddingFileIO(config.fileIO(), fileCache);
        this.workers = workers;
        this.writeChannels = new WriteChannelBudget(writeChannelPlaces(
                config.maxOpenSegmentFiles()));
    }

    /**
     * Returns the places of the write channel budget: a quarter of the open segment file cap,
     * at least one, so that the kept write channels add at most a quarter to the descriptors
     * that the read cache may keep open.
     */
    static int writeChannelPlaces(int maxOpenSegmentFiles) {
        return Math.max(1, maxOpenSegmentFiles / 4);
    }

    /**
     * Loads the topic stored in {@code topics/<name>}.
     *
     * @return the open topic, or empty when the directory contains no complete topic
     */
    Optional<Topic> load(String name) {
        Path metaFile = layout.topicMetaFile(name);
        List<Integer> partitionNumbers = partitionNumbers(layout.topicDirectory(name));
        if (!config.readOnly()) {
            FileTrees.deleteIfExists(config.fileIO(), AtomicFileWriter.tempFile(metaFile));
        }

        Optional<TopicConfig> stored = readMetadata(name, metaFile, partitionNumbers);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        TopicConfig topicConfig = stored.get();
        if (config.readOnly() && partitionNumbers.size() < topicConfig.partitions()) {
            logger.debug("Topic {} in {} has {} of {} partition directories; waiting for the "
                    + "writer to create the rest", name, layout.topicDirectory(name),
                    partitionNumbers.size(), topicConfig.partitions());
            return Optional.empty();
        }
        warnAboutExtraPartitions(name, topicConfig, partitionNumbers);
        return Optional.of(open(name, topicConfig));
    }

    /** Opens the logs of a topic whose metadata is already written. */
    Topic open(String name, TopicConfig topicConfig) {
        LogConfig logConfig = new LogConfig(topicConfig.segmentBytes(),
                topicConfig.maxRecordBytes(), LogConfig.DEFAULT_INDEX_INTERVAL_BYTES,
                config.maxOpenSegmentFiles());
        DurabilityPolicy durability = topicConfig.durability() != null
                ? topicConfig.durability() : config.durability();
        WriteChannelBudget budget = durability == DurabilityPolicy.SYNC ? writeChannels : null;
        List<PartitionLog> logs = new ArrayList<>();
        try {
            for (int partition = 0; partition < topicConfig.partitions(); partition++) {
                logs.add(PartitionLog.open(layout.partitionDirectory(name, partition),
                        new TopicPartition(name, partition), logConfig, logFileIO,
                        config.readOnly(), fileCache, workers, budget));
            }
        } catch (RuntimeException e) {
            closeAll(name, logs);
            throw e;
        }
        return new Topic(name, topicConfig, durability, config.readOnly(), logs);
    }

    private Optional<TopicConfig> readMetadata(String name, Path metaFile,
            List<Integer> partitionNumbers) {
        if (Files.exists(metaFile)) {
            try {
                return Optional.of(TopicMetadata.read(metaFile));
            } catch (CorruptRecordException e) {
                return rebuild(name, metaFile, partitionNumbers, e.getMessage());
            }
        }
        if (partitionNumbers.isEmpty()) {
            removeIncompleteTopic(name);
            return Optional.empty();
        }
        return rebuild(name, metaFile, partitionNumbers, "the file is missing");
    }

    private Optional<TopicConfig> rebuild(String name, Path metaFile,
            List<Integer> partitionNumbers, String reason) {
        if (partitionNumbers.isEmpty()) {
            throw new LucidStorageException("topic metadata " + metaFile + " is unreadable ("
                    + reason + ") and the topic has no partition directories to rebuild it "
                    + "from; restore the file or delete " + layout.topicDirectory(name));
        }
        int partitions = partitionNumbers.get(partitionNumbers.size() - 1) + 1;
        // Retention is switched off: a guessed limit must never delete records the lost
        // configuration meant to keep.
        TopicConfig rebuilt = fitStoredRecords(name, partitionNumbers,
                config.defaultTopicConfig().withPartitions(partitions)
                        .withRetentionBytes(-1).withRetentionMs(-1));
        logger.warn("Topic metadata {} is unreadable ({}); rebuilt it from the log: {} "
                + "partitions from the partition directories, record and segment sizes large "
                + "enough for the stored batches, retention off, other settings from the "
                + "instance defaults: {}; restore the file from a backup to bring back its "
                + "retention",
                metaFile, reason, partitions, rebuilt);
        if (!config.readOnly()) {
            TopicMetadata.write(config.fileIO(), metaFile, rebuilt);
        }
        return Optional.of(rebuilt);
    }

    /**
     * Raises {@code rebuilt}'s maximum record size, and its segment size with it, to what the
     * stored batches need: a topic may have been created with larger limits than the instance
     * defaults, and recovery and reads reject a batch longer than its record count times the
     * maximum record size, so keeping the defaults would cut or refuse acknowledged records.
     * Reads every segment file once.
     */
    private TopicConfig fitStoredRecords(String name, List<Integer> partitionNumbers,
            TopicConfig rebuilt) {
        long needed = 0;
        for (int number : partitionNumbers) {
            Path partition = layout.partitionDirectory(name, number);
            try (DirectoryStream<Path> segments = Files.newDirectoryStream(partition,
                    "*" + SegmentFiles.LOG_SUFFIX)) {
                for (Path segment : segments) {
                    needed = Math.max(needed, largestRecordBound(segment));
                }
            } catch (IOException e) {
                throw new LucidStorageException("failed to list the segments of " + partition
                        + " to rebuild the metadata of topic " + name, e);
            }
        }
        if (needed <= rebuilt.maxRecordBytes()) {
            return rebuilt;
        }
        int maxRecordBytes = (int) Math.min(needed,
                Integer.MAX_VALUE - TopicConfig.SEGMENT_OVERHEAD_BYTES);
        return rebuilt.withSegmentBytes(Math.max(rebuilt.segmentBytes(),
                maxRecordBytes + TopicConfig.SEGMENT_OVERHEAD_BYTES))
                .withMaxRecordBytes(maxRecordBytes);
    }

    /** Returns the largest batch length per record in a segment file, rounded up. */
    private static long largestRecordBound(Path segment) {
        long[] largest = {0};
        LogInspector.dump(segment, batch -> {
            long records = batch.lastOffset() - batch.baseOffset() + 1;
            largest[0] = Math.max(largest[0], (batch.sizeInBytes() + records - 1) / records);
        });
        return largest[0];
    }

    private void removeIncompleteTopic(String name) {
        Path directory = layout.topicDirectory(name);
        if (config.readOnly()) {
            logger.debug("Topic directory {} has no metadata yet; skipping it", directory);
            return;
        }
        logger.warn("Removing topic directory {}: it has neither metadata nor partitions, "
                + "so its creation was interrupted", directory);
        FileTrees.deleteRecursively(config.fileIO(), directory);
    }

    private void warnAboutExtraPartitions(String name, TopicConfig topicConfig,
            List<Integer> partitionNumbers) {
        for (int number : partitionNumbers) {
            if (number >= topicConfig.partitions()) {
                logger.warn("Ignoring partition directory {}: the topic metadata of {} has "
                        + "only {} partitions", layout.partitionDirectory(name, number), name,
                        topicConfig.partitions());
            }
        }
    }

    private static List<Integer> partitionNumbers(Path topicDirectory) {
        List<Integer> numbers = new ArrayList<>();
        for (String child : FileTrees.subdirectoryNames(topicDirectory)) {
            if (isPartitionNumber(child)) {
                numbers.add(Integer.parseInt(child));
            }
        }
        numbers.sort(null);
        return numbers;
    }

    private static boolean isPartitionNumber(String name) {
        if (name.isEmpty() || name.length() > 9 || (name.length() > 1 && name.charAt(0) == '0')) {
            return false;
        }
        return name.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void closeAll(String name, List<PartitionLog> logs) {
        for (PartitionLog log : logs) {
            try {
                log.close();
            } catch (RuntimeException e) {
                logger.error("Failed to close partition log {} of topic {} after a failed "
                        + "open", log.topicPartition(), name, e);
            }
        }
    }
}
