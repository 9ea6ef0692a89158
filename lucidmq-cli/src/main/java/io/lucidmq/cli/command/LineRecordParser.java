package io.lucidmq.cli.command;

import io.lucidmq.record.Header;
import io.lucidmq.record.ProducerRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns input lines into records for {@code produce}: the whole line is the value, or, with a
 * key separator, the text before its first occurrence is the key and the rest the value. Every
 * record gets the same headers and partition.
 */
final class LineRecordParser {

    private final String topic;
    private final String keySeparator;
    private final List<Header> headers;
    private final Integer partition;

    /**
     * Creates a parser.
     *
     * @param keySeparator the text between key and value, or {@code null} for no keys
     * @param partition the partition of every record, or {@code null} to let the producer
     *     choose
     */
    LineRecordParser(String topic, String keySeparator, List<Header> headers,
            Integer partition) {
        this.topic = topic;
        this.keySeparator = keySeparator;
        this.headers = List.copyOf(headers);
        this.partition = partition;
    }

    /**
     * Returns the record of one input line.
     *
     * @throws IllegalArgumentException if a key separator is set and the line lacks it
     */
    ProducerRecord parse(String line) {
        ProducerRecord.Builder record = ProducerRecord.builder(topic)
                .partition(partition)
                .headers(headers);
        if (keySeparator == null) {
            return record.value(line).build();
        }
        int separator = line.indexOf(keySeparator);
        if (separator < 0) {
            throw new IllegalArgumentException(
                    "key separator '" + keySeparator + "' not found");
        }
        return record.key(line.substring(0, separator))
                .value(line.substring(separator + keySeparator.length()))
                .build();
    }

    /**
     * Returns the headers of {@code --header} options, each {@code name=value} split at the
     * first {@code =}.
     *
     * @throws IllegalArgumentException naming the option value that has no {@code =} or an
     *     empty name
     */
    static List<Header> parseHeaders(List<String> options) {
        List<Header> headers = new ArrayList<>();
        for (String option : options) {
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--header '" + option
                        + "' is not name=value with a non-empty name");
            }
            headers.add(Header.of(option.substring(0, equals), option.substring(equals + 1)));
        }
        return headers;
    }
}
