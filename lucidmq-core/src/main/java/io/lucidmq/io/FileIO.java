package io.lucidmq.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * Every file operation that changes what is on disk, routed through one interface so that tests
 * can make any of them fail. The engine never writes, forces, truncates, renames, creates or
 * deletes a file except through a {@code FileIO}; writes and truncations go through the
 * {@link FileChannel} that {@link #open} returns, and forces through {@link #force(FileChannel,
 * boolean)} and {@link #force(MappedByteBuffer, int, int)}.
 *
 * <p>Implementations must be thread-safe. {@link #standard()} is the one to use outside tests.
 */
public interface FileIO {

    /** Returns the implementation backed by {@link java.nio.file.Files} and the JDK channels. */
    static FileIO standard() {
        return StandardFileIO.INSTANCE;
    }

    /**
     * Opens a file channel; with {@link java.nio.file.StandardOpenOption#CREATE} this may create
     * the file.
     */
    FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException;

    /** Renames {@code source} to {@code target} atomically, replacing {@code target}. */
    void atomicMove(Path source, Path target) throws IOException;

    /**
     * Forces a directory's entries to disk, so that files created, renamed or deleted in it
     * survive a power loss. A no-op where the platform cannot open a directory.
     */
    void forceDirectory(Path directory) throws IOException;

    /** Creates a directory and any missing parents. */
    void createDirectories(Path directory) throws IOException;

    /** Deletes a file or an empty directory if it exists; returns whether it existed. */
    boolean deleteIfExists(Path path) throws IOException;

    /**
     * Forces a channel's written bytes to disk, and its metadata when {@code metaData} is set.
     * The default calls {@link FileChannel#force(boolean)}.
     */
    default void force(FileChannel channel, boolean metaData) throws IOException {
        channel.force(metaData);
    }

    /**
     * Forces {@code length} bytes from {@code index} of a memory mapping to disk. The default
     * calls {@link MappedByteBuffer#force(int, int)} and reports its failure as an
     * {@link IOException}.
     */
    default void force(MappedByteBuffer mapping, int index, int length) throws IOException {
        try {
            mapping.force(index, length);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
