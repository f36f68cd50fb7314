package org.physlab.autoencoder.nets.layers;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What the dense, convolution and transposed-convolution layers share: a weight matrix and one bias per output
 * channel with their gradients, three matrix-product sites (forward, dW, dx), and
 * <pre>
 *   y = act(p + b)               over every position of every example (p: the layer's linear part)
 *   dp = dy * act'(y),  db = sum over positions of dp
 * </pre>
 */
abstract class WeightedLayer implements Layer {
    final Activation activation;
    final float[] weights;
    final float[] bias;
    final float[] weightGradient;
    final float[] biasGradient;
    final Gemm forwardProduct = new Gemm();
    final Gemm weightProduct = new Gemm();
    final Gemm inputProduct = new Gemm();

    /** Glorot-uniform weights (fan in and out as given), zero biases. */
    WeightedLayer(int weightCount, int fanIn, int fanOut, int channels, Activation activation, RandomGenerator random) {
        this.activation = activation;
        this.weights = LayerStack.glorotUniform(weightCount, fanIn, fanOut, random);
        this.bias = new float[channels];
        this.weightGradient = new float[weightCount];
        this.biasGradient = new float[channels];
    }

    /** y = act(y + b) on the first n values of y, channel fastest. */
    final void addBiasAndActivate(float[] y, int n) {
        int channels = bias.length;
        for (int p = 0; p < n; p += channels) for (int c = 0; c < channels; c++) y[p + c] += bias[c];
        activation.apply(y, n);
    }

    /** dy (in place) = dy * act'(y) on the first n values, then db = its sums per channel. */
    final void backThroughActivationAndBias(float[] dy, float[] y, int n) {
        activation.backward(dy, y, n);
        int channels = bias.length;
        java.util.Arrays.fill(biasGradient, 0f);
        for (int p = 0; p < n; p += channels) for (int c = 0; c < channels; c++) biasGradient[c] += dy[p + c];
    }

    @Override
    public final List<float[][]> parameters() {
        return List.of(new float[][] {weights, weightGradient}, new float[][] {bias, biasGradient});
    }
}
