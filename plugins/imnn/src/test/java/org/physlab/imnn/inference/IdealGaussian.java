package org.physlab.imnn.inference;

import org.physlab.imnn.simulators.GaussianSimulator;

import org.physlab.imnn.fisher.Compressor;
import org.physlab.imnn.fisher.FisherSummary;
import org.physlab.imnn.fisher.SmallMatrix;

/**
 * The ideal compressor of the tutorial problem, n iid N(μ, Σ) points compressed to the sufficient
 * statistics t = (sample mean, unbiased sample variance), and its exact statistics at θ_fid = (0, 1):
 * μ_t = (0, 1), C = diag(1/n, 2/(n−1)), ∂μ_t/∂θ = I, F = diag(n, (n−1)/2). With these the QML
 * estimate is exactly t, the maximum-likelihood estimate of μ and the unbiased one of Σ.
 */
final class IdealGaussian {

    private IdealGaussian() { }

    static final Compressor SUFFICIENT_STATISTICS = data -> new double[] {mean(data), unbiasedVariance(data)};

    static FisherSummary exactStatistics(int n) {
        double[][] c = {{1.0 / n, 0}, {0, 2.0 / (n - 1)}};
        double[][] f = {{n, 0}, {0, (n - 1) / 2.0}};
        return new FisherSummary(new double[] {0, 1}, new double[] {0, 1}, c, SmallMatrix.inverse(c),
                SmallMatrix.identity(2), f, SmallMatrix.inverse(f));
    }

    static double mean(double[] d) {
        double s = 0;
        for (double v : d) s += v;
        return s / d.length;
    }

    static double unbiasedVariance(double[] d) {
        double m = mean(d);
        double s = 0;
        for (double v : d) s += (v - m) * (v - m);
        return s / (d.length - 1);
    }

    /**
     * The exact posterior of (μ, Σ) for data {@code d} under a uniform prior on the box, by summing the
     * likelihood over a fine grid: returns {mean μ, mean Σ, sd μ, sd Σ}.
     */
    static double[] exactPosteriorMoments(double[] d, UniformPrior prior) {
        int g = 400;
        double[] mus = prior.grid(0, g);
        double[] sigmas = prior.grid(1, g);
        double n = d.length;
        double m = mean(d);
        double ss = 0;
        for (double v : d) ss += (v - m) * (v - m);
        double[][] logL = new double[g][g];
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < g; a++) {
            for (int b = 0; b < g; b++) {
                double sigma = sigmas[b];
                double q = ss + n * (m - mus[a]) * (m - mus[a]);
                logL[a][b] = -0.5 * n * Math.log(sigma) - q / (2 * sigma);
                max = Math.max(max, logL[a][b]);
            }
        }
        double z = 0, m0 = 0, m1 = 0, s0 = 0, s1 = 0;
        for (int a = 0; a < g; a++) {
            for (int b = 0; b < g; b++) {
                double w = Math.exp(logL[a][b] - max);
                z += w;
                m0 += w * mus[a];
                m1 += w * sigmas[b];
                s0 += w * mus[a] * mus[a];
                s1 += w * sigmas[b] * sigmas[b];
            }
        }
        m0 /= z;
        m1 /= z;
        return new double[] {m0, m1, Math.sqrt(s0 / z - m0 * m0), Math.sqrt(s1 / z - m1 * m1)};
    }

    /** The prior box of the inference tests: μ in [−1.5, 1.5], Σ in [0.2, 3]. */
    static final UniformPrior TUTORIAL_PRIOR = new UniformPrior(new double[] {-1.5, 0.2}, new double[] {1.5, 3.0});

    /** The observed data of the inference tests: ten points simulated at the fiducial θ = (0, 1), seed 7. */
    static double[] observedData() {
        GaussianSimulator simulator = new GaussianSimulator(10);
        double[] d = new double[10];
        simulator.simulate(simulator.fiducial(), new java.util.SplittableRandom(7), d);
        return d;
    }

    /**
     * Asserts that weighted samples describe the exact posterior of {@code target}: each mean within 0.2
     * posterior standard deviations, each standard deviation within 0.85–1.2 of the exact one.
     */
    static void assertMatchesExactPosterior(AbcResult samples, double[] target, UniformPrior prior) {
        double[] posterior = exactPosteriorMoments(target, prior);
        double[] mean = samples.mean();
        double[] sd = samples.standardDeviations();
        for (int i = 0; i < 2; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(posterior[i], mean[i], 0.2 * posterior[2 + i], "posterior mean of parameter " + i);
            double ratio = sd[i] / posterior[2 + i];
            org.junit.jupiter.api.Assertions.assertTrue(ratio > 0.85 && ratio < 1.2, "posterior sd ratio of parameter " + i + " = " + ratio);
        }
    }
}
