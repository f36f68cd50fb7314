package org.physlab.imnn.simulators;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The IMNN tutorial's model: n independent points dᵢ ~ N(μ, Σ) with θ = (μ, Σ), Σ the variance, drawn as
 * d = μ + √Σ·z with z ~ N(0, I). Its derivatives are ∂d/∂μ = 1 and ∂d/∂Σ = z/(2√Σ), and the Fisher
 * information of the data is F = diag(n/Σ, n/(2Σ²)), i.e. diag(10, 5) and det F = 50 for n = 10 at (0, 1).
 */
public final class GaussianSimulator implements Simulator {
    private final int nData;

    /** @param nData number of points per simulation (10 in the tutorial) */
    public GaussianSimulator(int nData) {
        if (nData < 1) throw new IllegalArgumentException("nData must be at least 1, got " + nData);
        this.nData = nData;
    }

    @Override public int dataSize() { return nData; }

    @Override public int parameterCount() { return 2; }

    @Override public List<String> parameterNames() { return List.of("mu", "Sigma"); }

    @Override public double[] fiducial() { return new double[] {0.0, 1.0}; }

    @Override
    public void simulate(double[] theta, RandomGenerator rng, double[] out) {
        double sd = standardDeviation(theta);
        for (int i = 0; i < nData; i++) out[i] = theta[0] + sd * rng.nextGaussian();
    }

    @Override
    public void simulateWithDerivative(double[] theta, RandomGenerator rng, double[] out, double[][] derivative) {
        double sd = standardDeviation(theta);
        for (int i = 0; i < nData; i++) {
            double z = rng.nextGaussian();
            out[i] = theta[0] + sd * z;
            derivative[0][i] = 1.0;
            derivative[1][i] = z / (2 * sd);
        }
    }

    @Override
    public Optional<double[][]> analyticFisher(double[] theta) {
        double variance = theta[1];
        if (!(variance > 0)) return Optional.empty();
        return Optional.of(new double[][] {{nData / variance, 0}, {0, nData / (2 * variance * variance)}});
    }

    private static double standardDeviation(double[] theta) {
        if (theta.length != 2) throw new IllegalArgumentException("θ = (mu, Sigma) has 2 entries, got " + theta.length);
        if (!(theta[1] > 0)) throw new IllegalArgumentException("the variance Sigma must be positive, got " + theta[1]);
        return Math.sqrt(theta[1]);
    }
}
