package io.lucidmq.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void convertReadsUtcInstant() {
        assertThat(converter.convert("2024-05-01T12:00:00Z"))
                .isEqualTo(Instant.ofEpochSecond(1714564800L));
        assertThat(converter.convert("2024-05-01T12:00:00.250Z"))
                .isEqualTo(Instant.ofEpochMilli(1714564800250L));
    }

    @Test
    void convertReadsOffsetDateTime() {
        assertThat(converter.convert("2024-05-01T14:00:00+02:00"))
                .isEqualTo(Instant.ofEpochSecond(1714564800L));
    }

    @Test
    void convertRejectsDateWithoutZone() {
        assertThatThrownBy(() -> converter.convert("2024-05-01T12:00:00"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("'2024-05-01T12:00:00' is not an ISO-8601 instant");
    }
}
