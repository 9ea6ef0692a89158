package io.lucidmq.sample.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class ReadingParserTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final ReadingParser parser = new ReadingParser(JsonMapper.builder().build(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void parsesOneObject() {
        List<Reading> readings = parser.parse("""
                {"host": "gw-1", "metric": "temperature", "value": 21.5,
                 "timestamp": "2026-12-04T10:15:30Z"}""");

        assertThat(readings).containsExactly(new Reading("gw-1", "temperature", 21.5,
                Instant.parse("2026-12-04T10:15:30Z")));
    }

    @Test
    void parsesArrayInOrder() {
        List<Reading> readings = parser.parse("""
                [{"host": "a", "metric": "m", "value": 1},
                 {"host": "b", "metric": "m", "value": -2.5e3}]""");

        assertThat(readings).extracting(Reading::host).containsExactly("a", "b");
        assertThat(readings).extracting(Reading::value).containsExactly(1.0, -2500.0);
    }

    @Test
    void missingTimestampMeansNow() {
        assertThat(parser.parse("{\"host\":\"h\",\"metric\":\"m\",\"value\":0}").get(0)
                .timestamp()).isEqualTo(NOW);
        assertThat(parser.parse("{\"host\":\"h\",\"metric\":\"m\",\"value\":0,"
                + "\"timestamp\":null}").get(0).timestamp()).isEqualTo(NOW);
    }

    static Stream<Arguments> invalidBodies() {
        String tooLong = "h".repeat(Reading.MAX_NAME_LENGTH + 1);
        return Stream.of(
                Arguments.of("{\"metric\":\"m\",\"value\":1}", "host", "host is missing"),
                Arguments.of("{\"host\":\"h\",\"value\":1}", "metric", "metric is missing"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\"}", "value", "value is missing"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":\"1\"}", "value",
                        "value must be a number, but was a string \"1\""),
                Arguments.of("{\"host\":7,\"metric\":\"m\",\"value\":1}", "host",
                        "host must be a string, but was a number 7"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":NaN}", "value",
                        "value must be a finite number, but was NaN"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":Infinity}", "value",
                        "value must be a finite number, but was Infinity"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":-1e400}", "value",
                        "value must be a finite number, but was -Infinity"),
                Arguments.of("{\"host\":\"\",\"metric\":\"m\",\"value\":1}", "host",
                        "host must not be empty"),
                Arguments.of("{\"host\":\"" + tooLong + "\",\"metric\":\"m\",\"value\":1}",
                        "host", "host must be at most 64 characters, but has 65"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"a/b\",\"value\":1}", "metric",
                        "metric may contain only [A-Za-z0-9._-], but was \"a/b\""),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1,\"timestamp\":5}",
                        "timestamp", "timestamp must be an ISO-8601 instant string"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1,"
                        + "\"timestamp\":\"yesterday\"}", "timestamp",
                        "but was \"yesterday\""),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1,\"unit\":\"C\"}",
                        "unit", "unknown field \"unit\""),
                Arguments.of("{\"host\": \"h\",", "body",
                        "body has malformed JSON at line 1, column 14"),
                Arguments.of("[{\"host\": \"h\"", "body", "body has malformed JSON at line 1, "
                        + "column 14: the body ends before the JSON value does"),
                Arguments.of("{\"host\": h}", "body", "body has malformed JSON at line 1, "
                        + "column 10"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1} {}", "body",
                        "body has unexpected content after the JSON value at line 1, column 37"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1}\n x", "body",
                        "body has unexpected content after the JSON value at line 2, column 2"),
                Arguments.of("[".repeat(2000) + "]".repeat(2000), "body",
                        "body is JSON nested too deeply: at most "),
                Arguments.of("{\"host\":\"h\",\"host\":\"h2\",\"metric\":\"m\",\"value\":1}",
                        "host", "host appears more than once in the same object"),
                Arguments.of("[{\"host\":\"h\",\"metric\":\"m\",\"value\":1},"
                        + "{\"host\":\"h\",\"metric\":\"m\",\"value\":1,\"value\":2}]",
                        "[1].value", "[1].value appears more than once in the same object"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":{\"a\":[{\"b\":1,"
                        + "\"b\":2}]}}", "value.a[0].b", "value.a[0].b appears more than once"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1,"
                        + "\"timestamp\":\"+999999999-12-31T23:59:59Z\"}", "timestamp",
                        "timestamp must be from 1970-01-01T00:00:00Z to one day after the "
                                + "server's clock, which is 2026-12-05T10:00:00Z now, but was "
                                + "+999999999-12-31T23:59:59Z"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1,"
                        + "\"timestamp\":\"-999999999-01-01T00:00:00Z\"}", "timestamp",
                        "but was -999999999-01-01T00:00:00Z"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1,"
                        + "\"timestamp\":\"1969-12-31T23:59:59Z\"}", "timestamp",
                        "but was 1969-12-31T23:59:59Z"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1,"
                        + "\"timestamp\":\"2026-12-05T10:00:01Z\"}", "timestamp",
                        "but was 2026-12-05T10:00:01Z"),
                Arguments.of("", "body", "body is empty"),
                Arguments.of("42", "body", "body must be a JSON object or an array"),
                Arguments.of("[]", "body", "body must contain at least one reading"),
                Arguments.of("[{\"host\":\"h\",\"metric\":\"m\",\"value\":1}, 3]", "[1]",
                        "[1] must be a JSON object, but was a number 3"),
                Arguments.of("[{\"host\":\"h\",\"metric\":\"m\",\"value\":1},"
                        + "{\"host\":\"h\",\"metric\":\"m\",\"value\":true}]", "[1].value",
                        "[1].value must be a number, but was a boolean true"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void invalidBodyNamesField(String body, String field, String message) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOfSatisfying(InvalidReadingException.class,
                        e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void invalidBodyMessageHasNoParserInternals(String body, String field, String message) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(InvalidReadingException.class)
                .hasMessageNotContaining("`")
                .hasMessageNotContaining("Feature")
                .hasMessageNotContaining("Constraints")
                .hasMessageNotContaining("REDACTED")
                .hasMessageNotContaining("tools.jackson");
    }

    @Test
    void timestampBoundsAreInclusive() {
        String template = "{\"host\":\"h\",\"metric\":\"m\",\"value\":1,\"timestamp\":\"%s\"}";

        assertThat(parser.parse(template.formatted("1970-01-01T00:00:00Z")).get(0).timestamp())
                .isEqualTo(Instant.EPOCH);
        assertThat(parser.parse(template.formatted("2026-12-05T10:00:00Z")).get(0).timestamp())
                .isEqualTo(NOW.plus(ReadingParser.MAX_CLOCK_AHEAD));
    }

    @Test
    void tooManyReadingsRejected() {
        String one = "{\"host\":\"h\",\"metric\":\"m\",\"value\":1}";
        String body = "[" + String.join(",",
                java.util.Collections.nCopies(ReadingParser.MAX_READINGS_PER_REQUEST + 1, one))
                + "]";

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(InvalidReadingException.class)
                .hasMessage("body may contain at most 1000 readings, but contains 1001");
    }
}
