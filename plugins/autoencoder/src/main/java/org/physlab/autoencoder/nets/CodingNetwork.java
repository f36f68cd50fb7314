package org.physlab.autoencoder.nets;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One half of an autoencoder, the encoder or the decoder: rows in, rows out, trained by the
 * {@link AutoencoderTrainer} with errors that come from outside (the other half and the loss). Two
 * implementations: DL4J's {@code MultiLayerNetwork} for the dense networks ({@link Dl4jCodingNetwork}) and
 * the hand-written convolutional stack of {@link org.physlab.autoencoder.nets.layers.LayerStack} for MNIST,
 * which is an order of magnitude faster on the CPU than DL4J 1.0.0-M2.1's convolution layers (see the
 * plugin README's benchmark section).
 */
public interface CodingNetwork {

    /** Inference: one output row per input row. */
    INDArray output(INDArray input);

    /** Training forward pass; remembers what {@link #backward} needs. */
    INDArray forward(INDArray input);

    /**
     * Back-propagates the error dLoss/dOutput of the last {@link #forward} output, keeps the parameter
     * gradient for {@link #step} and returns dLoss/dInput.
     */
    INDArray backward(INDArray outputError);

    /** One Adam step on the gradient kept by {@link #backward}; {@code iteration} counts from 0. */
    void step(int iteration);

    /** Number of trainable parameters (weights and biases). */
    long parameterCount();
}
