package io.lucidmq.cli.output;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.Header;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How {@code consume} prints each record, on one line.
 *
 * <p>The text formats print keys and values decoded as UTF-8 (invalid bytes replaced), and an
 * absent key or value as {@code null}. The JSON format prints each key, value and header value
 * as a UTF-8 string when it is valid UTF-8, and otherwise as Base64 with an encoding marker
 * beside it, so binary records survive.
 */
public enum RecordFormat {

    /** The value alone. */
    VALUE("value") {
        @Override
        public String format(ConsumerRecord record) {
            return String.valueOf(BytesText.lenientUtf8(record.value()));
        }
    },

    /** The key, a tab, and the value. */
    KEY_VALUE("key-value") {
        @Override
        public String format(ConsumerRecord record) {
            return BytesText.lenientUtf8(record.key()) + "\t"
                    + BytesText.lenientUtf8(record.value());
        }
    },

    /**
     * A JSON object with {@code topic}, {@code partition}, {@code offset}, {@code timestamp}
     * (milliseconds since the epoch), {@code key}, {@code value} and {@code headers} (an array
     * of {@code name} and {@code value} objects, in order). A key or value that is not UTF-8 is
     * Base64 with {@code "keyEncoding":"base64"} or {@code "valueEncoding":"base64"} after it,
     * and such a header value has {@code "encoding":"base64"}.
     */
    JSON("json") {
        @Override
        public String format(ConsumerRecord record) {
            StringBuilder json = new StringBuilder(128);
            json.append("{\"topic\":").append(JsonText.quote(record.topic()))
                    .append(",\"partition\":").append(record.partition())
                    .append(",\"offset\":").append(record.offset())
                    .append(",\"timestamp\":").append(record.timestamp());
            appendBytes(json, "key", record.key(), "keyEncoding");
            appendBytes(json, "value", record.value(), "valueEncoding");
            json.append(",\"headers\":[");
            for (int i = 0; i < record.headers().size(); i++) {
                Header header = record.headers().get(i);
                json.append(i == 0 ? "{" : ",{")
                        .append("\"name\":").append(JsonText.quote(header.name()));
                appendBytes(json, "value", header.value(), "encoding");
                json.append('}');
            }
            return json.append("]}").toString();
        }
    };

    private final String cliName;

    RecordFormat(String cliName) {
        this.cliName = cliName;
    }

    /** Returns the line printed for {@code record}, without a line separator. */
    public abstract String format(ConsumerRecord record);

    /** The name of the format on the command line. */
    public String cliName() {
        return cliName;
    }

    /**
     * Returns the format named {@code name} on the command line, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static RecordFormat fromCliName(String name) {
        for (RecordFormat format : values()) {
            if (format.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "': use one of "
                + Arrays.stream(values()).map(RecordFormat::cliName)
                        .collect(Collectors.joining(", ")));
    }

    /** Appends {@code ,"field":...} and, for non-UTF-8 bytes, the encoding marker. */
    private static void appendBytes(StringBuilder json, String field, byte[] bytes,
            String encodingField) {
        json.append(",\"").append(field).append("\":");
        if (bytes == null) {
            json.append("null");
            return;
        }
        String text = BytesText.decodeUtf8OrNull(bytes);
        if (text != null) {
            json.append(JsonText.quote(text));
        } else {
            json.append('"').append(BytesText.base64(bytes)).append("\",\"")
                    .append(encodingField).append("\":\"base64\"");
        }
    }
}
