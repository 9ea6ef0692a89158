package io.lucidmq.engine;

import io.lucidmq.LucidStorageException;
import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Replaces a small file atomically through a {@link FileIO}: the content goes to
 * {@code <name>.tmp}, which is forced, renamed over the target and made durable by forcing
 * the directory. After a crash at any step the target has either its old or its new
 * content, never a mix; a leftover {@code .tmp} file is garbage that the next writer
 * overwrites. Stateless and thread-safe, but two concurrent replaces of one target must be
 * serialized by the caller because they share the temporary file.
 */
public final class AtomicFileWriter {

    /** The suffix of the temporary file written before the rename. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFileWriter() {
    }

    /**
     * Replaces {@code target} with {@code content}.
     *
     * @throws LucidStorageException if a step fails; the target then still has its old
     *     content, or the new one if only the final directory force failed
     */
    public static void replace(FileIO fileIO, Path target, byte[] content) {
        Path temp = tempFile(target);

        // Write and force the temporary file, so the rename never exposes unforced bytes.
        writeAndForce(fileIO, temp, content);

        // Commit point: the rename swaps in the new content in one step.
        try {
            fileIO.atomicMove(temp, target);
        } catch (IOException e) {
            throw new LucidStorageException("failed to rename " + temp + " to " + target, e);
        }

        // Make the rename itself survive a power loss.
        forceDirectory(fileIO, target.getParent());
    }

    /**
     * Renames {@code source} over {@code target} and forces the directory; used to keep the
     * previous copy of a file before replacing it.
     */
    public static void moveAndForce(FileIO fileIO, Path source, Path target) {
        try {
            fileIO.atomicMove(source, target);
        } catch (IOException e) {
            throw new LucidStorageException("failed to rename " + source + " to " + target, e);
        }
        forceDirectory(fileIO, target.getParent());
    }

    /** Returns the temporary file that {@link #replace} writes for {@code target}. */
    public static Path tempFile(Path target) {
        return target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    }

    /**
     * Forces a directory's entries to disk. A pending interrupt waits until the force is
     * done, because it would close the channel first.
     */
    public static void forceDirectory(FileIO fileIO, Path directory) {
        boolean interrupted = Thread.interrupted();
        try {
            fileIO.forceDirectory(directory);
        } catch (IOException e) {
            throw new LucidStorageException("failed to force directory " + directory, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Writes {@code content} to {@code temp}, replacing what it held, and forces it. A pending
     * interrupt waits until the write is done, because it would close the channel first.
     */
    public static void writeAndForce(FileIO fileIO, Path temp, byte[] content) {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        boolean interrupted = Thread.interrupted();
        try (FileChannel channel = fileIO.open(temp, options)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            fileIO.force(channel, true);
        } catch (IOException e) {
            throw new LucidStorageException("failed to write and force " + temp + " ("
                    + content.length + " bytes)", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
