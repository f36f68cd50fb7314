package org.physlab.web.artifacts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.physlab.api.Artifact;
import org.physlab.runtime.runs.ArtifactCodec;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.RunStore;
import org.physlab.web.Formats;
import org.physlab.web.charts.ChartSeries;
import org.physlab.web.charts.SeriesChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a stored artifact: line charts and scatters with uPlot, heatmaps as server-side PNGs with a
 * colour bar, triangle meshes as server-side SVG, matrices as heat-coloured tables, tables as grids and
 * files as a description. Each comes in a card carrying {@code data-artifact="<name>"}, its title and a
 * download link to the REST endpoint {@code api/runs/{id}/artifacts/{name}?download=true}. An artifact
 * that cannot be read or drawn shows a plain message instead; it never breaks the page around it.
 */
public final class ArtifactViews {
    private static final Logger LOG = LoggerFactory.getLogger(ArtifactViews.class);
    /** Matrices with more cells than this are drawn as a heatmap image instead of a table. */
    static final int MAX_TABLE_CELLS = 24 * 24;
    private static final int CHART_HEIGHT = 240;

    private ArtifactViews() { }

    /**
     * The artifact drawn as a component (with a download link), or a plain message when it cannot be read.
     */
    public static Component render(RunStore store, String runId, ArtifactInfo info) {
        Div card = new Div();
        card.addClassName("artifact");
        card.getElement().setAttribute("data-artifact", info.name());
        card.getElement().setAttribute("data-kind", String.valueOf(info.kind()));
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("box-sizing", "border-box").set("min-width", "0")
                .set("background", "var(--lumo-base-color)");

        Span title = new Span(info.title() == null || info.title().isBlank() ? info.name() : info.title());
        title.getStyle().set("font-weight", "600").set("flex", "1").set("min-width", "0");
        Span kind = new Span(info.kind() + " · " + info.name());
        kind.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        Anchor download = new Anchor(downloadUrl(runId, info.name()), "");
        com.vaadin.flow.component.icon.Icon icon = VaadinIcon.DOWNLOAD_ALT.create();
        icon.setSize("var(--lumo-icon-size-s)");
        download.add(icon);
        download.getElement().setAttribute("download", info.fileName() == null ? info.name() : info.fileName());
        download.getElement().setAttribute("title", "Download " + (info.fileName() == null ? info.name() : info.fileName())
                + " (" + bytes(info.size()) + ")");
        download.addClassName("artifact-download");
        Div header = new Div(title, kind, download);
        header.getStyle().set("display", "flex").set("align-items", "baseline").set("gap", "var(--lumo-space-s)")
                .set("margin-bottom", "var(--lumo-space-xs)");
        card.add(header);

        Component body;
        try {
            byte[] data = store.artifactData(runId, info.name())
                    .orElseThrow(() -> new IllegalStateException("its data is missing from the store"));
            body = draw(runId, ArtifactCodec.decode(info, data), info);
        } catch (RuntimeException e) {
            LOG.info("artifact {} of run {} cannot be drawn", info.name(), runId, e);
            body = problem("This " + info.kind() + " artifact could not be drawn: " + describe(e));
        }
        card.add(body);
        return card;
    }

    /** The REST address that downloads an artifact (relative to the application root). */
    public static String downloadUrl(String runId, String name) {
        return "api/runs/" + encode(runId) + "/artifacts/" + encode(name) + "?download=true";
    }

    private static Component draw(String runId, Artifact artifact, ArtifactInfo info) {
        if (artifact instanceof Artifact.LineChart line) return lineChart(line);
        if (artifact instanceof Artifact.Scatter scatter) return scatter(scatter);
        if (artifact instanceof Artifact.Heatmap heatmap) return heatmap(heatmap);
        if (artifact instanceof Artifact.TriangleMesh mesh) return mesh(mesh);
        if (artifact instanceof Artifact.Matrix matrix) return matrix(matrix);
        if (artifact instanceof Artifact.Table table) return table(table);
        return file((Artifact.FileArtifact) artifact, info);
    }

    private static Component lineChart(Artifact.LineChart line) {
        SeriesChart chart = new SeriesChart("", line.xLabel(), line.yLabel());
        List<ChartSeries> series = new ArrayList<>();
        for (Artifact.Series s : line.series()) series.add(ChartSeries.line(s.name(), s.x(), s.y()));
        chart.setLogX(line.logX());
        chart.setLogY(line.logY());
        chart.setPlotHeight(CHART_HEIGHT);
        chart.setSeries(series);
        return chart;
    }

