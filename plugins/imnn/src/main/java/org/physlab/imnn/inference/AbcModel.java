package org.physlab.imnn.inference;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.physlab.imnn.fisher.Compressor;
import org.physlab.imnn.fisher.FisherSummary;
import org.physlab.imnn.simulators.Simulator;

/**
 * What every ABC step does with a proposed θ: simulate, compress, turn the summaries into a QML
 * parameter estimate and measure its Fisher distance to the target's estimate.
 */
final class AbcModel {

    /** One simulated proposal. */
    record Evaluation(double[] theta, double[] estimate, double distance) { }

    private final Simulator simulator;
    private final Compressor compressor;
    private final FisherSummary fisher;
    private final FisherDistance distance;
    private final double[] targetEstimate;
    private final double[] buffer;

    AbcModel(Simulator simulator, Compressor compressor, FisherSummary fisher, UniformPrior prior, double[] targetData) {
        if (simulator == null || compressor == null || fisher == null || prior == null || targetData == null) {
            throw new IllegalArgumentException("simulator, compressor, Fisher statistics, prior and target data are all required");
        }
        int p = simulator.parameterCount();
        if (prior.dimension() != p || fisher.thetaFid().length != p) {
            throw new IllegalArgumentException("the simulator has " + p + " parameters, the prior " + prior.dimension()
                    + ", the Fisher statistics " + fisher.thetaFid().length);
        }
        if (targetData.length != simulator.dataSize()) {
            throw new IllegalArgumentException("target data has " + targetData.length + " points, the simulator makes "
                    + simulator.dataSize());
        }
        for (double v : targetData) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("target data contain a non-finite value: " + v);
        }
        this.simulator = simulator;
        this.compressor = compressor;
        this.fisher = fisher;
        this.distance = new FisherDistance(fisher.fisher());
        this.targetEstimate = estimateOf(targetData, "the target data");
        this.buffer = new double[simulator.dataSize()];
    }

    double[] targetEstimate() {
        return targetEstimate.clone();
    }

    Evaluation evaluate(double[] theta, RandomGenerator rng) {
        simulator.simulate(theta, rng, buffer);
        double[] estimate = estimateOf(buffer, "a simulation at θ = " + Arrays.toString(theta));
        return new Evaluation(theta, estimate, distance.between(estimate, targetEstimate));
    }

    private double[] estimateOf(double[] data, String what) {
        double[] summaries = compressor.summaries(data);
        for (double s : summaries) {
            if (!Double.isFinite(s)) {
                throw new IllegalStateException("the compressor returned non-finite summaries "
                        + Arrays.toString(summaries) + " for " + what);
            }
        }
        return QuasiMaximumLikelihood.estimate(fisher, summaries);
    }
}
