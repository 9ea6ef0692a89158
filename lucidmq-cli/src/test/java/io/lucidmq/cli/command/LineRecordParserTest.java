package io.lucidmq.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lucidmq.record.Header;
import io.lucidmq.record.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineRecordParserTest {

    @Test
    void parseWithoutSeparatorKeepsWholeLine() {
        LineRecordParser parser = new LineRecordParser("t", null, List.of(), null);

        ProducerRecord record = parser.parse("a:b");

        assertThat(record.key()).isNull();
        assertThat(text(record.value())).isEqualTo("a:b");
        assertThat(record.partition()).isNull();
    }

    @Test
    void parseSplitsAtFirstSeparator() {
        LineRecordParser parser = new LineRecordParser("t", "::", List.of(), 3);

        ProducerRecord record = parser.parse("user-1::x::y");

        assertThat(text(record.key())).isEqualTo("user-1");
        assertThat(text(record.value())).isEqualTo("x::y");
        assertThat(record.partition()).isEqualTo(3);
    }

    @Test
    void parseAddsHeadersToEveryRecord() {
        List<Header> headers = List.of(Header.of("source", "cli"));
        LineRecordParser parser = new LineRecordParser("t", null, headers, null);

        assertThat(parser.parse("one").headers()).containsExactlyElementsOf(headers);
        assertThat(parser.parse("two").headers()).containsExactlyElementsOf(headers);
    }

    @Test
    void parseRejectsLineWithoutSeparator() {
        LineRecordParser parser = new LineRecordParser("t", "|", List.of(), null);

        assertThatThrownBy(() -> parser.parse("no key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key separator '|' not found");
    }

    @Test
    void parseHeadersSplitsAtFirstEquals() {
        List<Header> headers = LineRecordParser.parseHeaders(List.of("a=1", "b=x=y", "c="));

        assertThat(headers).containsExactly(
                Header.of("a", "1"), Header.of("b", "x=y"), Header.of("c", ""));
    }

    @Test
    void parseHeadersRejectsMissingName() {
        for (String invalid : List.of("novalue", "=value")) {
            assertThatThrownBy(() -> LineRecordParser.parseHeaders(List.of(invalid)))
                    .as(invalid)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--header '" + invalid + "' is not name=value with a "
                            + "non-empty name");
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
