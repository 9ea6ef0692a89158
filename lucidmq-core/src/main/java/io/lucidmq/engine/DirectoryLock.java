package io.lucidmq.engine;

import io.lucidmq.DirectoryLockedException;
import io.lucidmq.LucidException;
import io.lucidmq.LucidStorageException;
import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer lock of a LucidMQ directory: an exclusive operating-system lock
 * ({@link FileChannel#tryLock()}) on {@code <root>/lucidmq.lock}, held while a writable
 * instance is open. The operating system drops the lock when the process dies, so a crashed
 * writer never blocks the next one.
 *
 * <p>The file's content is informational: the holder's pid, {@code state=open} while held
 * and {@code state=closed} after a clean close, in the {@link ChecksummedText} format. It is
 * written without a force; the next writer reads it only to report whether the previous one
 * closed cleanly. Partition logs decide recovery on their own markers.
 *
 * <p>Within one JVM a registry of held directories rejects a second writer before it opens
 * the file, because on Linux closing any channel of a locked file would release the lock of
 * the whole process. Thread-safe.
 */
public final class DirectoryLock implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(DirectoryLock.class);
    private static final String FORMAT = "lucidmq-lock";
    private static final int VERSION = 1;
    private static final int MAX_LOCK_FILE_BYTES = 4096;
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final Path registryKey;
    private final FileChannel channel;
    private final FileLock lock;
    private final PreviousHolder previousHolder;
    private boolean released;

    private DirectoryLock(Path directory, Path registryKey, FileChannel channel, FileLock lock,
            PreviousHolder previousHolder) {
        this.directory = directory;
        this.registryKey = registryKey;
        this.channel = channel;
        this.lock = lock;
        this.previousHolder = previousHolder;
    }

    /**
     * Takes the writer lock of {@code directory}, which must exist.
     *
     * @throws DirectoryLockedException naming the directory if another writer holds it
     * @throws LucidStorageException if the lock file cannot be created or written
     */
    public static DirectoryLock acquire(Path directory, FileIO fileIO) {
        Path key = registryKey(directory);
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw new DirectoryLockedException("directory " + directory
                    + " is already open for writing by another LucidMQ instance in this JVM; "
                    + "close it first or open this one read-only");
        }
        try {
            return lockFile(directory, key, fileIO);
        } catch (RuntimeException e) {
            HELD_IN_THIS_JVM.remove(key);
            throw e;
        }
    }

    /**
     * Returns whether the previous writer closed cleanly, or empty when no writer used the
     * directory before.
     */
    public Optional<Boolean> previousWriterClosedCleanly() {
        return previousHolder == null ? Optional.empty()
                : Optional.of(previousHolder.closedCleanly());
    }

    /** Returns the pid the previous writer recorded, or "unknown". */
    public String previousWriterPid() {
        return previousHolder == null ? "unknown" : previousHolder.pid();
    }

    /** Records a clean close in the lock file and releases the lock. Idempotent. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            writeState(channel, "closed");
        } catch (IOException e) {
            logger.warn("Failed to record the clean close in {}", lockFilePath(), e);
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            logger.error("Failed to release the writer lock {}", lockFilePath(), e);
        } finally {
            HELD_IN_THIS_JVM.remove(registryKey);
        }
    }

    private static DirectoryLock lockFile(Path directory, Path key, FileIO fileIO) {
        Path file = directory.resolve(DirectoryLayout.LOCK_FILE);
        FileChannel channel;
        try {
            channel = fileIO.open(file, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new LucidStorageException("failed to open the lock file " + file
                    + "; check that the directory is writable", e);
        }
        try {
            FileLock lock = tryLock(channel, directory, file);
            PreviousHolder previous = PreviousHolder.read(channel, file);
            writeState(channel, "open");
            return new DirectoryLock(directory, key, channel, lock, previous);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, file);
            if (e instanceof LucidException lucid) {
                throw lucid;
            }
            throw new LucidStorageException("failed to lock " + file, e);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path directory, Path file)
            throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            throw new DirectoryLockedException("directory " + directory
                    + " is already open for writing in this JVM", e);
        }
        if (lock == null) {
            String holder = PreviousHolder.readPid(channel, file)
                    .map(pid -> " (pid " + pid + ")").orElse("");
            throw new DirectoryLockedException("directory " + directory
                    + " is locked by another writer process" + holder
                    + "; close that process or open this directory read-only");
        }
        return lock;
    }

    private static void writeState(FileChannel channel, String state) throws IOException {
        byte[] content = ChecksummedText.encode(FORMAT, VERSION, List.of(
                "pid=" + ProcessHandle.current().pid(),
                "state=" + state,
                "since=" + Instant.now()));
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(content);
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    private static Path registryKey(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }

    private static void closeQuietly(FileChannel channel, Path file) {
        try {
            channel.close();
        } catch (IOException e) {
            logger.warn("Failed to close the lock file {}", file, e);
        }
    }

    private Path lockFilePath() {
        return directory.resolve(DirectoryLayout.LOCK_FILE);
    }

    /** The content a previous writer left in the lock file. */
    private record PreviousHolder(String pid, boolean closedCleanly) {

        /** Reads the lock file of a directory this process has just locked. */
        static PreviousHolder read(FileChannel channel, Path file) {
            try {
                return parse(channel, file);
            } catch (IOException | LucidException e) {
                logger.warn("Cannot read the previous writer's state from {}; assuming it did "
                        + "not close cleanly", file, e);
                return new PreviousHolder("unknown", false);
            }
        }

        /** Reads the pid of the process holding the lock, which may be rewriting the file. */
        static Optional<String> readPid(FileChannel channel, Path file) {
            try {
                PreviousHolder holder = parse(channel, file);
                return holder == null ? Optional.empty() : Optional.of(holder.pid());
            } catch (IOException | LucidException e) {
                logger.debug("Cannot read the lock holder's pid from {}", file, e);
                return Optional.empty();
            }
        }

        /**
         * Parses the file through the lock's own channel: opening a second descriptor and
         * closing it would drop this process's lock on Linux.
         */
        private static PreviousHolder parse(FileChannel channel, Path file) throws IOException {
            long size = channel.size();
            if (size == 0) {
                return null;
            }
            if (size > MAX_LOCK_FILE_BYTES) {
                throw new LucidStorageException("lock file " + file + " has " + size
                        + " bytes, more than the " + MAX_LOCK_FILE_BYTES + " it may have");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
                // Read until the buffer is full or the file ends.
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            String pid = "unknown";
            boolean closed = false;
            for (String entry : ChecksummedText.decode(bytes, file, FORMAT, VERSION)) {
                String[] keyValue = ChecksummedText.splitEntry(entry, file);
                if (keyValue[0].equals("pid")) {
                    pid = keyValue[1];
                } else if (keyValue[0].equals("state")) {
                    closed = keyValue[1].equals("closed");
                }
            }
            return new PreviousHolder(pid, closed);
        }
    }
}
