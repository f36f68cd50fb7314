package org.physlab.imnn.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.imnn.fisher.FisherSummary;
import org.physlab.imnn.simulators.GaussianSimulator;

/**
 * PMC-ABC on the tutorial problem with the ideal compressor, and one test per upstream defect
 * (spec §9.4) showing this version does the right thing.
 */
class PopulationMonteCarloTest {

    private final GaussianSimulator simulator = new GaussianSimulator(10);
    private final FisherSummary exact = IdealGaussian.exactStatistics(10);
    private final UniformPrior prior = IdealGaussian.TUTORIAL_PRIOR;

    @Test
    void thePopulationConvergesOnTheExactPosterior() {
        double[] target = IdealGaussian.observedData();
        AbcResult pmc = PopulationMonteCarlo.run(simulator, IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target,
                1000, 0.05, new SplittableRandom(11));
        assertEquals(1000, pmc.accepted());
        IdealGaussian.assertMatchesExactPosterior(pmc, target, prior);
        assertTrue(pmc.effectiveSampleSize() > 300, "ESS " + pmc.effectiveSampleSize());
        assertTrue(pmc.epsilon() < 0.25 * pmc.iterations().get(0).epsilon(), "final ε " + pmc.epsilon());
    }

    @Test
    void everyIterationMovesAShareOfThePopulationAndTightensTheThreshold() {
        // upstream (percentile=None) moved one particle per iteration and its tutorial run stopped after
        // one iteration with acceptance 0 ("it effectively did nothing")
        AbcResult pmc = PopulationMonteCarlo.run(simulator, IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, IdealGaussian.observedData(),
                400, 0.1, new SplittableRandom(12));
        List<PmcIteration> its = pmc.iterations();
        assertTrue(its.size() >= 4, "iterations " + its.size());
        assertEquals(800, its.get(0).proposals());
        int total = 0;
        for (int k = 0; k < its.size(); k++) {
            PmcIteration it = its.get(k);
            total += it.proposals();
            assertEquals(total, it.simulations());
            if (k > 0) {
                assertEquals(400, it.proposals());
                assertTrue(it.epsilon() <= its.get(k - 1).epsilon());
                assertTrue(it.acceptanceRate() > 0 || k == its.size() - 1);
            }
        }
        assertEquals(total, pmc.simulations());
        assertTrue(its.get(its.size() - 1).acceptanceRate() <= 0.1);
        assertTrue(its.get(its.size() - 1).epsilon() < 0.5 * its.get(0).epsilon());
        for (double[] theta : pmc.samples()) assertTrue(prior.contains(theta));
    }

