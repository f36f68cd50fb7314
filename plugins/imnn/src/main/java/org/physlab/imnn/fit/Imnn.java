package org.physlab.imnn.fit;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.physlab.imnn.fisher.Compressor;
import org.physlab.imnn.fisher.FisherLoss;
import org.physlab.imnn.fisher.FisherSummary;
import org.physlab.imnn.network.Adam;
import org.physlab.imnn.network.DenseNetwork;

/**
 * An information maximising neural network (Charnock, Lavaux and Wandelt 2018): a network whose
 * summaries are trained to maximise det F = det((∂μ/∂θ) C⁻¹ (∂μ/∂θ)ᵀ) while the covariance C is held
 * near the identity, with the fitting loop, early stopping and history of the imnn package (spec §4–§5).
 * Not thread-safe: one fit at a time.
 */
public final class Imnn {
    private final DenseNetwork network;
    private final Adam adam;
    private final History history = new History();
    private List<INDArray> finalWeights;
    private FisherSummary statistics;

    public Imnn(DenseNetwork network, Adam adam) {
        this.network = network;
        this.adam = adam;
    }

    public DenseNetwork network() { return network; }

    public History history() { return history; }

    /** The statistics frozen by the last fit (for estimates), or null before any fit. */
    public FisherSummary statistics() { return statistics; }

    /** Called after every iteration, e.g. to log metrics or stop a cancelled run (by throwing). */
    @FunctionalInterface
    public interface IterationListener {
        /** @param validation null without a validation set */
        void iteration(int iteration, IterationStatistics training, IterationStatistics validation);
    }

    /**
     * Fits until patience runs out or maxIterations is reached (spec §4). The training statistics of an
     * iteration belong to the weights before its Adam step, the validation ones to the weights after it;
     * the early-stopping quantity is the validation det F (the training one without validation), and the
     * best weights are the post-update ones of its maximum. Afterwards the network holds the best weights
     * (or the final ones without {@code keepBest}) and {@link #statistics()} is computed with them on the
     * validation set, or on fresh training simulations without one.
     *
     * @param validation null for none
     * @throws IllegalStateException if the loss or the statistics stop being finite (an exploding fit)
     */
    public FitResult fit(TrainingSource training, SimulationSet validation, FitSettings settings, IterationListener listener) {
        if (finalWeights != null) network.restore(finalWeights);
        double maxDetF = history.maxDetF();
        List<INDArray> bestWeights = null;
        int bestIteration = -1;
        int counter = 0;
        int patienceCounter = 0;
        while (patienceCounter < settings.patience() && counter < settings.maxIterations()) {
            SimulationSet set = training.next(counter);
            FisherLoss loss;
            List<INDArray> gradient;
            try {
                LossAndGradient lg = lossAndGradient(set, settings);
                loss = lg.loss;
                gradient = lg.gradient;
            } catch (ArithmeticException e) {
                throw diverged(counter, "training", e);
            }
            if (!Double.isFinite(loss.loss())) throw diverged(counter, "training", new ArithmeticException("loss " + loss.loss()));
            adam.step(network.parameters(), gradient, counter);
            IterationStatistics train = IterationStatistics.of(loss);
            IterationStatistics val = null;
            if (validation != null) {
                try {
                    val = IterationStatistics.of(evaluate(validation, settings));
                } catch (ArithmeticException e) {
                    throw diverged(counter, "validation", e);
                }
            }
            history.add(train, val);
            double detF = val != null ? val.detF() : train.detF();
            if (detF > maxDetF) {
                patienceCounter = 0;
                maxDetF = detF;
                bestWeights = network.snapshot();
                bestIteration = counter;
            } else if (counter > settings.minIterations()) {
                patienceCounter++;
            }
            if (listener != null) listener.iteration(counter, train, val);
            counter++;
        }
        history.maxDetF(maxDetF);
        finalWeights = network.snapshot();
        if (settings.keepBest() && bestWeights != null) network.restore(bestWeights);
        try {
            statistics = evaluate(validation != null ? validation : training.next(counter), settings).summary();
        } catch (ArithmeticException e) {
            throw diverged(counter, "final statistics", e);
        }
        return new FitResult(counter, bestIteration, maxDetF, patienceCounter >= settings.patience(), statistics);
    }

    private static IllegalStateException diverged(int iteration, String where, ArithmeticException e) {
        return new IllegalStateException("the fit diverged at iteration " + iteration + " (" + where + " statistics): "
                + e.getMessage() + "; try a smaller learning rate or a larger lambda", e);
    }

    /** The loss (statistics) of the current weights on a set, without a gradient. */
    public FisherLoss evaluate(SimulationSet set, FitSettings settings) {
        int n = set.size();
        int s = network.outputSize();
        int p = set.fiducial().length;
        double[][] x = new double[n][];
        double[][][] d = new double[n][p][s];
        for (int from = 0; from < n; from += chunkSize(n, settings)) {
            SimulationSet.Chunk c = set.chunk(from, Math.min(n, from + chunkSize(n, settings)));
            c.readSummaries(pass(c).output(), x, d);
        }
        return FisherLoss.evaluate(set.fiducial(), x, d, settings.regularisation());
    }

    private record LossAndGradient(FisherLoss loss, List<INDArray> gradient) { }

    /**
     * Loss and weight gradient. Unchunked: one forward pass whose activations serve the backward sweep.
     * Chunked (aggregated): pass 1 gathers the summaries chunk by chunk, the loss gradient with respect
     * to them is computed once, and pass 2 recomputes each chunk and sums its weight gradients.
     */
    private LossAndGradient lossAndGradient(SimulationSet set, FitSettings settings) {
        int n = set.size();
        int chunk = chunkSize(n, settings);
        if (chunk >= n) {
            SimulationSet.Chunk c = set.chunk(0, n);
            DenseNetwork.Pass pass = pass(c);
            double[][] x = new double[n][];
            double[][][] d = new double[n][set.fiducial().length][network.outputSize()];
            c.readSummaries(pass.output(), x, d);
            FisherLoss loss = FisherLoss.evaluate(set.fiducial(), x, d, settings.regularisation());
            return new LossAndGradient(loss, network.backward(pass, c.outputGradient(loss.gradient(), network.dataType())));
        }
        FisherLoss loss = evaluate(set, settings);
        FisherLoss.Gradient g = loss.gradient();
        List<INDArray> sum = null;
        for (int from = 0; from < n; from += chunk) {
            SimulationSet.Chunk c = set.chunk(from, Math.min(n, from + chunk));
            List<INDArray> part = network.backward(pass(c), c.outputGradient(g, network.dataType()));
            if (sum == null) sum = new ArrayList<>(part);
            else for (int k = 0; k < sum.size(); k++) sum.get(k).addi(part.get(k));
        }
        return new LossAndGradient(loss, sum);
    }

    private DenseNetwork.Pass pass(SimulationSet.Chunk c) {
        return c.tangents() != null ? network.forwardWithTangents(c.input(), c.tangents()) : network.forwardIndependent(c.input());
    }

    private static int chunkSize(int n, FitSettings settings) {
        return settings.nPerChunk() <= 0 ? n : Math.min(n, settings.nPerChunk());
    }

    /** The summaries of many data sets at once (rows), with the current weights. */
    public double[][] summaries(double[][] data) {
        return DenseNetwork.toRows(network.forward(network.rows(data)));
    }

    /** The network as a compressor of one data set, with the current weights. */
    public Compressor compressor() {
        return data -> summaries(new double[][] {data})[0];
    }
}
