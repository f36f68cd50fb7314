package org.physlab.web.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesChartTest {

    @Test
    void aLongCurveIsThinnedForTheBrowserButKeepsItsEndsAndItsSpike() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.exp(-i / 30_000.0);
        }
        y[61_234] = 50;   // a spike averaging would hide
        SeriesChart chart = new SeriesChart("loss", "step", "loss");
        chart.setSeries(List.of(ChartSeries.line("run", x, y)));

        JsonNode sent = chart.spec().get("series").get(0);
        assertTrue(sent.get("x").size() <= SeriesChart.MAX_POINTS_PER_SERIES, "sent " + sent.get("x").size());
        assertEquals(0, sent.get("x").get(0).asDouble());
        assertEquals(n - 1, sent.get("x").get(sent.get("x").size() - 1).asDouble());
        boolean spikeKept = false;
        for (JsonNode v : sent.get("y")) spikeKept |= v.asDouble() == 50;
        assertTrue(spikeKept, "the spike must survive thinning");
    }

    @Test
    void shortSeriesAndScattersAreSentWhole() {
        SeriesChart chart = new SeriesChart("pred", "true", "predicted");
        double[] many = new double[5000];
        chart.setSeries(List.of(ChartSeries.line("short", new double[] {1, 2, 3}, new double[] {3, 2, 1}),
                ChartSeries.scatter("scatter", many, many)));
        assertEquals(List.of(3, 5000), chart.sentSizes());
    }

    @Test
    void nonFiniteValuesBecomeGapsNotBrokenJson() {
        SeriesChart chart = new SeriesChart("t", "x", "y");
        chart.setSeries(List.of(ChartSeries.line("s", new double[] {1, 2, 3}, new double[] {1, Double.NaN, Double.POSITIVE_INFINITY})));
        JsonNode y = chart.spec().get("series").get(0).get("y");
        assertTrue(y.get(1).isNull() && y.get(2).isNull(), y.toString());
    }

    @Test
    void aSeriesNeedsAsManyYValuesAsXValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartSeries.line("bad", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("bad"), e.getMessage());
    }
}
