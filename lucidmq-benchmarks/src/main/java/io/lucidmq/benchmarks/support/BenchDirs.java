package io.lucidmq.benchmarks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Temporary data directories of the benchmarks.
 *
 * <p>Every directory is created under the base directory named by the system property
 * {@value #BASE_DIR_PROPERTY}, or under {@code java.io.tmpdir} without it, and is deleted by the
 * benchmark's tear-down. The base directory decides the file system that is measured.
 */
public final class BenchDirs {

    /** The system property naming the base directory of all benchmark data. */
    public static final String BASE_DIR_PROPERTY = "lucidmq.bench.dir";

    private BenchDirs() {
    }

    /** Returns the base directory, created if missing. */
    public static Path baseDir() {
        String configured = System.getProperty(BASE_DIR_PROPERTY);
        Path base = Path.of(configured != null ? configured : System.getProperty("java.io.tmpdir"));
        try {
            return Files.createDirectories(base).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create benchmark base directory " + base, e);
        }
    }

    /** Creates a new, empty directory under the base directory. */
    public static Path create(String prefix) {
        Path base = baseDir();
        try {
            return Files.createTempDirectory(base, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory under " + base, e);
        }
    }

    /** Creates the directory {@code name} in {@code parent}. */
    public static Path createIn(Path parent, String name) {
        Path directory = parent.resolve(name);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory.toAbsolutePath(), e);
        }
    }

    /** Deletes {@code directory} and everything in it; a missing directory is ignored. */
    public static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                        throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                        throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory.toAbsolutePath(), e);
        }
    }

    /** Returns the total size of the regular files under {@code directory}. */
    public static long sizeInBytes(Path directory) {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(BenchDirs::fileSize).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + directory.toAbsolutePath(), e);
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file.toAbsolutePath(), e);
        }
    }
}
