package io.lucidmq.log;

import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.zip.CRC32C;

/**
 * A small file of int64 values that a partition keeps beside its segments: the clean-shutdown
 * marker and the recovery-point checkpoint. Written to a temporary file, forced, and renamed
 * over the old one, so a reader sees the old or the new content, never a mix.
 *
 * <pre>
 * offset  size  field    type
 *      0     4  magic    int32  identifies the file kind
 *      4     1  version  int8   {@link #VERSION}
 *      5   8*n  values   int64  n values, fixed per file kind
 *  5+8*n     4  crc      int32  CRC32C of bytes 0 .. 4+8*n
 * </pre>
 *
 * <p>Stateless and thread-safe; callers serialize writes of one file.
 */
final class CheckpointFile {

    /** Magic of the clean-shutdown marker: "LMCS". */
    static final int CLEAN_SHUTDOWN_MAGIC = 0x4C4D4353;

    /** Magic of the recovery-point checkpoint: "LMRP". */
    static final int RECOVERY_POINT_MAGIC = 0x4C4D5250;

    static final byte VERSION = 1;

    private static final int PREFIX_LENGTH = 5;

    private CheckpointFile() {
    }

    /** Writes {@code values} to {@code file} atomically and durably. */
    static void write(FileIO fileIO, Path file, int magic, long... values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(PREFIX_LENGTH + 8 * values.length + 4);
        bytes.putInt(magic).put(VERSION);
        for (long value : values) {
            bytes.putLong(value);
        }
        bytes.putInt(crc(bytes, bytes.position()));
        bytes.flip();

        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = fileIO.open(temporary, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
            while (bytes.hasRemaining()) {
                channel.write(bytes, bytes.position());
            }
            fileIO.force(channel, true);
        }
        fileIO.atomicMove(temporary, file);
        fileIO.forceDirectory(file.getParent());
    }

    /**
     * Reads the {@code count} values of {@code file}.
     *
     * @return the values, or {@code null} when the file is missing, of another kind or
     *     version, or fails its CRC
     */
    static long[] read(Path file, int magic, int count) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(PREFIX_LENGTH + 8 * count + 4);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != bytes.capacity()) {
                return null;
            }
            while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) >= 0) {
                // Reads until the buffer is full or the file ends.
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        bytes.flip();
        if (bytes.remaining() != bytes.capacity() || bytes.getInt(0) != magic
                || bytes.get(4) != VERSION
                || bytes.getInt(bytes.capacity() - 4) != crc(bytes, bytes.capacity() - 4)) {
            return null;
        }
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = bytes.getLong(PREFIX_LENGTH + 8 * i);
        }
        return values;
    }

    private static int crc(ByteBuffer bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.duplicate().position(0).limit(length));
        return (int) crc.getValue();
    }
}
