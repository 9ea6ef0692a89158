package io.lucidmq.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lucidmq.sample.sampler.MachineSampler;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Runs the scheduled machine sampler and checks that its readings reach the statistics. */
// The context is closed after the class, before JUnit deletes the static directory that
// its running consumers and scheduler still write to.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "sample.sampler.enabled=true",
        "sample.sampler.interval=200ms",
        "sample.sampler.host=sampler-test"})
class SamplerJobTest {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void lucidDirectory(DynamicPropertyRegistry registry) {
        registry.add("lucidmq.directory", () -> directory.resolve("data").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void sampledReadingsReachStats() {
        HttpJson http = new HttpJson(port);
        String path = "/stats?host=sampler-test&metric=" + MachineSampler.DISK_FREE_BYTES;

        await().atMost(Duration.ofSeconds(20)).until(() ->
                http.get(path).json().at("/series/0/count").asLong(-1) >= 3);

        JsonNode series = http.get(path).json().at("/series/0");
        assertThat(series.get("min").asDouble()).isPositive();
        assertThat(series.get("max").asDouble()).isGreaterThanOrEqualTo(
                series.get("min").asDouble());
        JsonNode all = http.get("/stats?host=sampler-test").json().get("series");
        for (JsonNode each : all) {
            assertThat(each.get("mean").isNumber()).as(each.toString()).isTrue();
            assertThat(each.get("min").asDouble()).as(each.toString()).isNotNegative();
        }
    }
}
