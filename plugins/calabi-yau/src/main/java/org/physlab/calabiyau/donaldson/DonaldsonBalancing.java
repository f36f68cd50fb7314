package org.physlab.calabiyau.donaldson;

import java.util.Objects;

/**
 * Donaldson's balancing iteration: starting from H (usually the identity), repeat {@code iterations}
 * times: Hermitise H, estimate the T-operator on a fresh sample ({@link BalancingOperator}), set
 * H ← (T^{-1})^T and normalise H by its largest entry modulus. The fixed point is the balanced metric
 * of degree k, which converges to the Ricci-flat metric as k → ∞ (Donaldson 2005).
 *
 * <p>Point counts follow the cyjax recipe by default ({@link #cyjaxPointsPerIteration}); note that this is
 * five times below the 10N² + 50000 of Douglas et al. / cymetric (spec §10, §14.6).
 */
public final class DonaldsonBalancing {
    /** Points per batch: the unit in which the per-iteration point count is drawn. */
    public static final int BATCH_SIZE = 1000;

    /** Called after every iteration with the 1-based iteration number and the normalised H. */
    @FunctionalInterface
    public interface IterationListener {
        void iterationDone(int iteration, double[] h, BalancingOperator operator);
    }

    private final int iterations;
    private final int pointsPerIteration;

    /**
     * @param iterations         number of T-operator steps, ≥ 1
     * @param pointsPerIteration Monte-Carlo points per step, ≥ 1
     */
    public DonaldsonBalancing(int iterations, int pointsPerIteration) {
        if (iterations < 1) throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        if (pointsPerIteration < 1) {
            throw new IllegalArgumentException("points per iteration must be at least 1, got " + pointsPerIteration);
        }
        this.iterations = iterations;
        this.pointsPerIteration = pointsPerIteration;
    }

    /**
     * cyjax's point count per iteration for basis size N: n = ⌊(10N² + 50000)/5⌋ points in
     * ⌊n/1000⌋ + 1 batches of 1000, i.e. (⌊n/1000⌋ + 1)·1000 points.
     */
    public static int cyjaxPointsPerIteration(int basisSize) {
        if (basisSize < 1) throw new IllegalArgumentException("basis size must be positive, got " + basisSize);
        long n = (10L * basisSize * basisSize + 50_000L) / 5;
        return Math.toIntExact((n / BATCH_SIZE + 1) * BATCH_SIZE);
    }

    public int iterations() {
        return iterations;
    }

    public int pointsPerIteration() {
        return pointsPerIteration;
    }

    /** Runs the iteration from {@code start} and returns the final normalised H. */
    public double[] balance(double[] start, WeightedSectionSource source, IterationListener listener) {
        Objects.requireNonNull(source, "source");
        double[] h = start.clone();
        for (int it = 1; it <= iterations; it++) {
            BalancingOperator op = step(h, source);
            h = ComplexMatrices.normalisedByMaxModulus(op.balancedUpdate());
            if (listener != null) listener.iterationDone(it, h, op);
        }
        return h;
    }

    /** The T-operator of the Hermitised {@code h} accumulated over one iteration's worth of points. */
    public BalancingOperator step(double[] h, WeightedSectionSource source) {
        BalancingOperator op = new BalancingOperator(ComplexMatrices.hermitianPart(h));
        int n = op.basisSize();
        int batch = Math.min(BATCH_SIZE, pointsPerIteration);
        double[] sections = new double[2 * n * batch];
        double[] weights = new double[batch];
        int remaining = pointsPerIteration;
        int emptyBatches = 0;
        while (remaining > 0) {
            int want = Math.min(batch, remaining);
            int got = source.sample(want, sections, weights);
            if (got <= 0 && ++emptyBatches > 10) {
                throw new IllegalStateException("the point source returned no points ten times in a row");
            }
            if (got > 0) {
                op.accumulate(sections, weights, got);
                remaining -= got;
            }
        }
        return op;
    }
}
