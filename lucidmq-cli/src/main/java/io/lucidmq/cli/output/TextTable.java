package io.lucidmq.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of text columns printed with a header row, each column as wide as its widest cell
 * and separated by two spaces, without trailing spaces. Not thread-safe.
 */
public final class TextTable {

    private static final String COLUMN_GAP = "  ";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** Creates a table with the given column headings. */
    public TextTable(String... header) {
        this.header = List.of(header);
    }

    /**
     * Adds a row, converting each cell with {@link String#valueOf(Object)}.
     *
     * @throws IllegalArgumentException if the row has another number of cells than the header
     */
    public TextTable addRow(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, but the "
                    + "table has " + header.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    /** Prints the header and the rows to {@code out}. */
    public void print(PrintWriter out) {
        int[] widths = columnWidths();
        printRow(out, header, widths);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private int[] columnWidths() {
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = header.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        return widths;
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            line.append(cell);
            if (column < cells.size() - 1) {
                line.append(" ".repeat(widths[column] - cell.length())).append(COLUMN_GAP);
            }
        }
        out.println(line.toString().stripTrailing());
    }
}
