package org.physlab.web.charts;

import java.util.ArrayList;
import java.util.List;
import org.physlab.server.metrics.MetricDownsampler;
import org.physlab.store.MetricPoint;

/** Thins a line series for display with {@link MetricDownsampler} (first, last and each bucket's extremes). */
final class Thinning {
    private Thinning() { }

    static ChartSeries keepExtremes(ChartSeries s, int maxPoints) {
        if (s.size() <= maxPoints) return s;
        List<MetricPoint> points = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) points.add(new MetricPoint("", i, s.y()[i], 0L));
        List<MetricPoint> kept = MetricDownsampler.downsample(points, maxPoints);
        double[] x = new double[kept.size()];
        double[] y = new double[kept.size()];
        for (int i = 0; i < x.length; i++) {
            int at = (int) kept.get(i).step();
            x[i] = s.x()[at];
            y[i] = s.y()[at];
        }
        return new ChartSeries(s.label(), s.color(), x, y, s.points());
    }
}
