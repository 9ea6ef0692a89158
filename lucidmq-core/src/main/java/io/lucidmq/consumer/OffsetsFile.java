package io.lucidmq.consumer;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.LucidStorageException;
import io.lucidmq.TopicPartition;
import io.lucidmq.engine.ChecksummedText;
import io.lucidmq.topic.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The codec of {@code groups/<group>/offsets} (and its previous copy {@code offsets.prev}),
 * which stores a group's committed offsets in the {@link ChecksummedText} format:
 *
 * <pre>
 * lucidmq-offsets 1
 * group=billing
 * sequence=42                 increases by one on every write of this group's offsets
 * orders/0=1200               &lt;topic&gt;/&lt;partition&gt;=&lt;next offset to read&gt;, sorted
 * orders/1=980
 * crc32c=5f0e7a21
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class OffsetsFile {

    /** The format name on the first line. */
    public static final String FORMAT = "lucidmq-offsets";

    /** The format version this code writes and the highest it reads. */
    public static final int VERSION = 1;

    /**
     * The decoded content of one offsets file.
     *
     * @param groupId the group the file belongs to
     * @param sequence the write sequence number
     * @param offsets the committed offsets, sorted by partition
     */
    public record Content(String groupId, long sequence,
            SortedMap<TopicPartition, Long> offsets) {

        public Content {
            offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
        }
    }

    private OffsetsFile() {
    }

    /** Encodes a group's committed offsets. */
    public static byte[] encode(Content content) {
        List<String> entries = new ArrayList<>();
        entries.add("group=" + content.groupId());
        entries.add("sequence=" + content.sequence());
        for (Map.Entry<TopicPartition, Long> entry : content.offsets().entrySet()) {
            entries.add(entry.getKey().topic() + "/" + entry.getKey().partition() + "="
                    + entry.getValue());
        }
        return ChecksummedText.encode(FORMAT, VERSION, entries);
    }

    /**
     * Decodes and verifies the bytes of {@code file}.
     *
     * @throws CorruptRecordException if the bytes are damaged or an entry is invalid
     * @throws LucidStorageException if a newer version wrote the file
     */
    public static Content decode(byte[] bytes, Path file) {
        List<String> entries = ChecksummedText.decode(bytes, file, FORMAT, VERSION);
        if (entries.size() < 2) {
            throw new CorruptRecordException(file + ": expected the group and sequence "
                    + "entries, found " + entries.size() + " entries");
        }
        String groupId = requireKey(entries.get(0), "group", file);
        long sequence = parseNumber(requireKey(entries.get(1), "sequence", file), file);
        SortedMap<TopicPartition, Long> offsets = new TreeMap<>();
        for (String entry : entries.subList(2, entries.size())) {
            String[] keyValue = ChecksummedText.splitEntry(entry, file);
            TopicPartition partition = parsePartition(keyValue[0], file);
            long offset = parseNumber(keyValue[1], file);
            if (offset < 0 || offsets.put(partition, offset) != null) {
                throw new CorruptRecordException(file + ": invalid or repeated entry '"
                        + entry + "'");
            }
        }
        return new Content(groupId, sequence, offsets);
    }

    /**
     * Reads and verifies {@code file}.
     *
     * @throws CorruptRecordException if the file is damaged
     * @throws LucidStorageException if it cannot be read or a newer version wrote it
     */
    public static Content read(Path file) {
        try {
            return decode(Files.readAllBytes(file), file);
        } catch (IOException e) {
            throw new LucidStorageException("failed to read committed offsets " + file, e);
        }
    }

    private static String requireKey(String entry, String key, Path file) {
        String[] keyValue = ChecksummedText.splitEntry(entry, file);
        if (!keyValue[0].equals(key)) {
            throw new CorruptRecordException(file + ": expected the entry '" + key
                    + "=...', found '" + entry + "'");
        }
        return keyValue[1];
    }

    private static TopicPartition parsePartition(String key, Path file) {
        int slash = key.lastIndexOf('/');
        String topic = slash < 0 ? "" : key.substring(0, slash);
        if (!Names.isValid(topic)) {
            throw new CorruptRecordException(file + ": invalid partition key '" + key
                    + "', expected <topic>/<partition>");
        }
        long partition = parseNumber(key.substring(slash + 1), file);
        if (partition > Integer.MAX_VALUE) {
            throw new CorruptRecordException(file + ": partition out of range in '" + key + "'");
        }
        return new TopicPartition(topic, (int) partition);
    }

    private static long parseNumber(String text, Path file) {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CorruptRecordException(file + ": '" + text
                    + "' is not a non-negative number", e);
        }
    }
}
