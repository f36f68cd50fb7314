package org.physlab.imnn.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.imnn.fisher.FisherSummary;
import org.physlab.imnn.simulators.GaussianSimulator;

/**
 * Rejection ABC on the tutorial problem with the ideal compressor: with sufficient statistics and a
 * small threshold, the accepted samples must reproduce the exact posterior.
 */
class RejectionAbcTest {

    private final GaussianSimulator simulator = new GaussianSimulator(10);
    private final FisherSummary exact = IdealGaussian.exactStatistics(10);
    private final UniformPrior prior = IdealGaussian.TUTORIAL_PRIOR;

    @Test
    void acceptedSamplesConcentrateOnTheExactPosterior() {
        double[] target = IdealGaussian.observedData();
        AbcResult abc = RejectionAbc.run(simulator, IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target,
                40_000, 0.01, new SplittableRandom(1));
        assertEquals(400, abc.accepted());
        assertEquals(40_000, abc.simulations());
        IdealGaussian.assertMatchesExactPosterior(abc, target, prior);
        // and around the truth (0, 1) with spreads of the order of √F⁻¹ = (0.32, 0.47)
        double[] sigmaF = QuasiMaximumLikelihood.standardErrors(exact);
        double[] mean = abc.mean();
        double[] sd = abc.standardDeviations();
        for (int i = 0; i < 2; i++) {
            assertTrue(Math.abs(mean[i] - simulator.fiducial()[i]) < 3 * sigmaF[i]);
            assertTrue(sd[i] > 0.5 * sigmaF[i] && sd[i] < 1.6 * sigmaF[i], "sd " + sd[i] + " vs √F⁻¹ " + sigmaF[i]);
        }
        // distances ascending, the threshold is the largest accepted one, the target estimate is (mean, s²)
        for (int k = 1; k < abc.accepted(); k++) assertTrue(abc.distances()[k] >= abc.distances()[k - 1]);
        assertEquals(abc.distances()[399], abc.epsilon());
        assertEquals(IdealGaussian.mean(target), abc.targetEstimate()[0], 1e-12);
    }

    @Test
    void withinEpsilonAcceptsExactlyTheCloseDraws() {
        double[] target = IdealGaussian.observedData();
        AbcResult abc = RejectionAbc.runWithin(simulator, IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target,
                5_000, 1.0, new SplittableRandom(2));
        AbcResult all = RejectionAbc.run(simulator, IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target,
                5_000, 1.0, new SplittableRandom(2));
        long close = java.util.Arrays.stream(all.distances()).filter(r -> r < 1.0).count();
        assertEquals(close, abc.accepted());
        assertTrue(abc.accepted() > 50, "accepted " + abc.accepted());
        for (double r : abc.distances()) assertTrue(r < 1.0);
        // every accepted estimate is within ρ < 1 of the target estimate under F = diag(10, 4.5)
        FisherDistance rho = new FisherDistance(exact.fisher());
        for (int k = 0; k < abc.accepted(); k++) {
            assertEquals(abc.distances()[k], rho.between(abc.estimates()[k], abc.targetEstimate()), 1e-12);
        }
    }

    @Test
    void theSameSeedGivesTheSameSamples() {
        AbcResult a = RejectionAbc.run(simulator, IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, IdealGaussian.observedData(), 500, 0.1,
                new SplittableRandom(5));
        AbcResult b = RejectionAbc.run(simulator, IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, IdealGaussian.observedData(), 500, 0.1,
                new SplittableRandom(5));
        assertTrue(java.util.Arrays.deepEquals(a.samples(), b.samples()));
    }

    @Test
    void badInputIsRejectedWithAReason() {
        double[] target = IdealGaussian.observedData();
        SplittableRandom rng = new SplittableRandom(3);
        assertThrows(IllegalArgumentException.class, () -> RejectionAbc.run(simulator,
                IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target, 100, 0, rng));
        assertThrows(IllegalArgumentException.class, () -> RejectionAbc.runWithin(simulator,
                IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target, 100, -1, rng));
        IllegalArgumentException shortData = assertThrows(IllegalArgumentException.class, () -> RejectionAbc.run(simulator,
                IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, new double[3], 100, 0.1, rng));
        assertEquals("target data has 3 points, the simulator makes 10", shortData.getMessage());
        IllegalStateException nan = assertThrows(IllegalStateException.class, () -> RejectionAbc.run(simulator,
                d -> new double[] {Double.NaN, 1}, exact, prior, target, 100, 0.1, rng));
        assertTrue(nan.getMessage().startsWith("the compressor returned non-finite summaries"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RejectionAbc.run(simulator, IdealGaussian.SUFFICIENT_STATISTICS,
                exact, new UniformPrior(new double[] {0}, new double[] {1}), target, 100, 0.1, rng));
    }
}
