package io.lucidmq.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void printAlignsColumnsWithoutTrailingSpaces() {
        TextTable table = new TextTable("TOPIC", "PARTITION", "LAG");
        table.addRow("orders", 0, 12);
        table.addRow("a", 10, "-");
        StringWriter out = new StringWriter();

        table.print(new PrintWriter(out, true));

        assertThat(out.toString().lines()).containsExactly(
                "TOPIC   PARTITION  LAG",
                "orders  0          12",
                "a       10         -");
    }

    @Test
    void addRowRejectsWrongCellCount() {
        TextTable table = new TextTable("A", "B");

        assertThatThrownBy(() -> table.addRow("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row has 1 cells, but the table has 2 columns");
    }
}
