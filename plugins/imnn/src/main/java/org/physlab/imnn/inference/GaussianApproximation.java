package org.physlab.imnn.inference;

import org.physlab.imnn.fisher.SmallMatrix;

/**
 * The Gaussian approximation N(θ̂, F⁻¹) of the posterior (imnn's {@code GaussianApproximation}),
 * evaluated on a grid spanning the prior box: 1-D marginal densities per parameter and 2-D joint
 * densities per pair. As upstream, the prior is not multiplied in; the part of the Gaussian outside
 * the box is simply not on the grid, and {@link #jointMassOnGrid} / {@link #marginalMassOnGrid} say how
 * much of it the box holds.
 *
 * <pre>{@code
 * GaussianApproximation g = GaussianApproximation.of(thetaHat, fisher.inverseFisher(), prior, 100);
 * double[][] joint = g.joint(0, 1);  // [index of θ₁][index of θ₀], rows along θ₁ (a Heatmap's layout)
 * }</pre>
 */
public final class GaussianApproximation {

    private final double[] estimate;
    private final double[][] inverseFisher;
    private final double[][] ranges;

    private GaussianApproximation(double[] estimate, double[][] inverseFisher, double[][] ranges) {
        this.estimate = estimate;
        this.inverseFisher = inverseFisher;
        this.ranges = ranges;
    }

    /**
     * @param estimate      θ̂ (the centre)
     * @param inverseFisher F⁻¹ (the covariance), symmetric positive definite
     * @param prior         the box the grid spans
     * @param gridSize      points per parameter (≥ 2)
     */
    public static GaussianApproximation of(double[] estimate, double[][] inverseFisher, UniformPrior prior, int gridSize) {
        int p = prior.dimension();
        prior.checkDimension(estimate);
        if (inverseFisher.length != p) throw new IllegalArgumentException("F⁻¹ is " + inverseFisher.length + "x?, expected " + p + "x" + p);
        for (double v : estimate) if (!Double.isFinite(v)) throw new IllegalArgumentException("estimate is not finite");
        LinearAlgebra.cholesky(inverseFisher);
        double[][] ranges = new double[p][];
        for (int i = 0; i < p; i++) ranges[i] = prior.grid(i, gridSize);
        return new GaussianApproximation(estimate.clone(), SmallMatrix.copy(inverseFisher), ranges);
    }

    public int dimension() {
        return estimate.length;
    }

    public double[] estimate() {
        return estimate.clone();
    }

    /** The grid of parameter {@code i}. */
    public double[] range(int i) {
        return ranges[i].clone();
    }

    /** √F⁻¹_ii. */
    public double standardDeviation(int i) {
        return Math.sqrt(inverseFisher[i][i]);
    }

    /** The 1-D marginal density N(θ̂_i, F⁻¹_ii) on the grid of parameter i. */
    public double[] marginal(int i) {
        double mean = estimate[i];
        double sd = standardDeviation(i);
        double[] r = ranges[i];
        double[] pdf = new double[r.length];
        for (int k = 0; k < r.length; k++) {
            double z = (r[k] - mean) / sd;
            pdf[k] = Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
        }
        return pdf;
    }

    /**
     * The 2-D marginal density of (θ_i, θ_j) on their grids, {@code values[b][a]} at
     * (range(i)[a], range(j)[b]): rows along θ_j, columns along θ_i.
     */
    public double[][] joint(int i, int j) {
        if (i == j) throw new IllegalArgumentException("a joint marginal needs two different parameters");
        double[][] cov = {{inverseFisher[i][i], inverseFisher[i][j]}, {inverseFisher[j][i], inverseFisher[j][j]}};
        MultivariateNormal normal = new MultivariateNormal(cov);
        double[] centre = {estimate[i], estimate[j]};
        double[] ri = ranges[i];
        double[] rj = ranges[j];
        double[][] values = new double[rj.length][ri.length];
        double[] point = new double[2];
        for (int b = 0; b < rj.length; b++) {
            for (int a = 0; a < ri.length; a++) {
                point[0] = ri[a];
                point[1] = rj[b];
                values[b][a] = normal.density(point, centre);
            }
        }
        return values;
    }

    /** ∫ of the 1-D marginal over the grid (trapezoid rule): the share of it inside the prior interval. */
    public double marginalMassOnGrid(int i) {
        return Grids.trapezoid(ranges[i], marginal(i));
    }

    /** ∫∫ of the 2-D marginal over the grid (trapezoid rule in both directions). */
    public double jointMassOnGrid(int i, int j) {
        double[][] values = joint(i, j);
        double[] rows = new double[values.length];
        for (int b = 0; b < values.length; b++) rows[b] = Grids.trapezoid(ranges[i], values[b]);
        return Grids.trapezoid(ranges[j], rows);
    }
}
