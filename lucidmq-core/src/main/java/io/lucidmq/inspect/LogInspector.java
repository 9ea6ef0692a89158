package io.lucidmq.inspect;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Read-only checks of a LucidMQ directory for tools: verification of every checksum and index,
 * and a dump of a segment file. Never modifies a file, so it may run beside a writer (a batch
 * being appended at that moment may then show as an incomplete tail).
 */
public final class LogInspector {

    private LogInspector() {
    }

    /**
     * Checks every segment's batch checksums and offsets, every index against its segment, the
     * topic metadata and the group offsets files under {@code directory}.
     *
     * @return every problem found, in file order; empty when the directory is sound
     * @throws io.lucidmq.LucidStorageException if the directory cannot be read
     */
    public static List<Problem> verify(Path directory) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Reads a segment file batch by batch and passes each to {@code visitor}, stopping at the
     * first batch that is incomplete or cannot be framed.
     *
     * @return the byte position where reading stopped (the file size when it is sound)
     * @throws io.lucidmq.LucidStorageException if the file cannot be read
     */
    public static long dump(Path segmentFile, Consumer<BatchSummary> visitor) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
