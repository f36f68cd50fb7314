package org.physlab.web.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A line or scatter chart drawn in the browser by uPlot (a WebJar, no npm build): several series on
 * one x axis, log axes the user can switch, an optional identity line for predicted-vs-true plots.
 * Long series are thinned on the server before they are sent ({@link #MAX_POINTS_PER_SERIES} per
 * series, keeping each bucket's extremes), so a 100,000-point curve stays responsive.
 *
 * <pre>{@code
 * SeriesChart chart = new SeriesChart("loss", "step", "loss");
 * chart.setLogY(true);
 * chart.setSeries(List.of(ChartSeries.metric("run 1", points)));
 * }</pre>
 */
@JavaScript("context://webjars/uplot/1.6.30/dist/uPlot.iife.min.js")
@JavaScript("context://physlab/charts.js")
@StyleSheet("context://webjars/uplot/1.6.30/dist/uPlot.min.css")
public class SeriesChart extends Composite<VerticalLayout> {
    private static final long serialVersionUID = 1L;
    /** Points per series sent to the browser; longer series are thinned (first, last and bucket extremes kept). */
    public static final int MAX_POINTS_PER_SERIES = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Div plot = new Div();
    private final Checkbox logX = new Checkbox("log x");
    private final Checkbox logY = new Checkbox("log y");
    private final String xLabel;
    private final String yLabel;
    private List<ChartSeries> series = List.of();
    private boolean identityLine;
    private int height = 260;

    public SeriesChart(String title, String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        Span heading = new Span(title);
        heading.getStyle().set("font-weight", "600");
        HorizontalLayout header = new HorizontalLayout(heading, logX, logY);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(heading);
        logX.addValueChangeListener(e -> draw());
        logY.addValueChangeListener(e -> draw());
        plot.setWidthFull();
        plot.addClassName("physlab-chart");
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        root.setWidthFull();
        root.add(header, plot);
    }

    /** Replaces every series and redraws. */
    public void setSeries(List<ChartSeries> newSeries) {
        this.series = List.copyOf(newSeries);
        draw();
    }

    public List<ChartSeries> getSeries() {
        return series;
    }

    public void setLogX(boolean on) {
        logX.setValue(on);
    }

    public void setLogY(boolean on) {
        logY.setValue(on);
    }

    public boolean isLogY() {
        return logY.getValue();
    }

    /** Draws the line y = x (for predicted-vs-true scatters). */
    public void setIdentityLine(boolean on) {
        identityLine = on;
        draw();
    }

    public void setPlotHeight(int pixels) {
        height = pixels;
        draw();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        draw();
    }

    private void draw() {
        if (!isAttached()) return;
        plot.getElement().executeJs("window.physlabCharts.render(this, JSON.parse($0))", spec().toString());
    }

    ObjectNode spec() {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("xLabel", xLabel);
        spec.put("yLabel", yLabel);
        spec.put("logX", logX.getValue());
        spec.put("logY", logY.getValue());
        spec.put("identity", identityLine);
        spec.put("height", height);
        ArrayNode list = spec.putArray("series");
        for (ChartSeries s : series) {
            ChartSeries shown = s.points() ? s : Thinning.keepExtremes(s, MAX_POINTS_PER_SERIES);
            ObjectNode node = list.addObject();
            node.put("label", shown.label());
            if (shown.color() != null) node.put("color", shown.color());
            node.put("points", shown.points());
            ArrayNode x = node.putArray("x");
            ArrayNode y = node.putArray("y");
            for (int i = 0; i < shown.size(); i++) {
                x.add(shown.x()[i]);
                if (Double.isFinite(shown.y()[i])) y.add(shown.y()[i]); else y.addNull();
            }
        }
        return spec;
    }

    /** The palette colour of the series at {@code index} (the same as the browser uses when no colour is given). */
    public static String paletteColor(int index) {
        String[] palette = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};
        return palette[Math.floorMod(index, palette.length)];
    }

    /** Series lengths as sent, for tests. */
    List<Integer> sentSizes() {
        List<Integer> sizes = new ArrayList<>();
        spec().get("series").forEach(s -> sizes.add(s.get("x").size()));
        return sizes;
    }
}
