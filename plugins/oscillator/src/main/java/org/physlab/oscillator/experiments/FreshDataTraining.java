package org.physlab.oscillator.experiments;

import java.util.function.IntFunction;
import org.physlab.api.RunContext;
import org.physlab.oscillator.data.CurveBatch;
import org.physlab.oscillator.data.Prefetcher;
import org.physlab.oscillator.nets.NetworkTrainer;

/**
 * The lecture's training loop on fresh data: every batch is newly simulated, the network takes one
 * Adam step on it, and the batch's loss is reported as metric {@code loss} at step = batch number.
 * With two or more Java threads the next batch is simulated on a background thread while the network
 * trains on the current one.
 */
final class FreshDataTraining {
    private FreshDataTraining() { }

    /**
     * @param losses            loss of each batch, before its update
     * @param simulationSeconds time spent making batches (on the background thread when overlapped)
     * @param trainingSeconds   time spent in the network's fit calls
     * @param waitSeconds       time the trainer waited for data
     * @param wallSeconds       time of the whole loop
     */
    record Result(double[] losses, double simulationSeconds, double trainingSeconds, double waitSeconds,
                  double wallSeconds) { }

    static Result train(RunContext run, NetworkTrainer network, int batches, boolean overlap,
                        IntFunction<CurveBatch> nextBatch) {
        double[] losses = new double[batches];
        long fitNanos = 0;
        long waitNanos = 0;
        long start = System.nanoTime();
        double simSeconds;
        try (Prefetcher<CurveBatch> data = new Prefetcher<>(batches, overlap ? 2 : 0,
                "oscillator-data-" + run.runId(), nextBatch)) {
            for (int b = 0; b < batches; b++) {
                run.checkCancelled();
                long t0 = System.nanoTime();
                CurveBatch batch = data.next();
                long t1 = System.nanoTime();
                double loss = network.fit(batch);
                long t2 = System.nanoTime();
                waitNanos += t1 - t0;
                fitNanos += t2 - t1;
                losses[b] = loss;
                run.metric("loss", b + 1, loss);        // fails the run if the loss is NaN or infinite
                run.progress((b + 1) / (double) batches, "batch " + (b + 1) + "/" + batches);
            }
            simSeconds = data.producerSeconds();
        }
        return new Result(losses, simSeconds, fitNanos / 1e9, waitNanos / 1e9, (System.nanoTime() - start) / 1e9);
    }
}
