package io.lucidmq.inspect;

import io.lucidmq.LucidException;
import io.lucidmq.LucidStorageException;
import io.lucidmq.consumer.OffsetsFile;
import io.lucidmq.engine.DirectoryLayout;
import io.lucidmq.log.PartitionVerifier;
import io.lucidmq.log.SegmentFiles;
import io.lucidmq.topic.TopicMetadata;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Read-only checks of a LucidMQ directory for tools: verification of every checksum and index,
 * and a dump of a segment file. Never modifies a file, so it may run beside a writer (a batch
 * being appended at that moment may then show as an incomplete tail).
 *
 * <p>Stateless and thread-safe.
 */
public final class LogInspector {

    private LogInspector() {
    }

    /**
     * Checks every segment's batch checksums and offsets, every index against its segment, the
     * topic metadata and the group offsets files under {@code directory}. A directory that
     * holds segment files directly is checked as one partition.
     *
     * @return every problem found, in file order; empty when the directory is sound
     * @throws io.lucidmq.LucidStorageException if the directory cannot be read
     */
    public static List<Problem> verify(Path directory) {
        try {
            if (!SegmentFiles.listBaseOffsets(directory).isEmpty()) {
                return verifyPartition(directory);
            }
            List<Problem> problems = new ArrayList<>();
            for (Path partition : partitionDirectories(directory)) {
                problems.addAll(verifyPartition(partition));
            }
            problems.addAll(verifyTopicMetadata(directory));
            problems.addAll(verifyGroupOffsets(directory));
            return problems;
        } catch (IOException e) {
            throw new LucidStorageException("verifying " + directory.toAbsolutePath()
                    + " failed: " + e, e);
        }
    }

    /**
     * Checks one partition directory: every batch's framing and CRC32C, dense offsets within
     * and across segments, and every offset-index and time-index entry against the log file.
     *
     * @return the problems found, in file order; empty when the partition is sound
     * @throws io.lucidmq.LucidStorageException if a file cannot be read
     */
    public static List<Problem> verifyPartition(Path partitionDirectory) {
        try {
            return PartitionVerifier.verifyPartition(partitionDirectory);
        } catch (IOException e) {
            throw new LucidStorageException("verifying partition "
                    + partitionDirectory.toAbsolutePath() + " failed: " + e, e);
        }
    }

    /** Checks the {@code topic.meta} file of every topic: intact checksum, valid values. */
    private static List<Problem> verifyTopicMetadata(Path directory) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Path topics = new DirectoryLayout(directory).topicsDirectory();
        if (!Files.isDirectory(topics)) {
            return problems;
        }
        for (Path topic : sortedSubdirectories(topics)) {
            if (topic.getFileName().toString().endsWith(DirectoryLayout.DELETED_TOPIC_SUFFIX)) {
                continue;
            }
            Path metadata = topic.resolve(DirectoryLayout.TOPIC_META_FILE).toAbsolutePath();
            // A missing file is not damage: a writable open rebuilds it from the partitions.
            if (Files.exists(metadata)) {
                checkFile(metadata, () -> TopicMetadata.read(metadata), problems);
            }
        }
        return problems;
    }

    /** Checks every group's {@code offsets} and {@code offsets.prev} file. */
    private static List<Problem> verifyGroupOffsets(Path directory) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Path groups = new DirectoryLayout(directory).groupsDirectory();
        if (!Files.isDirectory(groups)) {
            return problems;
        }
        for (Path group : sortedSubdirectories(groups)) {
            for (String name : List.of(DirectoryLayout.OFFSETS_FILE,
                    DirectoryLayout.PREVIOUS_OFFSETS_FILE)) {
                Path file = group.resolve(name).toAbsolutePath();
                if (Files.exists(file)) {
                    checkFile(file, () -> OffsetsFile.read(file), problems);
                }
            }
        }
        return problems;
    }

    private static void checkFile(Path file, Runnable read, List<Problem> problems) {
        try {
            read.run();
        } catch (LucidException e) {
            problems.add(new Problem(file, -1, e.getMessage()));
        }
    }

    /**
     * Lists the partition directories of a LucidMQ directory,
     * {@code <directory>/topics/<topic>/<partition>}, sorted by path.
     */
    public static List<Path> partitionDirectories(Path directory) throws IOException {
        List<Path> partitions = new ArrayList<>();
        Path topics = directory.resolve("topics");
        if (!Files.isDirectory(topics)) {
            return partitions;
        }
        for (Path topic : sortedSubdirectories(topics)) {
            if (!topic.getFileName().toString().endsWith(DirectoryLayout.DELETED_TOPIC_SUFFIX)) {
                partitions.addAll(sortedSubdirectories(topic));
            }
        }
        return partitions;
    }

    private static List<Path> sortedSubdirectories(Path directory) throws IOException {
        List<Path> subdirectories = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                Files::isDirectory)) {
            entries.forEach(subdirectories::add);
        }
        subdirectories.sort(null);
        return subdirectories;
    }

    /**
     * Reads a segment file batch by batch and passes each to {@code visitor}, stopping at the
     * first batch that is incomplete or cannot be framed, or at a zero length field that marks
     * the end of the data.
     *
     * @return the byte position where reading stopped (the file size when it is sound and has
     *     no zero-filled tail)
     * @throws io.lucidmq.LucidStorageException if the file cannot be read
     */
    public static long dump(Path segmentFile, Consumer<BatchSummary> visitor) {
        try {
            return PartitionVerifier.dump(segmentFile, visitor);
        } catch (IOException e) {
            throw new LucidStorageException("dumping segment " + segmentFile.toAbsolutePath()
                    + " failed: " + e, e);
        }
    }
}
