package org.physlab.calabiyau.donaldson;

/**
 * A supply of Monte-Carlo points on the variety, each given by its N section values and its weight.
 * Implementations own their random stream; every call returns fresh points (or, in tests, a fixed set).
 */
@FunctionalInterface
public interface WeightedSectionSource {
    /**
     * Fills {@code sections} (point-major interleaved complex, 2·N doubles per point) and {@code weights}
     * for {@code count} points.
     *
     * @return the number of points actually filled (≤ count; fewer when some had to be dropped)
     */
    int sample(int count, double[] sections, double[] weights);
}
