package io.lucidmq.engine;

import io.lucidmq.LucidStorageException;
import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Directory listing and recursive deletion through a {@link FileIO}. Stateless and
 * thread-safe. A failed deletion stops at the entry it names and leaves the entries not yet
 * deleted in place.
 */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Deletes {@code root} and everything below it, deepest entries first. A missing root is
     * not an error.
     *
     * @throws LucidStorageException naming the entry that could not be deleted
     */
    public static void deleteRecursively(FileIO fileIO, Path root) {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(root)) {
            entries = new ArrayList<>(walk.toList());
        } catch (IOException e) {
            throw new LucidStorageException("failed to list " + root + " for deletion", e);
        }
        entries.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path entry : entries) {
            try {
                fileIO.deleteIfExists(entry);
            } catch (IOException e) {
                throw new LucidStorageException("failed to delete " + entry, e);
            }
        }
    }

    /**
     * Lists the names of the subdirectories of {@code directory}, sorted; empty when the
     * directory does not exist.
     */
    public static List<String> subdirectoryNames(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(Files::isDirectory)
                    .map(child -> child.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new LucidStorageException("failed to list directory " + directory, e);
        }
    }

    /** Deletes {@code file} if it exists, naming it in the exception on failure. */
    public static boolean deleteIfExists(FileIO fileIO, Path file) {
        try {
            return fileIO.deleteIfExists(file);
        } catch (IOException e) {
            throw new LucidStorageException("failed to delete " + file, e);
        }
    }

    /** Creates {@code directory} and its parents, naming it in the exception on failure. */
    public static void createDirectories(FileIO fileIO, Path directory) {
        try {
            fileIO.createDirectories(directory);
        } catch (IOException e) {
            throw new LucidStorageException("failed to create directory " + directory + ": "
                    + e, e);
        }
    }
}
