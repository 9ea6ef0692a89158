package io.lucidmq.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.record.ConsumerRecord;
import io.lucidmq.record.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFormatTest {

    private static final ConsumerRecord TEXT = new ConsumerRecord("orders", 2, 41,
            1714564800000L, utf8("k"), utf8("v \"1\""),
            List.of(Header.of("a", "1"), Header.of("a", (String) null)));

    private static final ConsumerRecord BINARY = new ConsumerRecord("orders", 0, 7, 5,
            new byte[] {(byte) 0xFE}, new byte[] {0, (byte) 0x80, 2}, List.of());

    @Test
    void valuePrintsValueOnly() {
        assertThat(RecordFormat.VALUE.format(TEXT)).isEqualTo("v \"1\"");
    }

    @Test
    void keyValueSeparatesWithTab() {
        assertThat(RecordFormat.KEY_VALUE.format(TEXT)).isEqualTo("k\tv \"1\"");
    }

    @Test
    void textFormatsPrintAbsentAsNull() {
        ConsumerRecord empty = new ConsumerRecord("t", 0, 0, 0, null, null, List.of());

        assertThat(RecordFormat.VALUE.format(empty)).isEqualTo("null");
        assertThat(RecordFormat.KEY_VALUE.format(empty)).isEqualTo("null\tnull");
    }

    @Test
    void jsonPrintsHeadersInOrder() {
        assertThat(RecordFormat.JSON.format(TEXT)).isEqualTo("{\"topic\":\"orders\","
                + "\"partition\":2,\"offset\":41,\"timestamp\":1714564800000,\"key\":\"k\","
                + "\"value\":\"v \\\"1\\\"\",\"headers\":[{\"name\":\"a\",\"value\":\"1\"},"
                + "{\"name\":\"a\",\"value\":null}]}");
    }

    @Test
    void jsonMarksBinaryKeyAndValue() {
        assertThat(RecordFormat.JSON.format(BINARY)).isEqualTo("{\"topic\":\"orders\","
                + "\"partition\":0,\"offset\":7,\"timestamp\":5,"
                + "\"key\":\"/g==\",\"keyEncoding\":\"base64\","
                + "\"value\":\"AIAC\",\"valueEncoding\":\"base64\",\"headers\":[]}");
    }

    @Test
    void fromCliNameIgnoresCase() {
        assertThat(RecordFormat.fromCliName("Key-Value")).isEqualTo(RecordFormat.KEY_VALUE);
        assertThat(RecordFormat.fromCliName("json")).isEqualTo(RecordFormat.JSON);
    }

    @Test
    void fromCliNameRejectsUnknownName() {
        assertThatThrownBy(() -> RecordFormat.fromCliName("csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'csv': use one of value, key-value, json");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
