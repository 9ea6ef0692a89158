package io.lucidmq.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8LineReaderTest {

    @Test
    void readLineSplitsAtEveryEnding() throws IOException {
        Utf8LineReader reader = reader("één\r\ntwo\n\nlast".getBytes(StandardCharsets.UTF_8));

        assertThat(reader.readLine()).isEqualTo("één");
        assertThat(reader.readLine()).isEqualTo("two");
        assertThat(reader.readLine()).isEmpty();
        assertThat(reader.readLine()).isEqualTo("last");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void readLineRejectsInvalidLineOnly() throws IOException {
        Utf8LineReader reader = reader(new byte[] {'a', '\n', (byte) 0xC3, '(', '\n', 'b'});

        assertThat(reader.readLine()).isEqualTo("a");
        assertThatThrownBy(reader::readLine).isInstanceOf(CharacterCodingException.class);
        assertThat(reader.readLine()).isEqualTo("b");
    }

    @Test
    void readyReportsBufferedInput() throws IOException {
        Utf8LineReader reader = reader("a\nb\n".getBytes(StandardCharsets.UTF_8));

        assertThat(reader.ready()).isTrue();
        reader.readLine();
        reader.readLine();
        assertThat(reader.ready()).isFalse();
    }

    private static Utf8LineReader reader(byte[] input) {
        return new Utf8LineReader(new ByteArrayInputStream(input));
    }
}
