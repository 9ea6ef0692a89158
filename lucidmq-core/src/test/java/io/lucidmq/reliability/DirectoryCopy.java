package io.lucidmq.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies and deletes directory trees for the harnesses. A copy of the directory of a running
 * instance is what a crash of its process would leave: the written bytes are in the page
 * cache, which the copy reads, and no clean-shutdown marker is written.
 */
final class DirectoryCopy {

    private DirectoryCopy() {
    }

    /** Copies {@code source} and everything below it to {@code target}, which must not exist. */
    static Path copy(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path entry : walk.toList()) {
                Path destination = target.resolve(source.relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(entry, destination);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + source + " to " + target + " failed", e);
        }
    }

    /** Deletes {@code root} and everything below it; a missing root is not an error. */
    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path entry : deepestFirst) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + root + " failed", e);
        }
    }
}
