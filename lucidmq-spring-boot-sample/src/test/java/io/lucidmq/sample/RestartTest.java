package io.lucidmq.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.sample.HttpJson.Response;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Restarts the application on one data directory and checks that the statistics survive:
 * nothing committed is lost and nothing delivered again is counted twice.
 */
class RestartTest {

    private static final Duration CONSUMED = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private ConfigurableApplicationContext start(String... extraArgs) {
        String[] args = {
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--lucidmq.directory=" + directory.resolve("data"),
                "--sample.sampler.enabled=false",
        };
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.Arrays.stream(extraArgs)).toArray(String[]::new);
        return new SpringApplicationBuilder(SampleApplication.class).run(all);
    }

    private static HttpJson http(ConfigurableApplicationContext context) {
        return new HttpJson(Integer.parseInt(
                context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    private static String readings(double... values) {
        StringBuilder json = new StringBuilder("[");
        for (double value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"host\":\"gw-restart\",\"metric\":\"temperature\",\"value\":")
                    .append(value).append('}');
        }
        return json.append(']').toString();
    }

    private static JsonNode awaitCount(HttpJson http, long count) {
        await().atMost(CONSUMED).until(() -> http.get("/stats?host=gw-restart")
                .json().at("/series/0/count").asLong(-1) == count);
        return http.get("/stats?host=gw-restart").json().at("/series/0");
    }

    @Test
    void totalsSurviveRestart() {
        JsonNode before;
        // Snapshots only at shutdown, so every reading is delivered again after the restart.
        try (ConfigurableApplicationContext first = start(
                "--sample.stats.snapshot-interval=1h", "--sample.stats.snapshot-records=1000")) {
            HttpJson http = http(first);
            assertThat(http.post("/readings", readings(10, 20, 30, 40)).status()).isEqualTo(202);
            before = awaitCount(http, 4);
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpJson http = http(second);
            Response stats = http.get("/stats?host=gw-restart");
            assertThat(stats.json().at("/series/0")).isEqualTo(before);
            await().atMost(CONSUMED).until(() -> http.get("/stats").json()
                    .get("skippedRedeliveries").asLong(-1) == 4);
            assertThat(http.get("/stats?host=gw-restart").json().at("/series/0/count").asLong())
                    .isEqualTo(4);

            assertThat(http.post("/readings", readings(50)).status()).isEqualTo(202);
            JsonNode after = awaitCount(http, 5);
            assertThat(after.get("min").asDouble()).isEqualTo(10.0);
            assertThat(after.get("max").asDouble()).isEqualTo(50.0);
            assertThat(after.get("mean").asDouble()).isEqualTo(30.0);
        }
    }

    @Test
    void snapshotsDuringRunSurviveRestart() {
        try (ConfigurableApplicationContext first = start("--sample.stats.snapshot-records=1")) {
            HttpJson http = http(first);
            assertThat(http.post("/readings", readings(1, 2, 3)).status()).isEqualTo(202);
            awaitCount(http, 3);
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpJson http = http(second);
            assertThat(http.get("/stats?host=gw-restart").json().at("/series/0/count")
                    .asLong()).isEqualTo(3);
            assertThat(http.post("/readings", readings(4)).status()).isEqualTo(202);
            assertThat(awaitCount(http, 4).get("mean").asDouble()).isEqualTo(2.5);
        }
    }
}
