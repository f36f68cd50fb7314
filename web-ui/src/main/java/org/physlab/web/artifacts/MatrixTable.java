package org.physlab.web.artifacts;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.physlab.api.Artifact;
import org.physlab.web.Formats;

/**
 * A small matrix as a heat-coloured table: row labels on the left, column labels on top, each cell's
 * background coloured by its value on a {@link ColorScale} and its text in black or white, whichever
 * reads better. Missing labels are numbered from 1.
 */
final class MatrixTable {
    private MatrixTable() { }

    static Div of(Artifact.Matrix matrix, ColorScale scale) {
        double[][] values = matrix.values();
        int rows = values.length;
        int columns = values[0].length;
        Div table = new Div();
        table.addClassName("matrix-table");
        table.getStyle().set("display", "grid").set("grid-template-columns", "auto repeat(" + columns + ", minmax(3.5em, 1fr))")
                .set("gap", "1px").set("font-size", "var(--lumo-font-size-xs)").set("font-variant-numeric", "tabular-nums")
                .set("overflow-x", "auto");
        table.add(new Span());
        for (int c = 0; c < columns; c++) table.add(label(label(matrix.columnLabels(), c), true));
        for (int r = 0; r < rows; r++) {
            table.add(label(label(matrix.rowLabels(), r), false));
            for (int c = 0; c < columns; c++) {
                double v = values[r][c];
                int rgb = scale == null ? ColorMap.MISSING : scale.rgb(v);
                Span cell = new Span(Formats.number(v));
                cell.getStyle().set("background", ColorMap.hex(rgb)).set("color", ColorMap.textColorOn(rgb))
                        .set("padding", "2px 4px").set("text-align", "right").set("white-space", "nowrap");
                cell.getElement().setAttribute("title", label(matrix.rowLabels(), r) + ", " + label(matrix.columnLabels(), c) + ": " + v);
                table.add(cell);
            }
        }
        return table;
    }

    /** The label at {@code index}, or its 1-based number when the list has none there. */
    static String label(List<String> labels, int index) {
        return index < labels.size() && labels.get(index) != null && !labels.get(index).isBlank() ? labels.get(index) : String.valueOf(index + 1);
    }

    private static Span label(String text, boolean column) {
        Span s = new Span(text);
        s.getStyle().set("font-weight", "600").set("padding", "2px 4px").set("white-space", "nowrap")
                .set("text-align", column ? "center" : "right").set("color", "var(--lumo-secondary-text-color)");
        return s;
    }
}
