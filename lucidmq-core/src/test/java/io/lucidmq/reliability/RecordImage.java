package io.lucidmq.reliability;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.Header;
import java.util.HexFormat;
import java.util.List;

/**
 * The stored content of one record with value equality: offset, timestamp and the bytes of
 * key, value and headers in hexadecimal, {@code null} kept distinct from empty. Harnesses
 * compare every record they read with the image of what was written.
 *
 * @param offset the record's offset
 * @param timestamp the record's timestamp
 * @param key the key in hexadecimal, or {@code null}
 * @param value the value in hexadecimal, or {@code null}
 * @param headers each header as {@code name=hex}, or {@code name} alone for a null value
 */
record RecordImage(long offset, long timestamp, String key, String value,
        List<String> headers) {

    private static final HexFormat HEX = HexFormat.of();

    /** Returns the image of a record read back. */
    static RecordImage of(ConsumerRecord record) {
        List<String> headers = record.headers().stream().map(RecordImage::header).toList();
        return new RecordImage(record.offset(), record.timestamp(), hex(record.key()),
                hex(record.value()), headers);
    }

    private static String header(Header header) {
        return header.value() == null ? header.name()
                : header.name() + "=" + HEX.formatHex(header.value());
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}