    @Test
    void theKernelCovarianceIsTwiceTheMeanCentredWeightedCovariance() {
        // far from the origin: the upstream Σw²θθᵀ/Σw² would be ≈ θθᵀ ≈ 100s, not the spread
        double[][] thetas = {{10, 20}, {11, 20}, {10, 22}, {12, 23}};
        double[] w = {0.1, 0.2, 0.3, 0.4};
        double[] m = {10 * 0.4 + 11 * 0.2 + 12 * 0.4, 20 * 0.3 + 22 * 0.3 + 23 * 0.4};
        double[][] expected = new double[2][2];
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) expected[i][j] += 2 * w[k] * (thetas[k][i] - m[i]) * (thetas[k][j] - m[j]);
            }
        }
        UniformPrior box = new UniformPrior(new double[] {0, 0}, new double[] {30, 30});
        double[][] c = PopulationMonteCarlo.proposalCovariance(thetas, w, box);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) assertEquals(expected[i][j], c[i][j], 1e-12);
        // e.g. Var θ₀: m₀ = 11, so 2·(0.1·1 + 0.2·0 + 0.3·1 + 0.4·1) = 1.6
        assertEquals(1.6, c[0][0], 1e-12);
    }

    @Test
    void theImportanceWeightDividesByTheKernelMixtureAtTheNewPoint() {
        double[][] thetas = {{0, 1}, {1, 2}};
        double[] w = {0.25, 0.75};
        double[][] sigma = {{0.5, 0.2}, {0.2, 0.4}};
        MultivariateNormal kernel = new MultivariateNormal(sigma);
        UniformPrior box = new UniformPrior(new double[] {-2, -1}, new double[] {3, 4});
        double[] theta = {0.3, 1.1};
        double det = 0.5 * 0.4 - 0.04;
        double mixture = 0;
        for (int j = 0; j < 2; j++) {
            double dx = theta[0] - thetas[j][0], dy = theta[1] - thetas[j][1];
            double q = (0.4 * dx * dx - 2 * 0.2 * dx * dy + 0.5 * dy * dy) / det;
            mixture += w[j] * Math.exp(-q / 2) / (2 * Math.PI * Math.sqrt(det));
        }
        assertEquals((1.0 / 25) / mixture, PopulationMonteCarlo.importanceWeight(theta, thetas, w, kernel, box), 1e-12);
        // two points of equal prior density get different weights (upstream's were all prior ratios, i.e. equal)
        double near = PopulationMonteCarlo.importanceWeight(new double[] {1, 2}, thetas, w, kernel, box);
        double far = PopulationMonteCarlo.importanceWeight(new double[] {-1.5, 3.5}, thetas, w, kernel, box);
        assertNotEquals(near, far);
        assertTrue(far > 100 * near, "a point the proposal rarely reaches must weigh more");
        assertEquals(0, PopulationMonteCarlo.importanceWeight(new double[] {5, 0}, thetas, w, kernel, box));
    }

    @Test
    void proposalsHaveTheKernelCovarianceForCorrelatedParameters() {
        // upstream's u·L (row vector) gives LᵀL: for this Σ that is [[1.64, 0.48], [0.48, 0.36]]
        double[][] sigma = {{1.0, 0.8}, {0.8, 1.0}};
        MultivariateNormal kernel = new MultivariateNormal(sigma);
        SplittableRandom rng = new SplittableRandom(4);
        int n = 200_000;
        double[][] draws = new double[n][];
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        for (int k = 0; k < n; k++) draws[k] = kernel.draw(new double[] {3, -2}, rng);
        double[] mean = Weighted.mean(draws, w);
        double[][] c = Weighted.covariance(draws, w);
        assertEquals(3, mean[0], 0.01);
        assertEquals(-2, mean[1], 0.01);
        assertEquals(1.0, c[0][0], 0.015);
        assertEquals(0.8, c[0][1], 0.015);
        assertEquals(1.0, c[1][1], 0.015);
    }

    @Test
    void proposalsStayInsideThePriorBox() {
        UniformPrior box = new UniformPrior(new double[] {0, 0}, new double[] {1, 1});
        double[][] thetas = {{0, 0}, {1, 1}};   // ancestors on corners: most raw kernel draws fall outside
        double[] w = {0.5, 0.5};
        MultivariateNormal kernel = new MultivariateNormal(new double[][] {{0.5, 0}, {0, 0.5}});
        SplittableRandom rng = new SplittableRandom(6);
        for (int k = 0; k < 2000; k++) assertTrue(box.contains(PopulationMonteCarlo.propose(thetas, w, kernel, box, rng)));
    }

    @Test
    void badSettingsAreRejected() {
        double[] target = IdealGaussian.observedData();
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> PopulationMonteCarlo.run(simulator,
                IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target, 1, 0.05, rng));
        assertThrows(IllegalArgumentException.class, () -> PopulationMonteCarlo.run(simulator,
                IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target, 100, 1.0, rng));
        assertThrows(IllegalArgumentException.class, () -> PopulationMonteCarlo.run(simulator,
                IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target, 100, 0.05, 1.0, 10, rng));
        assertThrows(IllegalArgumentException.class, () -> PopulationMonteCarlo.run(simulator,
                IdealGaussian.SUFFICIENT_STATISTICS, exact, prior, target, 100, 0.05, 0.5, 0, rng));
    }
}
