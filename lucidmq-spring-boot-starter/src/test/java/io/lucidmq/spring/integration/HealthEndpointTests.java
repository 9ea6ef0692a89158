package io.lucidmq.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.spring.annotation.LucidListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code /actuator/health} over real HTTP on the loopback interface. */
class HealthEndpointTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void lucidProperties(DynamicPropertyRegistry registry) {
        registry.add("lucidmq.directory", () -> directory.toString());
    }

    static JsonNode health(int port, int expectedStatus) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = client.send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Nested
    @SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
            properties = {
                "server.address=127.0.0.1",
                "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.show-details=always"
            })
    @DirtiesContext
    class Healthy {

        @LocalServerPort
        int port;

        @Test
        void healthUpWithDetails() throws Exception {
            JsonNode lucid = health(port, 200).path("components").path("lucidmq");
            assertThat(lucid.path("status").asString()).isEqualTo("UP");
            JsonNode details = lucid.path("details");
            assertThat(details.path("directory").asString()).isEqualTo(directory.toString());
            assertThat(details.path("writable").asBoolean()).isTrue();
            assertThat(details.path("freeSpace").asLong()).isPositive();
            assertThat(details.path("topics").isArray()).isTrue();
            assertThat(details.path("containers").path("health-probe").path("state").asString())
                    .isEqualTo("RUNNING");
        }
    }

    @Nested
    @SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
            properties = {
                "server.address=127.0.0.1",
                "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.show-details=always",
                "lucidmq.health.min-free-space=100000TB"
            })
    @DirtiesContext
    class LowDiskSpace {

        @LocalServerPort
        int port;

        @Test
        void healthDownBelowMinFreeSpace() throws Exception {
            JsonNode root = health(port, 503);
            assertThat(root.path("status").asString()).isEqualTo("DOWN");
            JsonNode lucid = root.path("components").path("lucidmq");
            assertThat(lucid.path("status").asString()).isEqualTo("DOWN");
            assertThat(lucid.path("details").path("problems").get(0).asString())
                    .contains("lucidmq.health.min-free-space");
        }
    }

    static class ProbeListener {

        @LucidListener(id = "health-probe", topics = "health-probe")
        void onRecord(String value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(ProbeListener.class)
    static class App {
    }
}
