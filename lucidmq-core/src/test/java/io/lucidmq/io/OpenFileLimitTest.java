package io.lucidmq.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.lucidmq.LucidConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenFileLimitTest {

    @Test
    void parseReadsSoftLimit() {
        List<String> limits = List.of(
                "Limit                     Soft Limit           Hard Limit           Units     ",
                "Max processes             95113                95113                processes ",
                "Max open files            256                  4096                 files     ",
                "Max locked memory         8388608              8388608              bytes     ");

        assertThat(OpenFileLimit.parse(limits)).hasValue(256);
    }

    @Test
    void parseUnlimitedIsEmpty() {
        List<String> limits = List.of(
                "Max open files            unlimited            unlimited            files     ");

        assertThat(OpenFileLimit.parse(limits)).isEmpty();
    }

    @Test
    void parseMissingRowIsEmpty() {
        assertThat(OpenFileLimit.parse(List.of("Max processes  95113  95113  processes"))).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void processLimitIsReadOnLinux() {
        assertThat(OpenFileLimit.ofProcess()).isPresent();
        assertThat(OpenFileLimit.ofProcess().getAsLong()).isPositive();
    }

    @ParameterizedTest(name = "limit {0} gives {1}")
    @CsvSource({
        "0, 512",
        "-1, 512",
        "40, 16",
        "256, 64",
        "1024, 256",
        "2048, 512",
        "1048576, 512"
    })
    void defaultFollowsLimit(long limit, int expected) {
        assertThat(LucidConfig.defaultMaxOpenSegmentFiles(limit)).isEqualTo(expected);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void builderDefaultFollowsProcessLimit() {
        LucidConfig config = LucidConfig.builder(Path.of("unused")).build();

        assertThat(config.maxOpenSegmentFiles()).isEqualTo(LucidConfig
                .defaultMaxOpenSegmentFiles(OpenFileLimit.ofProcess().getAsLong()));
    }
}
