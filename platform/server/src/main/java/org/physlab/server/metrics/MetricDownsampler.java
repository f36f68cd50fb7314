package org.physlab.server.metrics;

import java.util.ArrayList;
import java.util.List;
import org.physlab.store.MetricPoint;

/**
 * Thins a long metric series for drawing while keeping its shape: the first and last points stay,
 * and the points in between are cut into equal buckets of which each keeps its lowest and its
 * highest point (in step order). A spike in a 100,000-point loss curve therefore survives a
 * reduction to a few hundred points, which averaging or taking every n-th point would hide.
 */
public final class MetricDownsampler {
    private MetricDownsampler() { }

    /**
     * @param points    a series ordered by step
     * @param maxPoints the most points to return, at least 2
     * @return {@code points} itself when it is short enough, else at most {@code maxPoints} of its points
     */
    public static List<MetricPoint> downsample(List<MetricPoint> points, int maxPoints) {
        if (maxPoints < 2) throw new IllegalArgumentException("maxPoints must be at least 2, got " + maxPoints);
        int n = points.size();
        if (n <= maxPoints) return points;
        List<MetricPoint> out = new ArrayList<>(maxPoints);
        out.add(points.get(0));
        int interior = n - 2;
        int buckets = (maxPoints - 2) / 2;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) interior * b / buckets);
            int to = 1 + (int) ((long) interior * (b + 1) / buckets);   // exclusive
            if (from >= to) continue;
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                double v = points.get(i).value();
                if (v < points.get(lo).value()) lo = i;
                if (v > points.get(hi).value()) hi = i;
            }
            if (lo == hi) {
                out.add(points.get(lo));
            } else {
                out.add(points.get(Math.min(lo, hi)));
                out.add(points.get(Math.max(lo, hi)));
            }
        }
        out.add(points.get(n - 1));
        return out;
    }
}
