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
    void convertReadsDecimalStyleSuffixesAsBinary() {
        assertThat(converter.convert("16MB")).isEqualTo(16L * 1024 * 1024);
        assertThat(converter.convert("16MB")).isEqualTo(converter.convert("16MiB"));
        assertThat(converter.convert("4KB")).isEqualTo(4096L);
        assertThat(converter.convert("1gb")).isEqualTo(1024L * 1024 * 1024);
        assertThat(converter.convert("2 GB")).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(converter.convert("512B")).isEqualTo(512L);
    }

    @Test
    void convertReadsMinusOneAsNoLimit() {
        assertThat(converter.convert("-1")).isEqualTo(-1L);
    }

    @Test
    void convertRejectsOtherText() {
        for (String invalid : new String[] {"64TB", "-2", "1.5MiB", "", "MiB", "64M", "64KIBB"}) {
            assertThatThrownBy(() -> converter.convert(invalid)).as(invalid)
                    .isInstanceOf(TypeConversionException.class)
                    .hasMessageStartingWith("'" + invalid + "' is not a size");
        }
    }

    @Test
    void convertErrorListsBothSuffixForms() {
        assertThatThrownBy(() -> converter.convert("64M"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContainingAll("KB", "MB", "GB", "KiB", "MiB", "GiB", "1024");
    }

    @Test
    void convertRejectsOverflowWithGbSuffix() {
        assertThatThrownBy(() -> converter.convert("9999999999GB"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageStartingWith("'9999999999GB' is too large");
    }

    @Test
    void convertRejectsOverflow() {
        assertThatThrownBy(() -> converter.convert("9999999999GiB"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'9999999999GiB' is too large: the maximum is "
                        + Long.MAX_VALUE + " bytes");
    }
}
