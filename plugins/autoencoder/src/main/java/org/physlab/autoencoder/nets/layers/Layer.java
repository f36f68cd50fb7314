package org.physlab.autoencoder.nets.layers;

import java.util.List;

/**
 * A layer of a {@link LayerStack}. Activations are flat float arrays, one example after another, images in
 * NHWC order (row y, column x, channel c of example b at ((b H + y) W + x) C + c). A layer keeps what its
 * backward pass needs from the last training forward pass and owns its output buffers, which stay valid
 * until its next call.
 */
public interface Layer {
    /** Values per example going in. */
    int inputSize();

    /** Values per example coming out. */
    int outputSize();

    /** The output for {@code batch} examples of {@code input}. */
    float[] forward(float[] input, int batch);

    /**
     * From dLoss/dOutput (may be overwritten) of the last forward pass: accumulates nothing, sets the
     * parameter gradients, and returns dLoss/dInput when {@code inputError} is true (else null).
     */
    float[] backward(float[] outputError, int batch, boolean inputError);

    /** Pairs {values, gradient} of the trainable parameters (empty for a pooling layer). */
    List<float[][]> parameters();

    /** A short description, e.g. {@code conv 3x3 64 same (28x28x1 -> 28x28x64)}. */
    String describe();

    /** Grows a buffer to at least n values, keeping it when it is long enough. */
    static float[] ensure(float[] buffer, int n) {
        return buffer != null && buffer.length >= n ? buffer : new float[n];
    }
}
