package io.lucidmq.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void quoteEscapesQuoteAndBackslash() {
        assertThat(JsonText.quote("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    }

    @Test
    void quoteEscapesControlCharacters() {
        assertThat(JsonText.quote("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
        assertThat(JsonText.quote("\u0000\u001f")).isEqualTo("\"\\u0000\\u001f\"");
    }

    @Test
    void quoteKeepsOtherCharacters() {
        assertThat(JsonText.quote("é € 😀 / \u007f")).isEqualTo("\"é € 😀 / \u007f\"");
    }

    @Test
    void quoteNullIsJsonNull() {
        assertThat(JsonText.quote(null)).isEqualTo("null");
    }
}
