package io.lucidmq.log;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The names of the files in a partition directory. A segment's files are named by its base
 * offset as 20 decimal digits, zero-padded: {@code 00000000000000000042.log} with
 * {@code .index} and {@code .timeindex} beside it. Stateless and thread-safe.
 */
public final class SegmentFiles {

    /** Suffix of segment log files. */
    public static final String LOG_SUFFIX = ".log";

    /** Suffix of offset index files. */
    public static final String INDEX_SUFFIX = ".index";

    /** Suffix of time index files. */
    public static final String TIME_INDEX_SUFFIX = ".timeindex";

    /** Name of the marker file that a clean close writes. */
    public static final String CLEAN_SHUTDOWN_FILE = "clean-shutdown";

    /** Name of the recovery-point checkpoint file. */
    public static final String RECOVERY_POINT_FILE = "recovery-point";

    /**
     * Name of the next segment's file while it is prepared ahead of the roll; deleted on open,
     * like every {@code .tmp} file.
     */
    public static final String SPARE_FILE = "next-segment.tmp";

    private static final int DIGITS = 20;

    private SegmentFiles() {
    }

    /** Returns the log file of the segment with {@code baseOffset} in {@code directory}. */
    public static Path logFile(Path directory, long baseOffset) {
        return directory.resolve(name(baseOffset, LOG_SUFFIX));
    }

    /** Returns the offset index file of the segment with {@code baseOffset}. */
    public static Path indexFile(Path directory, long baseOffset) {
        return directory.resolve(name(baseOffset, INDEX_SUFFIX));
    }

    /** Returns the time index file of the segment with {@code baseOffset}. */
    public static Path timeIndexFile(Path directory, long baseOffset) {
        return directory.resolve(name(baseOffset, TIME_INDEX_SUFFIX));
    }

    /**
     * Returns the base offset that a segment file's name gives, or {@code -1} when the name is
     * not 20 digits followed by {@code suffix}.
     */
    public static long baseOffset(Path file, String suffix) {
        String name = file.getFileName().toString();
        if (name.length() != DIGITS + suffix.length() || !name.endsWith(suffix)) {
            return -1;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(name.substring(0, DIGITS));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Returns whether a listing of {@code directory} missed the segment after one that ends at
     * offset {@code end}, because the next listed segment starts at {@code nextListed}, later,
     * and the file that {@code end} names exists. A listing that runs while a writer creates
     * segment files may miss one and still return one created after it.
     */
    static boolean missedByListing(Path directory, long end, long nextListed) {
        return end < nextListed && Files.exists(logFile(directory, end));
    }

    /** Lists the base offsets of the segment log files in {@code directory}, ascending. */
    public static List<Long> listBaseOffsets(Path directory) throws IOException {
        return list(directory, LOG_SUFFIX);
    }

    /** Lists the base offsets of files with {@code suffix} in {@code directory}, ascending. */
    static List<Long> list(Path directory, String suffix) throws IOException {
        List<Long> baseOffsets = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + suffix)) {
            for (Path file : files) {
                long baseOffset = baseOffset(file, suffix);
                if (baseOffset >= 0) {
                    baseOffsets.add(baseOffset);
                }
            }
        }
        Collections.sort(baseOffsets);
        return baseOffsets;
    }

    private static String name(long baseOffset, String suffix) {
        if (baseOffset < 0) {
            throw new IllegalArgumentException(
                    "baseOffset must be 0 or more, but was " + baseOffset);
        }
        return String.format("%0" + DIGITS + "d%s", baseOffset, suffix);
    }
}
