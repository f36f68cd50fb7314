package org.physlab.imnn.inference;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A uniform prior on the box low ≤ θ ≤ high (one interval per parameter), the prior of the IMNN
 * tutorials' likelihood-free inference. Its grid ({@link #grid}) is what the Gaussian approximation
 * and the histograms of ABC samples are evaluated on.
 */
public final class UniformPrior {

    private final double[] low;
    private final double[] high;
    private final double density;

    /**
     * @param low  lower bounds, one per parameter
     * @param high upper bounds, each strictly above its lower bound
     * @throws IllegalArgumentException for mismatched lengths, empty, non-finite or empty intervals
     */
    public UniformPrior(double[] low, double[] high) {
        if (low == null || high == null || low.length == 0 || low.length != high.length) {
            throw new IllegalArgumentException("a uniform prior needs as many lower as upper bounds (at least one), got "
                    + (low == null ? "null" : low.length) + " and " + (high == null ? "null" : high.length));
        }
        double volume = 1;
        for (int i = 0; i < low.length; i++) {
            if (!Double.isFinite(low[i]) || !Double.isFinite(high[i]) || !(high[i] > low[i])) {
                throw new IllegalArgumentException("prior interval " + i + " must be finite with low < high, got ["
                        + low[i] + ", " + high[i] + "]");
            }
            volume *= high[i] - low[i];
        }
        this.low = low.clone();
        this.high = high.clone();
        this.density = 1 / volume;
    }

    /** Number of parameters. */
    public int dimension() {
        return low.length;
    }

    /** Lower bounds (a copy). */
    public double[] low() {
        return low.clone();
    }

    /** Upper bounds (a copy). */
    public double[] high() {
        return high.clone();
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    /** Whether θ lies in the box (bounds included). */
    public boolean contains(double[] theta) {
        checkDimension(theta);
        for (int i = 0; i < low.length; i++) {
            if (!(theta[i] >= low[i] && theta[i] <= high[i])) return false;
        }
        return true;
    }

    /** The prior density at θ: 1/volume inside the box, 0 outside. */
    public double density(double[] theta) {
        return contains(theta) ? density : 0;
    }

    /** One draw from the prior. */
    public double[] sample(RandomGenerator rng) {
        double[] theta = new double[low.length];
        for (int i = 0; i < low.length; i++) theta[i] = low[i] + (high[i] - low[i]) * rng.nextDouble();
        return theta;
    }

    /** {@code points} evenly spaced values from low to high of parameter {@code i} (both ends included). */
    public double[] grid(int i, int points) {
        if (points < 2) throw new IllegalArgumentException("a grid needs at least 2 points, got " + points);
        double[] g = new double[points];
        double step = (high[i] - low[i]) / (points - 1);
        for (int k = 0; k < points; k++) g[k] = low[i] + k * step;
        g[points - 1] = high[i];
        return g;
    }

    void checkDimension(double[] theta) {
        if (theta.length != low.length) {
            throw new IllegalArgumentException("θ has " + theta.length + " entries, the prior " + low.length);
        }
    }

    @Override
    public String toString() {
        return "UniformPrior" + Arrays.toString(low) + ".." + Arrays.toString(high);
    }
}
