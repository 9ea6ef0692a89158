package io.lucidmq.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured Markdown table built row by row. */
final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; it must have one cell per header column. */
    MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row needs " + header.size()
                    + " cells, but has " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Appends the table, followed by a blank line, to {@code out}. */
    void appendTo(StringBuilder out) {
        appendRow(out, header);
        out.append('|');
        header.forEach(cell -> out.append(" --- |"));
        out.append('\n');
        rows.forEach(row -> appendRow(out, row));
        out.append('\n');
    }

    private static void appendRow(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}
