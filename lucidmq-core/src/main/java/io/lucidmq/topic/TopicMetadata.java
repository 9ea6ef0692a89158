package io.lucidmq.topic;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.DurabilityPolicy;
import io.lucidmq.LucidStorageException;
import io.lucidmq.engine.AtomicFileWriter;
import io.lucidmq.engine.ChecksummedText;
import io.lucidmq.io.FileIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The codec of {@code topics/<topic>/topic.meta}, which stores a {@link TopicConfig} in the
 * {@link ChecksummedText} format:
 *
 * <pre>
 * lucidmq-topic 1
 * partitions=6
 * segmentBytes=67108864
 * maxRecordBytes=1048576
 * retentionBytes=-1
 * retentionMs=604800000
 * durability=default        SYNC, INTERVAL, OS, or default for the instance's policy
 * crc32c=1c291ca3
 * </pre>
 *
 * Every key is required and no other key is allowed in version 1. The file is replaced
 * atomically through {@link AtomicFileWriter}. Stateless and thread-safe.
 */
public final class TopicMetadata {

    /** The format name on the first line. */
    public static final String FORMAT = "lucidmq-topic";

    /** The format version this code writes and the highest it reads. */
    public static final int VERSION = 1;

    private static final String DEFAULT_DURABILITY = "default";
    private static final List<String> KEYS = List.of("partitions", "segmentBytes",
            "maxRecordBytes", "retentionBytes", "retentionMs", "durability");

    private TopicMetadata() {
    }

    /** Encodes {@code config} as the bytes of a {@code topic.meta} file. */
    public static byte[] encode(TopicConfig config) {
        String durability = config.durability() == null ? DEFAULT_DURABILITY
                : config.durability().name();
        return ChecksummedText.encode(FORMAT, VERSION, List.of(
                "partitions=" + config.partitions(),
                "segmentBytes=" + config.segmentBytes(),
                "maxRecordBytes=" + config.maxRecordBytes(),
                "retentionBytes=" + config.retentionBytes(),
                "retentionMs=" + config.retentionMs(),
                "durability=" + durability));
    }

    /**
     * Decodes the bytes of {@code file}.
     *
     * @throws CorruptRecordException if the bytes are damaged or a value is invalid
     * @throws LucidStorageException if a newer version wrote the file
     */
    public static TopicConfig decode(byte[] bytes, Path file) {
        Map<String, String> values = new HashMap<>();
        for (String entry : ChecksummedText.decode(bytes, file, FORMAT, VERSION)) {
            String[] keyValue = ChecksummedText.splitEntry(entry, file);
            if (!KEYS.contains(keyValue[0]) || values.put(keyValue[0], keyValue[1]) != null) {
                throw new CorruptRecordException("unexpected or repeated key '" + keyValue[0]
                        + "' in " + file + "; allowed once each: " + KEYS);
            }
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw new CorruptRecordException("missing key '" + key + "' in " + file);
            }
        }
        try {
            return new TopicConfig(
                    Integer.parseInt(values.get("partitions")),
                    Integer.parseInt(values.get("segmentBytes")),
                    Integer.parseInt(values.get("maxRecordBytes")),
                    Long.parseLong(values.get("retentionBytes")),
                    Long.parseLong(values.get("retentionMs")),
                    parseDurability(values.get("durability")));
        } catch (IllegalArgumentException e) {
            throw new CorruptRecordException("invalid topic configuration in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads and verifies {@code file}.
     *
     * @throws CorruptRecordException if the file is damaged
     * @throws LucidStorageException if it cannot be read or a newer version wrote it
     */
    public static TopicConfig read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LucidStorageException("failed to read topic metadata " + file, e);
        }
        return decode(bytes, file);
    }

    /** Replaces {@code file} atomically with the encoding of {@code config}. */
    public static void write(FileIO fileIO, Path file, TopicConfig config) {
        AtomicFileWriter.replace(fileIO, file, encode(config));
    }

    private static DurabilityPolicy parseDurability(String value) {
        return value.equals(DEFAULT_DURABILITY) ? null : DurabilityPolicy.valueOf(value);
    }
}
