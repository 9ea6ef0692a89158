package io.lucidmq.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ByteSizeConverterTest {

    private final ByteSizeConverter converter = new ByteSizeConverter();

    @Test
    void convertReadsPlainBytes() {
        assertThat(converter.convert("65536")).isEqualTo(65536L);
        assertThat(converter.convert("0")).isEqualTo(0L);
    }

    @Test
    void convertReadsBinarySuffixes() {
        assertThat(converter.convert("4KiB")).isEqualTo(4096L);
        assertThat(converter.convert("64mib")).isEqualTo(64L * 1024 * 1024);
        assertThat(converter.convert("2 GiB")).isEqualTo(2L * 1024 * 1024 * 1024);
    }

    @Test
    void convertReadsMinusOneAsNoLimit() {
        assertThat(converter.convert("-1")).isEqualTo(-1L);
    }

    @Test
    void convertRejectsOtherText() {
        for (String invalid : new String[] {"64MB", "-2", "1.5MiB", "", "MiB"}) {
            assertThatThrownBy(() -> converter.convert(invalid)).as(invalid)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageStartingWith("'" + invalid + "' is not a size");
        }
    }

    @Test
    void convertRejectsOverflow() {
        assertThatThrownBy(() -> converter.convert("9999999999GiB"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'9999999999GiB' is too large: the maximum is "
                        + Long.MAX_VALUE + " bytes");
    }
}
