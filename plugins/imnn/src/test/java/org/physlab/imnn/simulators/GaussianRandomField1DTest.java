package org.physlab.imnn.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.imnn.fisher.Compressor;
import org.physlab.imnn.fisher.FisherLoss;
import org.physlab.imnn.fisher.Regularisation;

class GaussianRandomField1DTest {

    @Test
    void derivativesMatchSeedMatchedFiniteDifferences() {
        for (int n : new int[] {16, 17}) {   // with and without a Nyquist mode
            GaussianRandomField1D field = new GaussianRandomField1D(n);
            double[] theta = {1.3, 0.7};
            double[] d = new double[n];
            double[][] dd = new double[2][n];
            field.simulateWithDerivative(theta, new SplittableRandom(9), d, dd);
            double[] plain = new double[n];
            field.simulate(theta, new SplittableRandom(9), plain);
            for (int j = 0; j < n; j++) assertEquals(d[j], plain[j], 0.0, "simulate and simulateWithDerivative share draws");
            double h = 1e-5;
            for (int a = 0; a < 2; a++) {
                double[] up = theta.clone();
                double[] down = theta.clone();
                up[a] += h;
                down[a] -= h;
                double[] dUp = new double[n];
                double[] dDown = new double[n];
                field.simulate(up, new SplittableRandom(9), dUp);
                field.simulate(down, new SplittableRandom(9), dDown);
                for (int j = 0; j < n; j++) {
                    assertEquals((dUp[j] - dDown[j]) / (2 * h), dd[a][j], 1e-8, "∂d_" + j + "/∂θ_" + a + " (N = " + n + ")");
                }
            }
        }
    }

    @Test
    void thePowerOfEachModeIsNTimesTheSpectrum() {
        // ⟨|δ̃_m|²⟩ = N·P(k_m) with δ̃_m = Σ_j δ_j e^{−2πi mj/N}
        int n = 16;
        int sims = 4000;
        GaussianRandomField1D field = new GaussianRandomField1D(n);
        double[] theta = {2.0, 1.5};
        double[] power = new double[n / 2 + 1];
        double[] d = new double[n];
        SplittableRandom rng = new SplittableRandom(3);
        double meanSquare = 0;
        for (int s = 0; s < sims; s++) {
            field.simulate(theta, rng, d);
            for (int m = 0; m <= n / 2; m++) {
                double re = 0, im = 0;
                for (int j = 0; j < n; j++) {
                    re += d[j] * Math.cos(2 * Math.PI * m * j / n);
                    im -= d[j] * Math.sin(2 * Math.PI * m * j / n);
                }
                power[m] += (re * re + im * im) / sims;
            }
            for (double v : d) meanSquare += v * v / (n * sims);
        }
        assertEquals(0, power[0], 1e-18, "no mean mode");
        for (int m = 1; m <= n / 2; m++) {
            double expected = n * GaussianRandomField1D.power(theta, 2 * Math.PI * m / n);
            // |δ̃|² is exponential (χ²₂/2) for 0 < m < N/2, χ²₁ at Nyquist: relative sd 1/√4000 and √2/√4000
            double tolerance = (m == n / 2 ? 4 * Math.sqrt(2) : 4) / Math.sqrt(sims);
            assertEquals(1, power[m] / expected, tolerance, "mode " + m);
        }
        // Parseval: the variance per point is (1/N²) Σ_{m≠0} N P(k_m)
        double variance = 0;
        for (int m = 1; m < n; m++) variance += GaussianRandomField1D.power(theta, 2 * Math.PI * Math.min(m, n - m) / n) / n;
        assertEquals(1, meanSquare / variance, 0.05);
    }

