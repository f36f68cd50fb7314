package org.physlab.imnn.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.physlab.imnn.fisher.FisherLoss;
import org.physlab.imnn.fisher.Regularisation;
import org.physlab.imnn.network.Adam;
import org.physlab.imnn.network.DenseNetwork;
import org.physlab.imnn.simulators.GaussianSimulator;
import org.physlab.imnn.simulators.Simulator;

class ImnnTest {
    private static final GaussianSimulator TUTORIAL = new GaussianSimulator(10);
    private static final double[] FIDUCIAL = {0, 1};

    private static Imnn small(long seed, DataType type) {
        return new Imnn(DenseNetwork.initialised(new int[] {10, 16, 16, 2}, type, new SplittableRandom(seed)), new Adam(1e-3));
    }

    @Test
    void theAggregatedComputationEqualsTheUnchunkedOneToRounding() {
        SimulationSet training = SimulationSet.withDerivatives(TUTORIAL, FIDUCIAL, 100, new SplittableRandom(1), DataType.DOUBLE);
        SimulationSet validation = SimulationSet.withDerivatives(TUTORIAL, FIDUCIAL, 100, new SplittableRandom(2), DataType.DOUBLE);
        FitSettings settings = new FitSettings(new Regularisation(10, 0.1), 5, 0, 20, true, 0);
        Imnn whole = small(3, DataType.DOUBLE);
        Imnn chunked = small(3, DataType.DOUBLE);
        FitResult a = whole.fit(TrainingSource.fixed(training), validation, settings, null);
        FitResult b = chunked.fit(TrainingSource.fixed(training), validation, settings.withChunks(30), null);
        assertEquals(a.iterations(), b.iterations());
        assertArrayEquals(whole.history().training(IterationStatistics::loss), chunked.history().training(IterationStatistics::loss), 1e-9);
        assertArrayEquals(whole.history().validation(IterationStatistics::detF), chunked.history().validation(IterationStatistics::detF), 1e-9);
        List<INDArray> wa = whole.network().parameters();
        List<INDArray> wb = chunked.network().parameters();
        // The output bias is left out: its gradient Σᵢ ∂Λ/∂xⁱ vanishes exactly (Σᵢ(xⁱ − μ) = 0), so what
        // Adam does with it is normalised rounding noise; a shift of every summary changes no statistic.
        for (int k = 0; k < wa.size() - 1; k++) assertTrue(wa.get(k).equalsWithEps(wb.get(k), 1e-10), "parameter array " + k);
        assertEquals(a.statistics().detF(), b.statistics().detF(), 1e-9 * a.statistics().detF());
    }

