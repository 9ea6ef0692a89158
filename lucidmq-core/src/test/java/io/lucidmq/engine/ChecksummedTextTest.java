package io.lucidmq.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.CorruptRecordException;
import io.lucidmq.LucidStorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksummedTextTest {

    private static final Path FILE = Path.of("/data/example");

    @Test
    void roundTripsEntries() {
        byte[] bytes = ChecksummedText.encode("lucidmq-test", 2, List.of("a=1", "b=x=y"));

        assertThat(ChecksummedText.decode(bytes, FILE, "lucidmq-test", 2))
                .containsExactly("a=1", "b=x=y");
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .startsWith("lucidmq-test 2\na=1\nb=x=y\ncrc32c=")
                .endsWith("\n");
        assertThat(ChecksummedText.splitEntry("b=x=y", FILE)).containsExactly("b", "x=y");
    }

    @Test
    void rejectsEveryTruncation() {
        byte[] bytes = ChecksummedText.encode("lucidmq-test", 1, List.of("key=value"));
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> ChecksummedText.decode(cut, FILE, "lucidmq-test", 1))
                    .as("cut at %d", length)
                    .isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining(FILE.toString());
        }
    }

    @Test
    void rejectsEveryFlippedBit() {
        byte[] bytes = ChecksummedText.encode("lucidmq-test", 1, List.of("key=value"));
        for (int i = 0; i < bytes.length * 8; i++) {
            byte[] flipped = bytes.clone();
            flipped[i / 8] ^= (byte) (1 << (i % 8));
            assertThatThrownBy(() -> ChecksummedText.decode(flipped, FILE, "lucidmq-test", 1))
                    .as("bit %d", i)
                    .isInstanceOf(CorruptRecordException.class);
        }
    }

    @Test
    void rejectsOtherFormatAndNewerVersion() {
        byte[] other = ChecksummedText.encode("lucidmq-other", 1, List.of());
        byte[] newer = ChecksummedText.encode("lucidmq-test", 3, List.of());

        assertThatThrownBy(() -> ChecksummedText.decode(other, FILE, "lucidmq-test", 1))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("lucidmq-other");
        assertThatThrownBy(() -> ChecksummedText.decode(newer, FILE, "lucidmq-test", 2))
                .isInstanceOf(LucidStorageException.class)
                .hasMessageContaining("version 3");
    }

    @Test
    void rejectsEntryWithoutKey() {
        assertThatThrownBy(() -> ChecksummedText.encode("f", 1, List.of("novalue")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("novalue");
    }
}
