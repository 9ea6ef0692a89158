package io.lucidmq.reliability;

import io.lucidmq.log.SegmentFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The kinds of file the corruption fuzzer damages, and how to find them in a corpus copy. */
enum FuzzTarget {

    /** The log file of the newest (active) segment. */
    NEWEST_SEGMENT(25),
    /** The log file of a sealed segment. */
    SEALED_SEGMENT(25),
    /** An offset or time index of any segment. */
    INDEX(20),
    /** The recovery-point checkpoint or the clean-shutdown marker. */
    CHECKPOINT(5),
    /** {@code topic.meta}. */
    TOPIC_METADATA(10),
    /** The group's {@code offsets}. */
    OFFSETS(10),
    /** The group's {@code offsets.prev}. */
    PREVIOUS_OFFSETS(5);

    private final int weight;

    FuzzTarget(int weight) {
        this.weight = weight;
    }

    /** Picks a target by weight. */
    static FuzzTarget pick(Random random) {
        int total = 0;
        for (FuzzTarget target : values()) {
            total += target.weight;
        }
        int choice = random.nextInt(total);
        for (FuzzTarget target : values()) {
            choice -= target.weight;
            if (choice < 0) {
                return target;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    /** Lists the non-empty files of this kind in the corpus copy {@code root}. */
    List<Path> files(FuzzCorpus corpus, Path root) {
        Path partition = FuzzCorpus.partitionDirectory(root);
        Path group = root.resolve("groups").resolve(FuzzCorpus.GROUP);
        long newest = corpus.newestBaseOffset();
        List<Path> files = new ArrayList<>();
        switch (this) {
            case NEWEST_SEGMENT -> files.add(SegmentFiles.logFile(partition, newest));
            case SEALED_SEGMENT -> corpus.segmentBaseOffsets().stream()
                    .filter(base -> base != newest)
                    .forEach(base -> files.add(SegmentFiles.logFile(partition, base)));
            case INDEX -> corpus.segmentBaseOffsets().forEach(base -> {
                files.add(SegmentFiles.indexFile(partition, base));
                files.add(SegmentFiles.timeIndexFile(partition, base));
            });
            case CHECKPOINT -> {
                files.add(partition.resolve(SegmentFiles.RECOVERY_POINT_FILE));
                files.add(partition.resolve(SegmentFiles.CLEAN_SHUTDOWN_FILE));
            }
            case TOPIC_METADATA -> files.add(root.resolve("topics").resolve(FuzzCorpus.TOPIC)
                    .resolve("topic.meta"));
            case OFFSETS -> files.add(group.resolve("offsets"));
            case PREVIOUS_OFFSETS -> files.add(group.resolve("offsets.prev"));
        }
        return files.stream().filter(FuzzTarget::nonEmpty).toList();
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
