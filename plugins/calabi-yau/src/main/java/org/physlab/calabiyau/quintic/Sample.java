package org.physlab.calabiyau.quintic;

import java.util.List;

/**
 * Points of a Dwork quintic from line intersections, each in its optimal chart, with Monte-Carlo
 * weights (mean weight ≈ Vol_Ω(X)) and counts of what the sampler had to discard.
 *
 * @param quintic         the variety sampled
 * @param points          the points (line-major: the five intersections of a line are consecutive)
 * @param weights         their weights, same order
 * @param rejectedLines   lines drawn again because their quintic was degenerate or a root failed the residual check
 * @param singularPoints  intersection points skipped because the gradient of Q vanished there (conifold nodes)
 */
public record Sample(DworkQuintic quintic, List<ChartPoint> points, double[] weights, int rejectedLines,
                     int singularPoints) {

    public Sample {
        points = List.copyOf(points);
        if (weights.length != points.size()) throw new IllegalArgumentException("one weight per point");
    }

    public int size() {
        return points.size();
    }

    /** Vol_Ω(X) ≈ mean weight. */
    public double volume() {
        double s = 0;
        for (double w : weights) s += w;
        return s / weights.length;
    }

    /** Standard error of {@link #volume()} treating points as independent (an underestimate: points of a line correlate). */
    public double volumeStandardError() {
        double m = volume(), v = 0;
        for (double w : weights) v += (w - m) * (w - m);
        int n = weights.length;
        return n < 2 ? Double.NaN : Math.sqrt(v / (n - 1) / n);
    }
}
