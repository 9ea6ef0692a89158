package io.lucidmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.record.ProducerRecord;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonOutputTest {

    private static final long TIMESTAMP = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

    @TempDir
    Path directory;

    private TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(directory);
        Fixtures.createTopic(directory, "events", 1);
    }

    @Test
    void jsonPrintsEveryFieldEscaped() {
        Fixtures.send(directory, ProducerRecord.builder("events").partition(0)
                .key("user-\"7\"").value("line one\nline two\ttab \\ end")
                .header("origin", "cli").timestamp(TIMESTAMP).build());

        CliResult result = cli.run("consume", "events", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("{\"topic\":\"events\",\"partition\":0,"
                + "\"offset\":0,\"timestamp\":" + TIMESTAMP + ",\"key\":\"user-\\\"7\\\"\","
                + "\"value\":\"line one\\nline two\\ttab \\\\ end\","
                + "\"headers\":[{\"name\":\"origin\",\"value\":\"cli\"}]}");
    }

    @Test
    void jsonPrintsBinaryAsBase64() {
        Fixtures.send(directory, ProducerRecord.builder("events").partition(0)
                .value(new byte[] {0, (byte) 0xFF, 1})
                .header("digest", new byte[] {(byte) 0xC3})
                .timestamp(TIMESTAMP).build());

        CliResult result = cli.run("consume", "events", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.outLines()).containsExactly("{\"topic\":\"events\",\"partition\":0,"
                + "\"offset\":0,\"timestamp\":" + TIMESTAMP + ",\"key\":null,"
                + "\"value\":\"AP8B\",\"valueEncoding\":\"base64\","
                + "\"headers\":[{\"name\":\"digest\",\"value\":\"ww==\","
                + "\"encoding\":\"base64\"}]}");
    }

    @Test
    void jsonPrintsNullValueAsNull() {
        Fixtures.send(directory, ProducerRecord.builder("events").partition(0)
                .key("deleted").timestamp(TIMESTAMP).build());

        CliResult result = cli.run("consume", "events", "--format", "json");

        assertThat(result.out()).contains("\"key\":\"deleted\",\"value\":null,\"headers\":[]}");
    }

    @Test
    void unknownFormatIsUsageError() {
        CliResult result = cli.run("consume", "events", "--format", "xml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("unknown format 'xml': use one of value, key-value, json");
    }
}
