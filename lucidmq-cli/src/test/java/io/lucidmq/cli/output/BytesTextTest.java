package io.lucidmq.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BytesTextTest {

    @Test
    void decodeUtf8AcceptsValidText() {
        byte[] text = "héllo 😀".getBytes(StandardCharsets.UTF_8);

        assertThat(BytesText.decodeUtf8OrNull(text)).isEqualTo("héllo 😀");
        assertThat(BytesText.decodeUtf8OrNull(new byte[0])).isEmpty();
    }

    @Test
    void decodeUtf8RejectsInvalidSequences() {
        assertThat(BytesText.decodeUtf8OrNull(new byte[] {(byte) 0xFF})).isNull();
        assertThat(BytesText.decodeUtf8OrNull(new byte[] {(byte) 0xC3})).isNull();
        // An overlong encoding of '/' and an encoded surrogate.
        assertThat(BytesText.decodeUtf8OrNull(new byte[] {(byte) 0xC0, (byte) 0xAF})).isNull();
        assertThat(BytesText.decodeUtf8OrNull(
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isNull();
    }

    @Test
    void displayQuotesTextAndEncodesBinary() {
        assertThat(BytesText.display("a\"b".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("\"a\\\"b\"");
        assertThat(BytesText.display(new byte[] {0, (byte) 0xFF})).isEqualTo("base64:AP8=");
        assertThat(BytesText.display(null)).isEqualTo("null");
    }
}