    @Test
    void analyticFisherCountsComplexModesOnceAndTheNyquistModeHalf() {
        // N = 4: one complex mode k = π/2 (two real degrees of freedom) and the Nyquist mode k = π (one)
        GaussianRandomField1D field = new GaussianRandomField1D(4);
        double a = 2.0;
        double[][] f = field.analyticFisher(new double[] {a, 0.3}).orElseThrow();
        double l1 = Math.log(Math.PI / 2), l2 = Math.log(Math.PI);
        assertEquals(1.5 / (a * a), f[0][0], 1e-15);
        assertEquals(-(2 * l1 + l2) / (2 * a), f[0][1], 1e-15);
        assertEquals(f[0][1], f[1][0], 0);
        assertEquals(0.5 * (2 * l1 * l1 + l2 * l2), f[1][1], 1e-15);
        // odd N: only complex modes, (N − 1)/2 of them, F_AA = (N − 1)/(2A²)
        assertEquals(8 / 2.0, new GaussianRandomField1D(9).analyticFisher(new double[] {1, 0.5}).orElseThrow()[0][0], 1e-12);
    }

    @Test
    void fisherOfTheScoreSummariesMatchesTheAnalyticFisherWithinSamplingError() {
        int n = 32;
        GaussianRandomField1D field = new GaussianRandomField1D(n);
        double[] fid = field.fiducial();
        double[][] analytic = field.analyticFisher(fid).orElseThrow();
        Compressor score = field.scoreCompressor(fid);
        SplittableRandom rng = new SplittableRandom(2021);
        int repeats = 20;
        int sims = 1000;
        double[][][] estimates = new double[repeats][][];
        double[] d = new double[n];
        double[][] dd = new double[2][n];
        double[] shifted = new double[n];
        for (int r = 0; r < repeats; r++) {
            double[][] summaries = new double[sims][];
            double[][][] derivatives = new double[sims][2][];
            for (int i = 0; i < sims; i++) {
                field.simulateWithDerivative(fid, rng, d, dd);
                summaries[i] = score.summaries(d);
                for (int b = 0; b < 2; b++) {
                    // chain rule ∇_d t · ∂d/∂θ_b; t is quadratic in d so the central difference is exact
                    double h = 1e-3;
                    for (int j = 0; j < n; j++) shifted[j] = d[j] + h * dd[b][j];
                    double[] up = score.summaries(shifted);
                    for (int j = 0; j < n; j++) shifted[j] = d[j] - h * dd[b][j];
                    double[] down = score.summaries(shifted);
                    derivatives[i][b] = new double[] {(up[0] - down[0]) / (2 * h), (up[1] - down[1]) / (2 * h)};
                }
            }
            estimates[r] = FisherLoss.evaluate(fid, summaries, derivatives, new Regularisation(10, 0.1)).summary().fisher();
        }
        for (int a = 0; a < 2; a++) {
            for (int b = a; b < 2; b++) {
                double mean = 0, sq = 0;
                for (double[][] e : estimates) {
                    mean += e[a][b] / repeats;
                    sq += e[a][b] * e[a][b] / repeats;
                }
                double sd = Math.sqrt((sq - mean * mean) * repeats / (repeats - 1));
                // each estimate within 4 sampling sd, their mean within 4 sd/√repeats (+ the O(1/n_s) bias of C⁻¹)
                for (double[][] e : estimates) assertEquals(analytic[a][b], e[a][b], 4 * sd + 1e-12);
                assertEquals(analytic[a][b], mean, 4 * sd / Math.sqrt(repeats) + 0.01 * Math.abs(analytic[a][b]),
                        "F_" + a + b + ": analytic " + analytic[a][b] + ", mean estimate " + mean + " ± " + sd);
                assertTrue(sd < 0.1 * Math.abs(analytic[a][b]) + 0.1, "F_" + a + b + " sampling sd " + sd);
            }
        }
    }

    @Test
    void badParametersAreRejected() {
        GaussianRandomField1D field = new GaussianRandomField1D(8);
        assertThrows(IllegalArgumentException.class, () -> field.simulate(new double[] {0, 1}, new SplittableRandom(1), new double[8]));
        assertThrows(IllegalArgumentException.class, () -> field.simulate(new double[] {1, Double.NaN}, new SplittableRandom(1), new double[8]));
        assertThrows(IllegalArgumentException.class, () -> field.simulate(new double[] {1, 1}, new SplittableRandom(1), new double[7]));
        assertThrows(IllegalArgumentException.class, () -> new GaussianRandomField1D(3));
        assertEquals(java.util.List.of("A", "B"), field.parameterNames());
    }
}
