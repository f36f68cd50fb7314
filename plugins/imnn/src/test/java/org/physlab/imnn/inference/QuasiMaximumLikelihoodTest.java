package org.physlab.imnn.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.imnn.fisher.Compressor;
import org.physlab.imnn.fisher.FisherLoss;
import org.physlab.imnn.fisher.FisherSummary;
import org.physlab.imnn.fisher.Regularisation;
import org.physlab.imnn.fisher.SmallMatrix;
import org.physlab.imnn.simulators.GaussianSimulator;

class QuasiMaximumLikelihoodTest {

    private final GaussianSimulator simulator = new GaussianSimulator(10);

    private double[] data(double[] theta, long seed) {
        double[] d = new double[10];
        simulator.simulate(theta, new SplittableRandom(seed), d);
        return d;
    }

    @Test
    void withExactStatisticsTheEstimateIsTheSampleMeanAndVariance() {
        FisherSummary exact = IdealGaussian.exactStatistics(10);
        for (long seed = 1; seed <= 5; seed++) {
            double[] d = data(new double[] {0.7, 2.5}, seed);
            double[] estimate = QuasiMaximumLikelihood.estimate(exact, IdealGaussian.SUFFICIENT_STATISTICS.summaries(d));
            assertEquals(IdealGaussian.mean(d), estimate[0], 1e-12);
            assertEquals(IdealGaussian.unbiasedVariance(d), estimate[1], 1e-12);
        }
    }

    @Test
    void scoreSummariesGiveTheMeanAndTheMeanSquare() {
        // spec §6: for t = (Σd, Σd²/2) at (0, 1), ∂μ/∂θ = C = F = diag(10, 5), so θ̂ = (mean d, mean d²)
        double[][] f = {{10, 0}, {0, 5}};
        FisherSummary score = new FisherSummary(new double[] {0, 1}, new double[] {0, 5}, f, SmallMatrix.inverse(f), f, f,
                SmallMatrix.inverse(f));
        Compressor scoreSummaries = d -> {
            double s = 0, s2 = 0;
            for (double v : d) {
                s += v;
                s2 += v * v;
            }
            return new double[] {s, s2 / 2};
        };
        double[] d = data(new double[] {0.3, 1.4}, 11);
        double meanSquare = 0;
        for (double v : d) meanSquare += v * v / d.length;
        assertArrayEquals(new double[] {IdealGaussian.mean(d), meanSquare},
                QuasiMaximumLikelihood.estimate(score, scoreSummaries.summaries(d)), 1e-12);
    }

    @Test
    void withStatisticsEstimatedFromSimulationsTheEstimateIsCloseToTheMle() {
        // 1000 fiducial simulations and their chain-rule derivatives through the ideal compressor
        int ns = 1000;
        SplittableRandom rng = new SplittableRandom(2018);
        double[][] summaries = new double[ns][];
        double[][][] derivatives = new double[ns][2][2];
        double[] d = new double[10];
        double[][] dd = new double[2][10];
        for (int i = 0; i < ns; i++) {
            simulator.simulateWithDerivative(simulator.fiducial(), rng, d, dd);
            summaries[i] = IdealGaussian.SUFFICIENT_STATISTICS.summaries(d);
            double m = IdealGaussian.mean(d);
            for (int a = 0; a < 2; a++) {
                // ∂mean/∂θ_a = mean of ∂d/∂θ_a;  ∂s²/∂θ_a = 2/(n−1) Σ (d − m)(∂d_a − mean ∂d_a)
                double md = IdealGaussian.mean(dd[a]);
                double ds2 = 0;
                for (int j = 0; j < 10; j++) ds2 += 2 * (d[j] - m) * (dd[a][j] - md) / 9;
                derivatives[i][a] = new double[] {md, ds2};
            }
        }
        FisherSummary estimated = FisherLoss.evaluate(simulator.fiducial(), summaries, derivatives,
                new Regularisation(10, 0.1)).summary();
        for (long seed = 21; seed <= 25; seed++) {
            double[] target = data(new double[] {0.3, 1.4}, seed);
            double[] estimate = QuasiMaximumLikelihood.estimate(estimated, IdealGaussian.SUFFICIENT_STATISTICS.summaries(target));
            // errors of μ̂ (√(C/1000)) and ∂μ/∂θ (≈1.5 %) from 1000 simulations: 4σ bounds
            assertEquals(IdealGaussian.mean(target), estimate[0], 0.04);
            assertEquals(IdealGaussian.unbiasedVariance(target), estimate[1], 0.07);
        }
        assertArrayEquals(new double[] {Math.sqrt(1 / estimated.fisher()[0][0]), Math.sqrt(1 / estimated.fisher()[1][1])},
                QuasiMaximumLikelihood.standardErrors(estimated), 0.02);
    }

    @Test
    void compressorMapsDataToEstimates() {
        FisherSummary exact = IdealGaussian.exactStatistics(10);
        double[] d = data(new double[] {-0.2, 0.8}, 3);
        assertArrayEquals(QuasiMaximumLikelihood.estimate(exact, IdealGaussian.SUFFICIENT_STATISTICS.summaries(d)),
                QuasiMaximumLikelihood.compressor(exact, IdealGaussian.SUFFICIENT_STATISTICS).summaries(d), 0);
    }

    @Test
    void rejectsSummariesOfTheWrongShapeOrNonFinite() {
        FisherSummary exact = IdealGaussian.exactStatistics(10);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> QuasiMaximumLikelihood.estimate(exact, new double[] {1, 2, 3}));
        assertEquals("expected 2 summaries, got 3", wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QuasiMaximumLikelihood.estimate(exact, new double[] {1, Double.NaN}));
    }
}
