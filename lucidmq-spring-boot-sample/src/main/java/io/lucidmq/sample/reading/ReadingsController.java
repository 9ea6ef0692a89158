package io.lucidmq.sample.reading;

import io.lucidmq.record.RecordMetadata;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /readings}: accepts one reading or a JSON array of them from other devices.
 * Returns 202 once every reading is durable in the {@code readings} topic, 400 naming the
 * invalid field when any reading is invalid (then none is published), 415 when the content
 * type is not {@code application/json}, and 503 when storing failed.
 */
@RestController
public class ReadingsController {

    private final ReadingParser parser;
    private final ReadingPublisher publisher;

    ReadingsController(ReadingParser parser, ReadingPublisher publisher) {
        this.parser = parser;
        this.publisher = publisher;
    }

    /** Validates and publishes the readings in {@code body}. */
    @PostMapping(path = "/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public AcceptedReadings post(@RequestBody(required = false) String body) {
        List<Reading> readings = parser.parse(body);
        List<RecordMetadata> written = publisher.publish(readings);
        return new AcceptedReadings(written.size(), written.stream()
                .map(metadata -> new Position(metadata.partition(), metadata.offset()))
                .toList());
    }

    /**
     * The body of a 202 response.
     *
     * @param accepted the number of readings stored
     * @param positions where each reading was written, in request order
     */
    public record AcceptedReadings(int accepted, List<Position> positions) {
    }

    /**
     * The place of one stored reading.
     *
     * @param partition the partition of the {@code readings} topic
     * @param offset the offset in that partition
     */
    public record Position(int partition, long offset) {
    }
}
