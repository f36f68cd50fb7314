package org.physlab.oscillator.nets;

import org.physlab.oscillator.data.CurveBatch;

/**
 * A network being trained to read (ω₀, γ, ε) off its inputs, whichever {@link Engine} runs it.
 * Not thread-safe: train and predict from one thread.
 */
public interface NetworkTrainer {

    Engine engine();

    Precision precision();

    /** Number of trainable parameters. */
    long parameterCount();

    /**
     * One Adam step on a batch.
     *
     * @return the batch's loss before the step: sum over the three outputs of the squared error,
     *         averaged over the batch
     */
    double fit(CurveBatch batch);

    /** Predictions (ω₀, γ, ε) for every sample, row-major [size][3], in inference mode (no dropout). */
    double[] predict(CurveBatch batch);

    /** The current parameters in one array, in the engine's own order (to keep the best state). */
    double[] parameters();

    /** Restores parameters saved with {@link #parameters()}. */
    void setParameters(double[] values);

    /** The trained network as a DL4J network with the current weights, for saving and predicting later. */
    ParameterNetwork toModel();
}
