package io.lucidmq.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.lucidmq.sample.HttpJson.Response;
import io.lucidmq.sample.topics.Topics;
import io.lucidmq.spring.core.LucidTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

// The context is closed after the class, before JUnit deletes the static directory that
// its running consumers and scheduler still write to.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "sample.sampler.enabled=false",
        "sample.thresholds.temperature.max=80"})
class TelemetryApiTest {

    private static final Duration CONSUMED = Duration.ofSeconds(20);

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void lucidDirectory(DynamicPropertyRegistry registry) {
        registry.add("lucidmq.directory", () -> directory.resolve("data").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    LucidTemplate template;

    private HttpJson http;

    @BeforeEach
    void client() {
        http = new HttpJson(port);
    }

    private static String reading(String host, String metric, double value) {
        return "{\"host\":\"" + host + "\",\"metric\":\"" + metric + "\",\"value\":" + value
                + ",\"timestamp\":\"2026-12-04T10:15:30Z\"}";
    }

    private JsonNode awaitSeries(String host, String metric, long count) {
        String path = "/stats?host=" + host + "&metric=" + metric;
        await().atMost(CONSUMED).until(() -> {
            Response response = http.get(path);
            return response.status() == 200
                    && response.json().at("/series/0/count").asLong(-1) == count;
        });
        return http.get(path).json().at("/series/0");
    }

    @Test
    void postedReadingsAppearInStats() {
        Response posted = http.post("/readings", "[" + reading("gw-stats", "temperature", 20)
                + "," + reading("gw-stats", "temperature", 23) + ","
                + reading("gw-stats", "temperature", 21.5) + "]");

        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(posted.json().get("positions")).hasSize(3);
        JsonNode series = awaitSeries("gw-stats", "temperature", 3);
        assertThat(series.get("min").asDouble()).isEqualTo(20.0);
        assertThat(series.get("max").asDouble()).isEqualTo(23.0);
        assertThat(series.get("mean").asDouble()).isCloseTo(21.5, within(1e-9));
        assertThat(series.at("/minutes/0/minute").asString()).isEqualTo("2026-12-04T10:15:00Z");
        assertThat(series.at("/minutes/0/count").asLong()).isEqualTo(3);
    }

    @Test
    void singleObjectAccepted() {
        Response posted = http.post("/readings",
                "{\"host\":\"gw-single\",\"metric\":\"humidity\",\"value\":40}");

        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(awaitSeries("gw-single", "humidity", 1).get("mean").asDouble())
                .isEqualTo(40.0);
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("{\"metric\":\"m\",\"value\":1}", "host"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":\"hot\"}", "value"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":NaN}", "value"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":Infinity}", "value"),
                Arguments.of("{\"host\":\"\",\"metric\":\"m\",\"value\":1}", "host"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"" + "m".repeat(65)
                        + "\",\"value\":1}", "metric"),
                Arguments.of("[" + reading("h", "m", 1) + ",{\"host\":\"h\",\"value\":1}]",
                        "[1].metric"),
                Arguments.of("{\"host\": \"h\", \"metric\": ", "body"),
                Arguments.of("{\"host\":\"h\",\"host\":\"h2\",\"metric\":\"m\",\"value\":1}",
                        "host"),
                Arguments.of("[" + reading("h", "m", 1) + ",{\"host\":\"h\",\"metric\":\"m\","
                        + "\"metric\":\"m\",\"value\":1}]", "[1].metric"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1,"
                        + "\"timestamp\":\"+999999999-12-31T23:59:59Z\"}", "timestamp"),
                Arguments.of("{\"host\":\"h\",\"metric\":\"m\",\"value\":1,"
                        + "\"timestamp\":\"-999999999-01-01T00:00:00Z\"}", "timestamp"),
                Arguments.of(reading("h", "m", 1) + " {}", "body"),
                Arguments.of("[".repeat(2000) + "]".repeat(2000), "body"),
                Arguments.of("{\"host\": h}", "body"));
    }

    static Stream<Arguments> parseErrors() {
        return Stream.of(
                Arguments.of("{\"host\": \"h\", \"metric\": ",
                        "body has malformed JSON at line 1, column 25: the body ends before the "
                                + "JSON value does"),
                Arguments.of("{\"host\": h}", "body has malformed JSON at line 1, column 10"),
                Arguments.of(reading("h", "m", 1) + " {}", "body has unexpected content after "
                        + "the JSON value at line 1, column 74: send one object or one array"),
                Arguments.of("[".repeat(2000) + "]".repeat(2000), "body is JSON nested too "
                        + "deeply: at most 500 levels of arrays and objects are allowed"));
    }

    @ParameterizedTest
    @MethodSource("parseErrors")
    void parseErrorInPlainWords(String body, String message) {
        Response response = http.post("/readings", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("body");
        assertThat(response.json().get("message").asString()).isEqualTo(message);
        assertThat(response.body()).doesNotContain("`").doesNotContain("Feature")
                .doesNotContain("Constraints").doesNotContain("REDACTED");
    }

    @Test
    void duplicateKeyPublishesNothing() {
        Response response = http.post("/readings",
                "{\"host\":\"gw-dup\",\"host\":\"gw-dup2\",\"metric\":\"m\",\"value\":1}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("message").asString())
                .isEqualTo("host appears more than once in the same object: send each field "
                        + "once");
        assertThat(http.get("/stats?host=gw-dup2").status()).isEqualTo(404);
        assertThat(http.get("/stats?host=gw-dup").status()).isEqualTo(404);
    }

    @Test
    void extremeValuesKeepMeanNumeric() {
        Response posted = http.post("/readings", "[" + reading("gw-huge", "m", 1.7e308) + ","
                + reading("gw-huge", "m", 1.7e308) + "," + reading("gw-huge", "m", -1.7e308)
                + "]");

        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        JsonNode series = awaitSeries("gw-huge", "m", 3);
        assertThat(series.get("mean").isNumber()).as(series.toString()).isTrue();
        assertThat(series.get("mean").asDouble()).isCloseTo(1.7e308 / 3, within(1e294));
        assertThat(series.at("/minutes/0/mean").isNumber()).as(series.toString()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void invalidReadingRejectedNamingField(String body, String field) {
        Response response = http.post("/readings", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("message").asString()).startsWith(field);
    }

    @Test
    void invalidArrayPublishesNothing() {
        Response response = http.post("/readings", "[" + reading("gw-none", "m", 1)
                + ",{\"host\":\"gw-none\",\"metric\":\"m\",\"value\":\"x\"}]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(http.get("/stats?host=gw-none").status()).isEqualTo(404);
    }

    @Test
    void formContentTypeRejected() {
        Response response = http.post("/readings", "application/x-www-form-urlencoded",
                reading("gw-form", "m", 1));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("message").asString()).isEqualTo("Content-Type must be "
                + "application/json, but was application/x-www-form-urlencoded");
    }

    @Test
    void unknownSeriesIsNotFound() {
        Response response = http.get("/stats?host=nobody&metric=temperature");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asString())
                .isEqualTo("No series matches host=nobody and metric=temperature");
    }

    @Test
    void thresholdBreachRaisesAlert() {
        Response posted = http.post("/readings", reading("gw-hot", "temperature", 91.5));
        assertThat(posted.status()).isEqualTo(202);

        await().atMost(CONSUMED).until(() -> http.get("/alerts").json().findValues("host")
                .stream().anyMatch(host -> host.asString().equals("gw-hot")));
        JsonNode alert = http.get("/alerts").json().get(0).get("alert");
        assertThat(alert.get("metric").asString()).isEqualTo("temperature");
        assertThat(alert.get("value").asDouble()).isEqualTo(91.5);
        assertThat(alert.get("limit").asString()).isEqualTo("max");
        assertThat(alert.get("threshold").asDouble()).isEqualTo(80.0);
    }

    @Test
    void malformedRecordGoesToDeadLetterTopic() {
        long before = http.get("/stats").json().at("/deadLetters/readings-dlt").asLong();

        template.send(Topics.READINGS, "gw-bad/temperature", "{\"host\": 42}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).join();

        await().atMost(CONSUMED).until(() -> http.get("/stats").json()
                .at("/deadLetters/readings-dlt").asLong(-1) == before + 1);
        assertThat(http.get("/stats?host=gw-bad").status()).isEqualTo(404);
    }

    @Test
    void healthShowsLucidmqUp() {
        Response health = http.get("/actuator/health");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().at("/components/lucidmq/status").asString()).isEqualTo("UP");
    }

    @Test
    void metricsShowLucidmqMeters() {
        assertThat(http.post("/readings", reading("gw-meter", "temperature", 1)).status())
                .isEqualTo(202);
        awaitSeries("gw-meter", "temperature", 1);

        Response names = http.get("/actuator/metrics");
        assertThat(names.json().get("names").valueStream().map(JsonNode::asString))
                .contains("lucidmq.template", "lucidmq.listener");
        Response template = http.get("/actuator/metrics/lucidmq.template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.json().at("/measurements/0/value").asDouble()).isPositive();
    }
}
