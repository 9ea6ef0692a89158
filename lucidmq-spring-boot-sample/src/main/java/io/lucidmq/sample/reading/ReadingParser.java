package io.lucidmq.sample.reading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the body of {@code POST /readings}: one reading as a JSON object, or a JSON array of
 * them. Thread-safe.
 *
 * <p>The body is read as a tree rather than bound to {@link Reading}, so that each error names
 * the exact field: a missing field, a value of the wrong JSON type, an unknown field, or a
 * value that {@link Reading} rejects. The JSON parser accepts {@code NaN} and
 * {@code Infinity} literals only so that the error can report that the value is not finite.
 * A missing or {@code null} timestamp means the time of parsing. A repeated field is rejected
 * rather than letting the last value win.
 *
 * <p>A timestamp must lie from {@link #MIN_TIMESTAMP} to {@link #MAX_CLOCK_AHEAD} after the
 * parser's clock. The upper bound leaves room for devices whose clocks run ahead. Both bounds
 * keep a mistyped year out of the per-minute statistics.
 */
public final class ReadingParser {

    /** The maximum number of readings in one request body. */
    public static final int MAX_READINGS_PER_REQUEST = 1000;

    /** The earliest timestamp accepted: the start of the Unix epoch. */
    public static final Instant MIN_TIMESTAMP = Instant.EPOCH;

    /** How far past the parser's clock a timestamp may be. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofDays(1);

    /** The maximum number of characters of a rejected JSON value quoted in an error message. */
    private static final int MAX_QUOTED_CHARS = 40;

    private static final Set<String> FIELDS = Set.of("host", "metric", "value", "timestamp");

    private final JsonMapper mapper;
    private final JsonBodyCheck bodyCheck;
    private final Clock clock;

    /** Creates a parser that reads with a copy of {@code mapper} and stamps with {@code clock}. */
    public ReadingParser(JsonMapper mapper, Clock clock) {
        this.mapper = mapper.rebuild().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        this.bodyCheck = new JsonBodyCheck(this.mapper);
        this.clock = clock;
    }

    /**
     * Parses {@code body} into one or more readings.
     *
     * @throws InvalidReadingException if the body is not one JSON value, repeats a field, is
     *     empty, contains too many readings, or any reading is invalid; the first error found
     *     is reported
     */
    public List<Reading> parse(String body) {
        JsonNode root = readTree(body);
        if (root.isObject()) {
            return List.of(toReading(root, ""));
        }
        if (!root.isArray()) {
            throw new InvalidReadingException("body", "body must be a JSON object or an array "
                    + "of objects, but was " + describe(root));
        }
        if (root.isEmpty()) {
            throw new InvalidReadingException("body", "body must contain at least one reading");
        }
        if (root.size() > MAX_READINGS_PER_REQUEST) {
            throw new InvalidReadingException("body", "body may contain at most "
                    + MAX_READINGS_PER_REQUEST + " readings, but contains " + root.size());
        }
        List<Reading> readings = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            readings.add(toReading(root.get(i), "[" + i + "]"));
        }
        return readings;
    }

    private JsonNode readTree(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidReadingException("body", "body is empty: send a JSON reading");
        }
        bodyCheck.check(body);
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            // JsonBodyCheck has already read the body with the same parser settings. The
            // parser's own message is left out because it names parser classes and features.
            throw new InvalidReadingException("body", "body is not valid JSON");
        }
    }

    private Reading toReading(JsonNode node, String path) {
        if (!node.isObject()) {
            String field = path.isEmpty() ? "body" : path;
            throw new InvalidReadingException(field,
                    field + " must be a JSON object, but was " + describe(node));
        }
        try {
            requireKnownFields(node);
            return new Reading(string(node, "host"), string(node, "metric"),
                    number(node, "value"), timestamp(node));
        } catch (InvalidReadingException e) {
            throw path.isEmpty() ? e : e.under(path);
        }
    }

    private static void requireKnownFields(JsonNode node) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (!FIELDS.contains(property.getKey())) {
                throw new InvalidReadingException(property.getKey(), "unknown field \""
                        + property.getKey() + "\": a reading has host, metric, value and "
                        + "timestamp");
            }
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidReadingException(field,
                    field + " must be a string, but was " + describe(value));
        }
        return value.stringValue();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidReadingException(field, field + " is missing");
        }
        if (!value.isNumber()) {
            throw new InvalidReadingException(field,
                    field + " must be a number, but was " + describe(value));
        }
        return value.doubleValue();
    }

    private Instant timestamp(JsonNode node) {
        JsonNode value = node.get("timestamp");
        if (value == null || value.isNull()) {
            return clock.instant();
        }
        if (!value.isString()) {
            throw new InvalidReadingException("timestamp", "timestamp must be an ISO-8601 "
                    + "instant string such as 2026-12-04T10:15:30Z, but was " + describe(value));
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            throw new InvalidReadingException("timestamp", "timestamp must be an ISO-8601 "
                    + "instant such as 2026-12-04T10:15:30Z, but was \"" + value.stringValue()
                    + "\"");
        }
        return requireInRange(timestamp);
    }

    private Instant requireInRange(Instant timestamp) {
        Instant latest = clock.instant().plus(MAX_CLOCK_AHEAD);
        if (timestamp.isBefore(MIN_TIMESTAMP) || timestamp.isAfter(latest)) {
            throw new InvalidReadingException("timestamp", "timestamp must be from "
                    + MIN_TIMESTAMP + " to one day after the server's clock, which is "
                    + latest + " now, but was " + timestamp);
        }
        return timestamp;
    }

    private static String describe(JsonNode node) {
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        String article = "aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ";
        String text = node.toString();
        if (text.length() > MAX_QUOTED_CHARS) {
            text = text.substring(0, MAX_QUOTED_CHARS) + "...";
        }
        return article + type + " " + text;
    }
}
