package io.lucidmq.log;

import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Deletes a partition directory and the files in it. Stateless and thread-safe. */
final class PartitionDirectory {

    private PartitionDirectory() {
    }

    /**
     * Deletes every file in {@code directory}, then the directory; segment log files go first,
     * so that a crash midway leaves no index without its log. Subdirectories are not expected
     * and make the final delete fail.
     */
    static void delete(Path directory, FileIO fileIO) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> logFiles = new ArrayList<>();
        List<Path> otherFiles = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                boolean isLog = file.getFileName().toString().endsWith(SegmentFiles.LOG_SUFFIX);
                (isLog ? logFiles : otherFiles).add(file);
            }
        }
        for (Path file : logFiles) {
            fileIO.deleteIfExists(file);
        }
        for (Path file : otherFiles) {
            fileIO.deleteIfExists(file);
        }
        fileIO.deleteIfExists(directory);
        Path parent = directory.getParent();
        if (parent != null) {
            fileIO.forceDirectory(parent);
        }
    }
}