    @Test
    void seedMatchedFiniteDifferencesAgreeWithTheTangentsOfTheSameSimulations() {
        Imnn imnn = small(4, DataType.DOUBLE);
        FitSettings settings = FitSettings.tutorial();
        SimulationSet exact = SimulationSet.withDerivatives(TUTORIAL, FIDUCIAL, 200, new SplittableRandom(5), DataType.DOUBLE);
        SimulationSet numerical = SimulationSet.seedMatched(TUTORIAL, FIDUCIAL, new double[] {1e-4, 1e-4}, 200,
                new SplittableRandom(5), DataType.DOUBLE);
        assertTrue(exact.data().equalsWithEps(numerical.data(), 0), "the same seeds give the same fiducial simulations");
        FisherLoss e = imnn.evaluate(exact, settings);
        FisherLoss n = imnn.evaluate(numerical, settings);
        assertEquals(e.detC(), n.detC(), 1e-12);
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(e.summary().meanDerivative()[k], n.summary().meanDerivative()[k], 1e-6);
        }
    }

    @Test
    void earlyStoppingCountsPatienceOnlyAfterMinIterationsAndKeepsTheBestValidationWeights() {
        SimulationSet training = SimulationSet.withDerivatives(TUTORIAL, FIDUCIAL, 200, new SplittableRandom(6), DataType.DOUBLE);
        SimulationSet validation = SimulationSet.withDerivatives(TUTORIAL, FIDUCIAL, 200, new SplittableRandom(7), DataType.DOUBLE);
        Imnn imnn = new Imnn(DenseNetwork.initialised(new int[] {10, 16, 2}, DataType.DOUBLE, new SplittableRandom(8)), new Adam(0.05));
        FitSettings settings = new FitSettings(new Regularisation(10, 0.1), 3, 5, 300, true, 0);
        FitResult r = imnn.fit(TrainingSource.fixed(training), validation, settings, null);
        double[] valDetF = imnn.history().validation(IterationStatistics::detF);
        assertEquals(r.iterations(), valDetF.length);
        assertEquals(r.iterations(), imnn.history().size());
        int best = 0;
        for (int i = 1; i < valDetF.length; i++) if (valDetF[i] > valDetF[best]) best = i;
        assertEquals(best, r.bestIteration());
        assertEquals(valDetF[best], r.maxDetF(), 0.0);
        if (r.stoppedEarly()) {
            // patience counts iterations after max(best, minIterations) strictly
            assertEquals(Math.max(best, settings.minIterations()) + settings.patience() + 1, r.iterations());
        } else {
            assertEquals(settings.maxIterations(), r.iterations());
        }
        // the kept weights are the best validation weights: recomputing gives the frozen statistics
        assertEquals(r.maxDetF(), imnn.evaluate(validation, settings).detF(), 1e-9 * r.maxDetF());
        assertEquals(r.maxDetF(), r.statistics().detF(), 1e-9 * r.maxDetF());
        // a second fit appends to the history and carries the best det F
        FitResult again = imnn.fit(TrainingSource.fixed(training), validation, settings.withIterations(0, 4), null);
        assertEquals(r.iterations() + again.iterations(), imnn.history().size());
        assertTrue(imnn.history().maxDetF() >= r.maxDetF());
    }

    @Test
    void aSimulatorReturningNaNFailsWithTheReason() {
        Simulator broken = new Simulator() {
            public int dataSize() { return 10; }
            public int parameterCount() { return 2; }
            public List<String> parameterNames() { return List.of("mu", "Sigma"); }
            public double[] fiducial() { return FIDUCIAL.clone(); }
            public void simulate(double[] theta, RandomGenerator rng, double[] out) {
                TUTORIAL.simulate(theta, rng, out);
                out[3] = Double.NaN;
            }
            public void simulateWithDerivative(double[] theta, RandomGenerator rng, double[] out, double[][] d) {
                TUTORIAL.simulateWithDerivative(theta, rng, out, d);
                out[3] = Double.NaN;
            }
            public Optional<double[][]> analyticFisher(double[] theta) { return Optional.empty(); }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SimulationSet.withDerivatives(broken, FIDUCIAL, 10, new SplittableRandom(1), DataType.FLOAT));
        assertTrue(e.getMessage().contains("non-finite simulation value (NaN) for simulation 0"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> SimulationSet.seedMatched(broken, FIDUCIAL, new double[] {0.1, 0.1}, 10, new SplittableRandom(1), DataType.FLOAT));
    }

    @Test
    void anExplodingFitFailsWithTheIterationAndAHint() {
        SimulationSet training = SimulationSet.withDerivatives(TUTORIAL, FIDUCIAL, 50, new SplittableRandom(9), DataType.DOUBLE);
        Imnn imnn = new Imnn(DenseNetwork.initialised(new int[] {10, 16, 2}, DataType.DOUBLE, new SplittableRandom(10)), new Adam(1e100));
        FitSettings settings = new FitSettings(new Regularisation(10, 0.1), 10, 0, 200, true, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> imnn.fit(TrainingSource.fixed(training), null, settings, null));
        assertTrue(e.getMessage().startsWith("the fit diverged at iteration "), e.getMessage());
    }
}
