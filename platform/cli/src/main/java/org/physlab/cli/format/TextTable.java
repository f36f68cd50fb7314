package org.physlab.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns, two spaces apart, for terminals and for grep.
 *
 * <pre>{@code
 * TextTable t = new TextTable("ID", "STATUS");
 * t.row("1a2b3c4d", "SUCCEEDED");
 * System.out.print(t.render());
 * }</pre>
 */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    public TextTable(String... header) {
        this.header = List.of(header);
        this.rightAligned = new boolean[header.length];
    }

    /** Aligns a column to the right (for numbers). */
    public TextTable alignRight(int column) {
        rightAligned[column] = true;
        return this;
    }

    /** Adds a row; missing cells are blank, null cells are blank. */
    public TextTable row(Object... cells) {
        if (cells.length > header.size()) {
            throw new IllegalArgumentException("a row has " + cells.length + " cells, the table " + header.size() + " columns");
        }
        List<String> r = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            r.add(i < cells.length && cells[i] != null ? Formats.oneLine(cells[i].toString()) : "");
        }
        rows.add(r);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, one line per row (with the header first unless every header cell is blank). */
    public String render() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) width[i] = header.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], r.get(i).length());
        StringBuilder b = new StringBuilder();
        if (header.stream().anyMatch(h -> !h.isEmpty())) line(b, header, width);
        for (List<String> r : rows) line(b, r, width);
        return b.toString();
    }

    private void line(StringBuilder b, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) l.append("  ");
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            l.append(rightAligned[i] ? pad + c : c + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }
}