    private static Component scatter(Artifact.Scatter scatter) {
        SeriesChart chart = new SeriesChart("", scatter.xLabel(), scatter.yLabel());
        List<ChartSeries> series = new ArrayList<>();
        for (Artifact.Series s : scatter.series()) series.add(ChartSeries.scatter(s.name(), s.x(), s.y()));
        chart.setIdentityLine(scatter.identityLine());
        chart.setPlotHeight(CHART_HEIGHT);
        chart.setSeries(series);
        return chart;
    }

    private static Component heatmap(Artifact.Heatmap heatmap) {
        ColorScale scale = ColorScale.of(heatmap.values());
        return heatmapView(heatmap.name(), heatmap.values(), scale,
                new Axis(heatmap.xLabel(), Formats.number(heatmap.xMin()), Formats.number(heatmap.xMax())),
                new Axis(heatmap.yLabel(), Formats.number(heatmap.yMin()), Formats.number(heatmap.yMax())),
                heatmap.valueLabel());
    }

    /** An axis as labelled beside a picture: its name and the values at its two ends. */
    private record Axis(String label, String low, String high) { }

    /** The PNG with the y range on the left, the x range below and a colour bar with min/max on the right. */
    private static Component heatmapView(String name, double[][] values, ColorScale scale, Axis x, Axis y, String valueLabel) {
        if (values.length == 0 || values[0].length == 0) return problem("This heatmap is empty.");
        byte[] png = HeatmapImage.png(values, scale);
        Image image = new Image(pngDownload(name + ".png", png), "heatmap " + name);
        image.getStyle().set("width", "100%").set("height", "100%").set("image-rendering", "pixelated")
                .set("display", "block").set("border", "1px solid var(--lumo-contrast-20pct)").set("box-sizing", "border-box");
        image.getElement().setAttribute("data-rows", String.valueOf(values.length));
        image.getElement().setAttribute("data-columns", String.valueOf(values[0].length));

        Div yTicks = column(small(y.high()), axisName(y.label(), true), small(y.low()));
        Div plot = new Div(image);
        plot.getStyle().set("flex", "1").set("min-width", "0").set("height", "220px");
        Div bar = colourBar(scale, valueLabel);
        Div row = new Div(yTicks, plot, bar);
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-xs)").set("align-items", "stretch");

