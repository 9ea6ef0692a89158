package io.lucidmq.engine;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.LucidStorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The encoding shared by the engine's small metadata files ({@code topic.meta} and group
 * {@code offsets}): UTF-8 text lines, each ended by {@code '\n'}.
 *
 * <pre>
 * line 1       &lt;format name&gt; &lt;version&gt;     for example "lucidmq-topic 1"
 * lines 2..n-1 &lt;key&gt;=&lt;value&gt;                the entries, in the order written
 * line n       crc32c=&lt;8 lowercase hex&gt;      CRC32C of every byte before this line
 * </pre>
 *
 * <p>A file that is empty, cut short, has a wrong name or a checksum mismatch is rejected
 * with a {@link CorruptRecordException} naming the file, the byte position and the expected
 * and found values; a version above the one this code reads fails with a
 * {@link LucidStorageException}. Stateless and thread-safe.
 */
public final class ChecksummedText {

    private static final String CHECKSUM_KEY = "crc32c=";

    private ChecksummedText() {
    }

    /** Encodes {@code entries} ({@code key=value} lines) under a header line. */
    public static byte[] encode(String formatName, int version, List<String> entries) {
        StringBuilder text = new StringBuilder();
        text.append(formatName).append(' ').append(version).append('\n');
        for (String entry : entries) {
            if (entry.indexOf('\n') >= 0 || entry.indexOf('=') < 1) {
                throw new IllegalArgumentException("invalid metadata entry '" + entry
                        + "': expected key=value on one line");
            }
            text.append(entry).append('\n');
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        String checksumLine = CHECKSUM_KEY + String.format("%08x", crc32c(body, body.length))
                + "\n";
        byte[] checksum = checksumLine.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[body.length + checksum.length];
        System.arraycopy(body, 0, file, 0, body.length);
        System.arraycopy(checksum, 0, file, body.length, checksum.length);
        return file;
    }

    /**
     * Decodes and verifies a file written by {@link #encode}.
     *
     * @return the entry lines, without the header and checksum lines
     * @throws CorruptRecordException if the bytes are not a complete, intact file
     * @throws LucidStorageException if the file was written by a newer format version
     */
    public static List<String> decode(byte[] bytes, Path file, String formatName,
            int maxVersion) {
        if (bytes.length == 0) {
            throw corrupt(file, 0, "the file is empty");
        }
        if (bytes[bytes.length - 1] != '\n') {
            throw corrupt(file, bytes.length, "the file does not end with a newline, so it "
                    + "was cut short");
        }
        int checksumStart = lastLineStart(bytes);
        verifyChecksum(bytes, checksumStart, file);

        String body = new String(bytes, 0, checksumStart, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        lines.remove(lines.size() - 1);
        if (lines.isEmpty()) {
            throw corrupt(file, 0, "the header line is missing");
        }
        verifyHeader(lines.remove(0), file, formatName, maxVersion);
        return lines;
    }

    /** Splits a {@code key=value} entry; the key is everything before the first '='. */
    public static String[] splitEntry(String entry, Path file) {
        int equals = entry.indexOf('=');
        if (equals < 1) {
            throw new CorruptRecordException("invalid entry '" + entry + "' in " + file
                    + ": expected key=value");
        }
        return new String[] {entry.substring(0, equals), entry.substring(equals + 1)};
    }

    private static void verifyChecksum(byte[] bytes, int checksumStart, Path file) {
        String line = new String(bytes, checksumStart, bytes.length - checksumStart - 1,
                StandardCharsets.UTF_8);
        if (!line.startsWith(CHECKSUM_KEY)) {
            throw corrupt(file, checksumStart, "expected the last line to be '" + CHECKSUM_KEY
                    + "<8 hex digits>', found '" + abbreviate(line) + "'");
        }
        String stored = line.substring(CHECKSUM_KEY.length());
        String computed = String.format("%08x", crc32c(bytes, checksumStart));
        if (!stored.equals(computed)) {
            throw corrupt(file, checksumStart, "checksum mismatch: stored crc32c '"
                    + abbreviate(stored) + "', computed " + computed);
        }
    }

    private static void verifyHeader(String header, Path file, String formatName,
            int maxVersion) {
        String prefix = formatName + " ";
        if (!header.startsWith(prefix)) {
            throw corrupt(file, 0, "expected the header '" + prefix + "<version>', found '"
                    + abbreviate(header) + "'");
        }
        int version;
        try {
            version = Integer.parseInt(header.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw corrupt(file, 0, "invalid version in header '" + abbreviate(header) + "'");
        }
        if (version < 1 || version > maxVersion) {
            throw new LucidStorageException(file + " has format version " + version
                    + ", but this LucidMQ reads versions 1 to " + maxVersion
                    + "; open it with the LucidMQ version that wrote it");
        }
    }

    private static int lastLineStart(byte[] bytes) {
        for (int i = bytes.length - 2; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static long crc32c(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    private static CorruptRecordException corrupt(Path file, long position, String reason) {
        return new CorruptRecordException(file + " at byte " + position + ": " + reason);
    }
}
