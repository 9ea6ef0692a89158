package io.lucidmq.testing;

import io.lucidmq.DirectoryLockedException;
import io.lucidmq.LucidMQ;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Child JVM helper: opens a directory for writing. Arguments: the directory and a mode.
 * {@code hold} prints {@code OPENED} and keeps the instance open until standard input ends
 * or the process is killed; {@code probe} prints {@code OPENED} and exits 0. When another
 * writer has locked the directory it prints {@code REJECTED <message>} and exits 3.
 */
public final class WriterLockMain {

    /** Exit code when the directory is locked by another writer. */
    public static final int EXIT_REJECTED = 3;

    private WriterLockMain() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        boolean hold = args[1].equals("hold");
        LucidMQ mq;
        try {
            mq = LucidMQ.open(directory);
        } catch (DirectoryLockedException e) {
            System.out.println("REJECTED " + e.getMessage());
            System.out.flush();
            System.exit(EXIT_REJECTED);
            return;
        }
        System.out.println("OPENED");
        System.out.flush();
        if (hold) {
            while (System.in.read() >= 0) {
                // Keep the lock until the parent closes standard input or kills this process.
            }
        }
        mq.close();
    }
}