        Span xLow = small(x.low());
        Span xName = axisName(x.label(), false);
        Span xHigh = small(x.high());
        Div xTicks = new Div(xLow, xName, xHigh);
        xTicks.getStyle().set("display", "flex").set("justify-content", "space-between")
                .set("margin-left", "calc(var(--physlab-y-ticks, 3.2em) + var(--lumo-space-xs))").set("margin-right", "5.2em");
        Div view = new Div(row, xTicks);
        view.addClassName("heatmap");
        return view;
    }

    private static Div colourBar(ColorScale scale, String valueLabel) {
        Div gradient = new Div();
        gradient.addClassName("colour-bar");
        gradient.getStyle().set("width", "14px").set("height", "100%").set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("background", ColorMap.VIRIDIS.cssGradient("to top"));
        Div labels = column(small(scale == null ? "–" : Formats.number(scale.max())),
                axisName(valueLabel == null ? "" : valueLabel, true),
                small(scale == null ? "–" : Formats.number(scale.min())));
        labels.getStyle().set("align-items", "flex-start").set("width", "auto").set("max-width", "4.5em");
        Div bar = new Div(gradient, labels);
        bar.getStyle().set("display", "flex").set("gap", "4px").set("height", "220px");
        if (scale != null) {
            bar.getElement().setAttribute("data-min", Double.toString(scale.min()));
            bar.getElement().setAttribute("data-max", Double.toString(scale.max()));
        }
        return bar;
    }

    private static Component mesh(Artifact.TriangleMesh mesh) {
        MeshSvg.Drawing drawing = MeshSvg.draw(mesh);
        byte[] svg = drawing.svg().getBytes(StandardCharsets.UTF_8);
        Image image = new Image(download(mesh.name() + ".svg", "image/svg+xml", svg), "mesh " + mesh.name());
        image.getStyle().set("max-width", "100%").set("height", "300px").set("object-fit", "contain").set("display", "block")
                .set("flex", "1").set("min-width", "0");
        Div picture = new Div(image);
        picture.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "stretch");
        if (drawing.scale() != null) {
            Div bar = colourBar(drawing.scale(), mesh.valueLabel());
            bar.getStyle().set("height", "300px");
            picture.add(bar);
        }
        Div legend = new Div();
        legend.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("font-size", "var(--lumo-font-size-s)");
        for (MeshSvg.LayerStyle style : drawing.styles()) {
            Span swatch = new Span();
            swatch.getStyle().set("display", "inline-block").set("width", "18px").set("height", "0")
                    .set("border-top", "2px " + (style.dashed() ? "dashed " : "solid ") + (style.filledByValue() ? "#333333" : style.stroke()))
                    .set("margin-right", "4px").set("vertical-align", "middle");
            Span entry = new Span(swatch, new Span(style.label() + (style.filledByValue() ? " (coloured by " + valueName(mesh.valueLabel()) + ")" : "")));
            legend.add(entry);
        }
        return new Div(picture, legend);
    }

    private static String valueName(String label) {
        return label == null || label.isBlank() ? "value" : label;
    }

    private static Component matrix(Artifact.Matrix matrix) {
        double[][] values = matrix.values();
        int rows = values.length;
        int columns = rows == 0 ? 0 : values[0].length;
        if (rows == 0 || columns == 0) return problem("This matrix is empty.");
        for (double[] r : values) {
            if (r.length != columns) return problem("This matrix has rows of different lengths.");
        }
        ColorScale scale = ColorScale.of(values);
        if ((long) rows * columns > MAX_TABLE_CELLS) {
            double[][] bottomUp = new double[rows][];
            for (int r = 0; r < rows; r++) bottomUp[r] = values[rows - 1 - r];
            return heatmapView(matrix.name(), bottomUp, scale, new Axis("column", "1", String.valueOf(columns)),
                    new Axis("row", String.valueOf(rows), "1"), "");
        }
        return MatrixTable.of(matrix, scale);
    }

    private static Component table(Artifact.Table table) {
        Grid<List<Object>> grid = new Grid<>();
        for (int c = 0; c < table.columns().size(); c++) {
            int column = c;
            grid.addColumn(row -> cell(row.get(column))).setHeader(table.columns().get(c)).setResizable(true).setAutoWidth(true);
        }
        grid.setItems(table.rows());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        if (table.rows().size() <= 12) grid.setAllRowsVisible(true);
        else grid.setHeight("320px");
        return grid;
    }

    /** A table cell as text: numbers as in the rest of the UI, everything else as it is. */
    static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof Double || value instanceof Float) return Formats.number(((Number) value).doubleValue());
        if (value instanceof Number n) return n.toString();
        return value.toString();
    }

    private static Component file(Artifact.FileArtifact file, ArtifactInfo info) {
        Span what = new Span(file.fileName() + " · " + file.mediaType() + " · " + bytes(file.content().length));
        Anchor link = new Anchor(downloadUrl(info.runId(), info.name()), "Download");
        link.getElement().setAttribute("download", file.fileName());
        Div box = new Div(what, link);
        box.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "baseline").set("flex-wrap", "wrap");
        return box;
    }

    /** A size in bytes as people read it: {@code 512 B}, {@code 3.4 KB}, {@code 12.0 MB}. */
    static String bytes(long size) {
        if (size < 1024) return size + " B";
        double kb = size / 1024.0;
        if (kb < 1024) return String.format(Locale.ROOT, "%.1f KB", kb);
        double mb = kb / 1024;
        if (mb < 1024) return String.format(Locale.ROOT, "%.1f MB", mb);
        return String.format(Locale.ROOT, "%.1f GB", mb / 1024);
    }

    private static DownloadHandler pngDownload(String fileName, byte[] png) {
        return download(fileName, "image/png", png);
    }

    private static DownloadHandler download(String fileName, String mediaType, byte[] data) {
        return DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(data), fileName, mediaType, data.length))
                .inline();
    }

    private static Span problem(String text) {
        Span s = new Span(text);
        s.addClassName("artifact-problem");
        s.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        return s;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        while ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
            cause = cause.getCause();
        }
        if (message == null || message.isBlank()) return e.getClass().getSimpleName();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static Span small(String text) {
        Span s = new Span(text);
        s.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                .set("white-space", "nowrap");
        return s;
    }

    private static Span axisName(String label, boolean vertical) {
        Span s = new Span(label == null ? "" : label);
        s.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-body-text-color)");
        if (vertical) {
            s.getStyle().set("writing-mode", "vertical-rl").set("transform", "rotate(180deg)").set("overflow", "hidden")
                    .set("text-overflow", "ellipsis").set("max-height", "150px").set("white-space", "nowrap");
        }
        return s;
    }

    private static Div column(Component... children) {
        Div d = new Div(children);
        d.getStyle().set("display", "flex").set("flex-direction", "column").set("justify-content", "space-between")
                .set("align-items", "flex-end").set("width", "var(--physlab-y-ticks, 3.2em)").set("flex", "none");
        return d;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
