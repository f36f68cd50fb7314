package org.physlab.imnn.inference;

import java.util.List;
import java.util.Objects;

/**
 * Accepted samples of an approximate Bayesian computation.
 *
 * @param samples        accepted parameters θ, {@code [sample][param]}
 * @param distances      their Fisher distances ρ to the target (ascending)
 * @param simulations    simulations run in total
 * @param estimates      the QML estimates θ̂ of the accepted simulations, {@code [sample][param]}
 * @param weights        importance weights, normalised to sum 1 (equal for rejection ABC)
 * @param epsilon        the acceptance threshold that resulted (largest accepted distance) or was given
 * @param targetEstimate the QML estimate of the target data
 * @param iterations     population Monte Carlo iterations (empty for rejection ABC)
 */
public record AbcResult(double[][] samples, double[] distances, int simulations, double[][] estimates, double[] weights,
                        double epsilon, double[] targetEstimate, List<PmcIteration> iterations) {

    public AbcResult {
        Objects.requireNonNull(samples, "samples");
        if (distances.length != samples.length || estimates.length != samples.length || weights.length != samples.length) {
            throw new IllegalArgumentException("samples, distances, estimates and weights must have the same length");
        }
        iterations = List.copyOf(iterations);
    }

    /** Number of accepted samples. */
    public int accepted() {
        return samples.length;
    }

    /** Parameter {@code i} of every accepted sample. */
    public double[] parameter(int i) {
        double[] v = new double[samples.length];
        for (int k = 0; k < v.length; k++) v[k] = samples[k][i];
        return v;
    }

    /** The weighted posterior mean. */
    public double[] mean() {
        requireSamples();
        int p = samples[0].length;
        double[] m = new double[p];
        for (int k = 0; k < samples.length; k++) {
            for (int i = 0; i < p; i++) m[i] += weights[k] * samples[k][i];
        }
        return m;
    }

    /** The weighted posterior covariance Σ w (θ − m)(θ − m)ᵀ. */
    public double[][] covariance() {
        requireSamples();
        return Weighted.covariance(samples, weights);
    }

    /** The weighted posterior standard deviation of each parameter. */
    public double[] standardDeviations() {
        double[][] c = covariance();
        double[] s = new double[c.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.sqrt(c[i][i]);
        return s;
    }

    /** Effective sample size (Σw)²/Σw². */
    public double effectiveSampleSize() {
        double s = 0;
        double s2 = 0;
        for (double w : weights) {
            s += w;
            s2 += w * w;
        }
        return s2 == 0 ? 0 : s * s / s2;
    }

    /**
     * A normalised (unit-integral) weighted histogram of parameter {@code i} with one bin centred on
     * each point of {@code grid} (a regular grid such as {@link UniformPrior#grid}).
     */
    public double[] marginalDensity(int i, double[] grid) {
        double[] edges = Grids.binEdges(grid);
        double width = edges[1] - edges[0];
        double[] density = new double[grid.length];
        double total = 0;
        for (int k = 0; k < samples.length; k++) {
            int bin = bin(samples[k][i], edges[0], width, grid.length);
            if (bin < 0) continue;
            density[bin] += weights[k];
            total += weights[k];
        }
        if (total > 0) {
            for (int b = 0; b < density.length; b++) density[b] /= total * width;
        }
        return density;
    }

    /**
     * A normalised weighted 2-D histogram of parameters (i, j), {@code values[b][a]} for the bin centred
     * on (gridI[a], gridJ[b]): rows along θ_j, columns along θ_i (a Heatmap's layout). Unit integral
     * over the bins that hold samples.
     */
    public double[][] jointDensity(int i, int j, double[] gridI, double[] gridJ) {
        double[] edgesI = Grids.binEdges(gridI);
        double[] edgesJ = Grids.binEdges(gridJ);
        double wi = edgesI[1] - edgesI[0];
        double wj = edgesJ[1] - edgesJ[0];
        double[][] density = new double[gridJ.length][gridI.length];
        double total = 0;
        for (int k = 0; k < samples.length; k++) {
            int a = bin(samples[k][i], edgesI[0], wi, gridI.length);
            int b = bin(samples[k][j], edgesJ[0], wj, gridJ.length);
            if (a < 0 || b < 0) continue;
            density[b][a] += weights[k];
            total += weights[k];
        }
        if (total > 0) {
            for (double[] row : density) for (int a = 0; a < row.length; a++) row[a] /= total * wi * wj;
        }
        return density;
    }

    private static int bin(double x, double firstEdge, double width, int bins) {
        int b = (int) Math.floor((x - firstEdge) / width);
        if (b == bins && x <= firstEdge + bins * width) b = bins - 1;
        return b < 0 || b >= bins ? -1 : b;
    }

    private void requireSamples() {
        if (samples.length == 0) throw new IllegalStateException("no accepted samples");
    }
}
