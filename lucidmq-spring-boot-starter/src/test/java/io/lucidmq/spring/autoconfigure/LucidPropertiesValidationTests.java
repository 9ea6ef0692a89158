package io.lucidmq.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LucidPropertiesValidationTests {

    @TempDir
    Path directory;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LucidAutoConfiguration.class,
                        LucidListenerAutoConfiguration.class,
                        LucidMetricsAutoConfiguration.class,
                        LucidHealthAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class)
                .withPropertyValues("lucidmq.directory=" + directory);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "lucidmq.segment-size                | 512B  | use a size from 1KB",
        "lucidmq.segment-size                | 3GB   | to 2147483647B",
        "lucidmq.max-record-size             | 2GB   | to 2147483583B, because the largest",
        "lucidmq.max-record-size             | 0B    | use a size from 1B",
        "lucidmq.retention-bytes             | 0B    | or -1 for no limit",
        "lucidmq.retention                   | 0s    | or -1 for no limit",
        "lucidmq.retention                   | -5s   | or -1 for no limit",
        "lucidmq.default-partitions          | 0     | whole number from 1 to",
        "lucidmq.force-interval              | 0s    | above zero",
        "lucidmq.external-poll-interval      | -1s   | above zero",
        "lucidmq.retention-check-interval    | 0ms   | above zero",
        "lucidmq.max-open-segment-files      | 8     | whole number from 16 to",
        "lucidmq.topics.orders.partitions    | 0     | whole number from 1 to",
        "lucidmq.topics.orders.segment-size  | 10B   | use a size from 1KB",
        "lucidmq.topics.orders.retention     | 0s    | or -1 for no limit",
        "lucidmq.listener.concurrency        | 0     | whole number from 1 to",
        "lucidmq.listener.poll-timeout       | 0s    | above zero",
        "lucidmq.listener.max-poll-records   | 0     | whole number from 1 to",
        "lucidmq.listener.shutdown-timeout   | 0s    | above zero",
        "lucidmq.listener.retry.max-attempts | 0     | whole number from 1 to",
        "lucidmq.listener.retry.interval     | -1s   | zero or more",
        "lucidmq.listener.retry.multiplier   | 0.5   | at least 1.0",
        "lucidmq.listener.retry.max-interval | 1ms   | at least lucidmq.listener.retry.interval",
        "lucidmq.health.min-free-space       | -1B   | zero or more",
        "lucidmq.metrics.refresh-interval    | 0s    | above zero",
    })
    void invalidValueFailsStartup(String property, String value,
            String allowed) {
        runner().withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(InvalidLucidPropertyException.class);
            InvalidLucidPropertyException invalid = findInvalid(failure);
            assertThat(invalid.getProperty()).isEqualTo(property);
            assertThat(invalid.getMessage()).contains("'" + property + "'");
            assertThat(invalid.getMessage()).contains(allowed);
            FailureAnalysis analysis = new LucidFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains(property);
            assertThat(analysis.getAction()).contains(property);
        });
    }

    @Test
    void segmentTooSmallForMaxRecord() {
        runner().withPropertyValues("lucidmq.segment-size=1KB", "lucidmq.max-record-size=1KB")
                .run(context -> {
                    InvalidLucidPropertyException invalid =
                            findInvalid(context.getStartupFailure());
                    assertThat(invalid.getProperty()).isEqualTo("lucidmq.segment-size");
                    assertThat(invalid.getMessage()).contains("max-record-size")
                            .contains("use at least 1088B");
                });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "lucidmq.force-interval          | 0s     | 0s",
        "lucidmq.retention               | -5s    | -5s",
        "lucidmq.external-poll-interval  | -1500ms | -1500ms",
        "lucidmq.listener.poll-timeout   | 0d     | 0s",
    })
    void durationMessageShowsValueInUnits(String property, String value, String expected) {
        runner().withPropertyValues(property + "=" + value).run(context ->
                assertThat(findInvalid(context.getStartupFailure()).getValue())
                        .isEqualTo(expected));
    }

    @Test
    void fileAsDirectoryFailsStartup() throws Exception {
        Path file = Files.createFile(directory.resolve("not-a-directory"));
        runner().withPropertyValues("lucidmq.directory=" + file).run(context -> {
            InvalidLucidPropertyException invalid = findInvalid(context.getStartupFailure());
            assertThat(invalid.getProperty()).isEqualTo("lucidmq.directory");
            assertThat(invalid.getAllowed()).isEqualTo("give a directory, or a path to create "
                    + "one at: this path is a file");
        });
    }

    @Test
    void invalidTopicNameFailsStartup() {
        runner().withPropertyValues("lucidmq.topics[bad*name].partitions=1").run(context -> {
            InvalidLucidPropertyException invalid = findInvalid(context.getStartupFailure());
            assertThat(invalid.getProperty()).isEqualTo("lucidmq.topics");
            assertThat(invalid.getValue()).isEqualTo("bad*name");
            assertThat(invalid.getMessage()).contains("a-z A-Z 0-9 . _ -");
        });
    }

    @Test
    void emptyDeadLetterSuffixFailsStartup() {
        runner().withPropertyValues("lucidmq.listener.dead-letter.suffix=").run(context -> {
            InvalidLucidPropertyException invalid = findInvalid(context.getStartupFailure());
            assertThat(invalid.getProperty()).isEqualTo("lucidmq.listener.dead-letter.suffix");
            assertThat(invalid.getMessage()).contains("non-empty suffix");
        });
    }

    @Test
    void unknownDurabilityFailsBinding() {
        runner().withPropertyValues("lucidmq.durability=fast").run(context -> {
            assertThat(context).hasFailed();
            BindException bind = null;
            for (Throwable cause = context.getStartupFailure(); cause != null;
                    cause = cause.getCause()) {
                if (cause instanceof BindException found) {
                    bind = found;
                }
            }
            assertThat(bind).isNotNull();
            assertThat(bind.getName().toString()).isEqualTo("lucidmq.durability");
            assertThat(bind.getProperty().getValue()).isEqualTo("fast");
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "lucidmq.segment-size                  | -5MB  | -5MB  | from 1KB to 2147483647B",
        "lucidmq.segment-size                  | 1000B | 1000B | use a size from 1KB",
        "lucidmq.topics.orders.max-record-size | 3GB   | 3GB   | from 1B to 2147483583B",
        "lucidmq.retention-bytes               | -2KB  | -2KB  | or -1 for no limit",
        "lucidmq.health.min-free-space         | -1MB  | -1MB  | zero or more",
    })
    void sizeMessageShowsValueAsWritten(String property, String value, String shown,
            String allowed) {
        runner().withPropertyValues(property + "=" + value).run(context -> {
            InvalidLucidPropertyException invalid = findInvalid(context.getStartupFailure());
            assertThat(invalid.getValue()).isEqualTo(shown);
            assertThat(invalid.getMessage()).startsWith("Invalid value '" + shown + "' for "
                    + "property '" + property + "': ");
            assertThat(invalid.getAllowed()).contains(allowed);
        });
    }

    @Test
    void largestMaxRecordSizeStarts() {
        runner().withPropertyValues("lucidmq.segment-size=2147483647B",
                "lucidmq.max-record-size=2147483583B").run(context ->
                        assertThat(context).hasNotFailed());
    }

    @Test
    void segmentTooSmallShowsSizesInUnits() {
        runner().withPropertyValues("lucidmq.segment-size=1MB", "lucidmq.max-record-size=1MB")
                .run(context -> {
                    InvalidLucidPropertyException invalid =
                            findInvalid(context.getStartupFailure());
                    assertThat(invalid.getValue()).isEqualTo("1MB");
                    assertThat(invalid.getMessage()).contains("max-record-size 1MB")
                            .contains("use at least 1048640B");
                });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "lucidmq.durability                  | bogus   | use one of sync, interval, os",
        "lucidmq.topics.orders.durability    | fast    | use one of sync, interval, os",
        "lucidmq.retention                   | forever | such as 500ms, 30s or 7d, or -1 for no",
        "lucidmq.topics.orders.retention     | forever | such as 500ms, 30s or 7d, or -1 for no",
        "lucidmq.force-interval              | soon    | use a duration such as 500ms, 30s or 7d",
        "lucidmq.retention-bytes             | lots    | use a size such as 512KB, 64MB or 1GB, or",
        "lucidmq.segment-size                | big     | use a size such as 512KB, 64MB or 1GB",
        "lucidmq.default-partitions          | many    | use a whole number",
        "lucidmq.auto-create-topics          | maybe   | use true or false",
    })
    void unconvertibleValueIsAnalyzed(String property, String value, String allowed) {
        runner().withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new LucidFailureAnalyzer()
                    .analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).startsWith("Invalid value '" + value
                    + "' for property '" + property + "': ");
            assertThat(analysis.getDescription()).contains(allowed);
            assertThat(analysis.getDescription()).doesNotContain("No enum constant");
            assertThat(analysis.getAction()).contains("'" + property + "'");
            assertThat(analysis.getCause()).isInstanceOf(BindException.class);
        });
    }

    @Test
    void durationWithoutNoLimitOmitsMinusOne() {
        runner().withPropertyValues("lucidmq.force-interval=soon").run(context -> {
            FailureAnalysis analysis = new LucidFailureAnalyzer()
                    .analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).doesNotContain("-1");
        });
    }

    /** Returns the first {@link InvalidLucidPropertyException} among the causes of a failure. */
    static InvalidLucidPropertyException findInvalid(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidLucidPropertyException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("no InvalidLucidPropertyException in " + failure, failure);
    }
}
