package org.physlab.imnn.inference;

import java.util.random.RandomGenerator;

/**
 * N(mean, Σ) with Σ = L·Lᵀ (lower Cholesky factor L): density and draws. A draw is
 * mean + L·z with z ~ N(0, I), a column-vector product, so its covariance is L·Lᵀ = Σ. (The upstream
 * PMC formed u·L with a row vector u, whose covariance is LᵀL, wrong for correlated parameters.)
 */
final class MultivariateNormal {

    private final double[][] cholesky;
    private final double logNormaliser;

    MultivariateNormal(double[][] covariance) {
        this.cholesky = LinearAlgebra.cholesky(covariance);
        int p = covariance.length;
        this.logNormaliser = -0.5 * (p * Math.log(2 * Math.PI) + LinearAlgebra.logDeterminantFromCholesky(cholesky));
    }

    int dimension() {
        return cholesky.length;
    }

    /** ln N(x | mean, Σ). */
    double logDensity(double[] x, double[] mean) {
        double[] diff = new double[x.length];
        for (int i = 0; i < x.length; i++) diff[i] = x[i] - mean[i];
        double[] y = LinearAlgebra.forwardSubstitute(cholesky, diff);
        double q = 0;
        for (double v : y) q += v * v;
        return logNormaliser - 0.5 * q;
    }

    double density(double[] x, double[] mean) {
        return Math.exp(logDensity(x, mean));
    }

    /** mean + L·z. */
    double[] draw(double[] mean, RandomGenerator rng) {
        int p = cholesky.length;
        double[] z = new double[p];
        for (int i = 0; i < p; i++) z[i] = rng.nextGaussian();
        double[] x = mean.clone();
        for (int i = 0; i < p; i++) {
            for (int k = 0; k <= i; k++) x[i] += cholesky[i][k] * z[k];
        }
        return x;
    }
}
