package org.physlab.imnn.fisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.imnn.simulators.GaussianSimulator;

class FisherLossTest {
    private static final Regularisation TUTORIAL = new Regularisation(10, 0.1);
    private static final double[] FIDUCIAL = {0, 1};

    /** The score at the fiducial, t = (Σd, Σd²/2), with chain-rule derivatives, for n_s simulations. */
    private static FisherLoss idealLoss(int ns, long seed) {
        GaussianSimulator sim = new GaussianSimulator(10);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[ns][2];
        double[][][] d = new double[ns][2][2];
        double[] data = new double[10];
        double[][] dd = new double[2][10];
        for (int i = 0; i < ns; i++) {
            sim.simulateWithDerivative(FIDUCIAL, rng, data, dd);
            for (int j = 0; j < 10; j++) {
                x[i][0] += data[j];
                x[i][1] += data[j] * data[j] / 2;
                for (int k = 0; k < 2; k++) {
                    d[i][k][0] += dd[k][j];
                    d[i][k][1] += data[j] * dd[k][j];
                }
            }
        }
        return FisherLoss.evaluate(FIDUCIAL, x, d, TUTORIAL);
    }

    @Test
    void theScoreSummariesOf1000SimulationsCarryAboutTheFullFisherInformationOf50() {
        // spec §7: det F of the exact score on n_s = n_d = 1000 is 50.18 ± 3.33 over repeats
        FisherLoss one = idealLoss(1000, 42);
        assertEquals(50.18, one.detF(), 3 * 3.33, "one draw within 3 sigma");
        double sum = 0;
        int repeats = 40;
        for (int r = 0; r < repeats; r++) sum += idealLoss(1000, 1000 + r).detF();
        double mean = sum / repeats;
        assertEquals(50.18, mean, 3 * 3.33 / Math.sqrt(repeats), "mean of " + repeats + " draws");
        // for the score, ∂μ/∂θ = C = F
        FisherSummary f = one.summary();
        assertEquals(10.0, f.fisher()[0][0], 1.5);
        assertEquals(5.0, f.fisher()[1][1], 1.0);
        assertEquals(0.0, f.fisher()[0][1], 1.0);
    }

    @Test
    void manySimulationsOfTheScoreConvergeOnTheAnalyticFisherMatrix() {
        FisherLoss big = idealLoss(100_000, 5);
        assertEquals(50.0, big.detF(), 1.5);
    }

    @Test
    void theStatisticsAreTheMeanUnbiasedCovarianceAndFisherOfHandSetSummaries() {
        double[][] x = {{1, 0}, {-1, 0}, {0, 2}, {0, -2}};
        double[][][] d = {{{2, 0}, {0, 4}}, {{0, 0}, {0, 0}}};   // mean ∂μ/∂θ = diag(1, 2)
        FisherLoss loss = FisherLoss.evaluate(FIDUCIAL, x, d, TUTORIAL);
        FisherSummary s = loss.summary();
        assertEquals(0.0, s.mean()[0], 0.0);
        assertEquals(2.0 / 3, s.covariance()[0][0], 1e-15);
        assertEquals(8.0 / 3, s.covariance()[1][1], 1e-15);
        assertEquals(0.0, s.covariance()[0][1], 1e-15);
        assertEquals(1.5, s.fisher()[0][0], 1e-14);          // 1²/(2/3)
        assertEquals(1.5, s.fisher()[1][1], 1e-14);          // 2²/(8/3)
        assertEquals(2.25, loss.detF(), 1e-13);
        assertEquals(16.0 / 9, loss.detC(), 1e-13);
        assertEquals(9.0 / 16, loss.detInvC(), 1e-13);
        double l2 = Math.hypot(1.0 / 3, 5.0 / 3) + Math.hypot(0.5, 5.0 / 8);
        assertEquals(l2, loss.lambda2(), 1e-14);
        assertEquals(-Math.log(2.25) + TUTORIAL.strength(l2) * l2, loss.loss(), 1e-13);
    }

    @Test
    void theClosedFormGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(11);
        int ns = 12;
        double[][] x = new double[ns][2];
        double[][][] d = new double[5][2][2];
        for (double[] row : x) { row[0] = 1.3 * rng.nextGaussian(); row[1] = 0.4 * rng.nextGaussian() + 0.5 * row[0]; }
        for (double[][] di : d) for (double[] row : di) { row[0] = 1 + rng.nextGaussian(); row[1] = rng.nextGaussian() - 0.5; }
        FisherLoss.Gradient g = FisherLoss.evaluate(FIDUCIAL, x, d, TUTORIAL).gradient();
        double h = 1e-6;
        for (int i = 0; i < ns; i++) {
            for (int a = 0; a < 2; a++) {
                double keep = x[i][a];
                x[i][a] = keep + h;
                double up = FisherLoss.evaluate(FIDUCIAL, x, d, TUTORIAL).loss();
                x[i][a] = keep - h;
                double down = FisherLoss.evaluate(FIDUCIAL, x, d, TUTORIAL).loss();
                x[i][a] = keep;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, g.summaries()[i][a], 1e-6 * Math.max(1, Math.abs(fd)), "∂Λ/∂x[" + i + "][" + a + "]");
            }
        }
        for (int i = 0; i < d.length; i++) {
            for (int k = 0; k < 2; k++) {
                for (int a = 0; a < 2; a++) {
                    double keep = d[i][k][a];
                    d[i][k][a] = keep + h;
                    double up = FisherLoss.evaluate(FIDUCIAL, x, d, TUTORIAL).loss();
                    d[i][k][a] = keep - h;
                    double down = FisherLoss.evaluate(FIDUCIAL, x, d, TUTORIAL).loss();
                    d[i][k][a] = keep;
                    double fd = (up - down) / (2 * h);
                    assertEquals(fd, g.derivative()[k][a], 1e-6 * Math.max(1, Math.abs(fd)), "∂Λ/∂D[" + i + "][" + k + "][" + a + "]");
                }
            }
        }
    }

    @Test
    void tooFewSimulationsForAnInvertibleCovarianceAreRejected() {
        double[][] x = {{1, 2}, {3, 4}};
        double[][][] d = {{{1, 0}, {0, 1}}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FisherLoss.evaluate(FIDUCIAL, x, d, TUTORIAL));
        assertTrue(e.getMessage().contains("at least 3 simulations"), e.getMessage());
    }

    @Test
    void aNaNSummaryIsAClearError() {
        double[][] x = {{1, 2}, {3, Double.NaN}, {0, 1}};
        double[][][] d = {{{1, 0}, {0, 1}}};
        assertThrows(ArithmeticException.class, () -> FisherLoss.evaluate(FIDUCIAL, x, d, TUTORIAL));
    }
}
