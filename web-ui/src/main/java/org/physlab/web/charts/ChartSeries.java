package org.physlab.web.charts;

import java.util.Arrays;
import java.util.List;
import org.physlab.store.MetricPoint;

/**
 * One series of a {@link SeriesChart}: a label, its points and how to draw them.
 *
 * @param color  a CSS colour, or null for the chart palette's colour of this series' position
 * @param points true to draw markers only (a scatter), false for a line
 */
public record ChartSeries(String label, String color, double[] x, double[] y, boolean points) {
    public ChartSeries {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "' has " + x.length + " x values but " + y.length + " y values");
        }
    }

    public static ChartSeries line(String label, double[] x, double[] y) {
        return new ChartSeries(label, null, x, y, false);
    }

    public static ChartSeries scatter(String label, double[] x, double[] y) {
        return new ChartSeries(label, null, x, y, true);
    }

    /** A metric series: step on x, value on y. */
    public static ChartSeries metric(String label, List<MetricPoint> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).step();
            y[i] = points.get(i).value();
        }
        return line(label, x, y);
    }

    public ChartSeries withColor(String newColor) {
        return new ChartSeries(label, newColor, x, y, points);
    }

    public int size() {
        return x.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChartSeries s && label.equals(s.label) && java.util.Objects.equals(color, s.color)
                && points == s.points && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
        return label.hashCode() * 31 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "ChartSeries[" + label + ", " + x.length + " points]";
    }
}
