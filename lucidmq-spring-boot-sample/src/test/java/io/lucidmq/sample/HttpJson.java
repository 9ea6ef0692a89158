package io.lucidmq.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the tests, talking to one application on loopback. */
final class HttpJson {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final String baseUrl;

    HttpJson(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** Sends GET {@code path}. */
    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Sends POST {@code path} with {@code body} as {@code application/json}. */
    Response post(String path, String body) {
        return post(path, "application/json", body);
    }

    /** Sends POST {@code path} with {@code body} and the given content type. */
    Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body.isEmpty() ? mapper.missingNode() : mapper.readTree(body);
        } catch (JacksonException e) {
            return mapper.missingNode();
        }
    }

    /**
     * A response.
     *
     * @param status the HTTP status code
     * @param json the body parsed as JSON, or a missing node when it is not JSON
     * @param body the body as text, for failure messages
     */
    record Response(int status, JsonNode json, String body) {
    }
}
