package org.physlab.imnn.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.physlab.imnn.fisher.Compressor;
import org.physlab.imnn.fisher.FisherSummary;
import org.physlab.imnn.simulators.Simulator;

/**
 * Rejection approximate Bayesian computation (imnn's {@code ApproximateBayesianComputation}): draw θ
 * from the prior, simulate, compress to a QML estimate θ̂ and keep the draws whose Fisher distance
 * ρ = √((θ̂ − θ̂_t)ᵀ F (θ̂ − θ̂_t)) to the target's estimate θ̂_t is small, either the closest quantile
 * ({@link #run}) or all within a fixed ε ({@link #runWithin}).
 *
 * <pre>{@code
 * AbcResult abc = RejectionAbc.run(simulator, network, fisher, prior, observed, 20_000, 0.02, rng);
 * double[] posteriorMean = abc.mean();
 * }</pre>
 */
public final class RejectionAbc {

    private RejectionAbc() { }

    /**
     * Keeps the closest {@code ceil(acceptQuantile · draws)} of {@code draws} prior draws.
     *
     * @param compressor     data → summaries (e.g. the trained network); the summaries are turned into
     *                       QML estimates with {@code fisher}
     * @param acceptQuantile share of draws to accept, in (0, 1]
     */
    public static AbcResult run(Simulator simulator, Compressor compressor, FisherSummary fisher, UniformPrior prior,
                                double[] targetData, int draws, double acceptQuantile, RandomGenerator rng) {
        if (!(acceptQuantile > 0 && acceptQuantile <= 1)) {
            throw new IllegalArgumentException("the accepted quantile must be in (0, 1], got " + acceptQuantile);
        }
        AbcModel model = new AbcModel(simulator, compressor, fisher, prior, targetData);
        List<AbcModel.Evaluation> all = simulateAll(model, prior, draws, rng);
        int keep = (int) Math.max(1, Math.ceil(acceptQuantile * draws));
        List<AbcModel.Evaluation> accepted = all.subList(0, keep);
        return result(accepted, draws, accepted.get(keep - 1).distance(), model.targetEstimate());
    }

    /** Keeps every one of {@code draws} prior draws with ρ < ε (possibly none). */
    public static AbcResult runWithin(Simulator simulator, Compressor compressor, FisherSummary fisher, UniformPrior prior,
                                      double[] targetData, int draws, double epsilon, RandomGenerator rng) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("ε must be a positive distance, got " + epsilon);
        }
        AbcModel model = new AbcModel(simulator, compressor, fisher, prior, targetData);
        List<AbcModel.Evaluation> all = simulateAll(model, prior, draws, rng);
        List<AbcModel.Evaluation> accepted = new ArrayList<>();
        for (AbcModel.Evaluation e : all) if (e.distance() < epsilon) accepted.add(e);
        return result(accepted, draws, epsilon, model.targetEstimate());
    }

    private static List<AbcModel.Evaluation> simulateAll(AbcModel model, UniformPrior prior, int draws, RandomGenerator rng) {
        if (draws < 1) throw new IllegalArgumentException("ABC needs at least one draw, got " + draws);
        List<AbcModel.Evaluation> all = new ArrayList<>(draws);
        for (int k = 0; k < draws; k++) all.add(model.evaluate(prior.sample(rng), rng));
        all.sort(Comparator.comparingDouble(AbcModel.Evaluation::distance));
        return all;
    }

    static AbcResult result(List<AbcModel.Evaluation> accepted, int simulations, double epsilon, double[] targetEstimate) {
        int n = accepted.size();
        double[][] samples = new double[n][];
        double[][] estimates = new double[n][];
        double[] distances = new double[n];
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            samples[k] = accepted.get(k).theta().clone();
            estimates[k] = accepted.get(k).estimate().clone();
            distances[k] = accepted.get(k).distance();
        }
        Arrays.fill(weights, n == 0 ? 0 : 1.0 / n);
        return new AbcResult(samples, distances, simulations, estimates, weights, epsilon, targetEstimate, List.of());
    }
}
