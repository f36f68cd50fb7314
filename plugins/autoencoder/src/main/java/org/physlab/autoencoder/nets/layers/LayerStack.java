package org.physlab.autoencoder.nets.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physlab.autoencoder.nets.CodingNetwork;

/**
 * A sequence of hand-written {@link Layer}s trained with Adam: the convolutional encoder and decoder of the
 * talk's MNIST autoencoder. Im2col and col2im run as plain Java loops and every matrix product as one
 * OpenBLAS sgemm through ND4J, which makes an epoch on MNIST about ten times faster than DL4J 1.0.0-M2.1's
 * convolution layers on the same CPU. Float32 throughout; reproducible for a given seed and thread count.
 */
public final class LayerStack implements CodingNetwork {
    /** Rows per inference pass, to bound the im2col buffers. */
    static final int INFERENCE_ROWS = 128;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final List<Layer> layers;
    private final double learningRate;
    private final List<float[][]> parameters = new ArrayList<>();
    private final List<float[][]> moments = new ArrayList<>();   // {m, v} per parameter array
    private int batch;

    public LayerStack(List<Layer> layers, double learningRate) {
        if (layers.isEmpty()) throw new IllegalArgumentException("a layer stack needs at least one layer");
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputSize() != layers.get(i - 1).outputSize()) {
                throw new IllegalArgumentException(layers.get(i - 1).describe() + " gives " + layers.get(i - 1).outputSize()
                        + " values but " + layers.get(i).describe() + " takes " + layers.get(i).inputSize());
            }
        }
        this.layers = List.copyOf(layers);
        this.learningRate = learningRate;
        for (Layer l : layers) {
            for (float[][] p : l.parameters()) {
                parameters.add(p);
                moments.add(new float[][] {new float[p[0].length], new float[p[0].length]});
            }
        }
    }

    /**
     * The talk's MNIST encoder: conv 64 3x3 same - pool - conv 64 3x3 valid - pool - conv 64 3x3 valid - dense,
     * ReLU on the convolutions, a linear last layer with {@code outputs} values (z, or mu and log sigma^2).
     */
    public static LayerStack mnistEncoder(int outputs, long seed, double learningRate) {
        RandomGenerator r = new SplittableRandom(seed);
        return new LayerStack(List.of(
                new Convolution(28, 28, 1, 64, true, Activation.RELU, r),       // 28x28x64, 640 parameters
                new MaxPooling(28, 28, 64),                                       // 14x14x64
                new Convolution(14, 14, 64, 64, false, Activation.RELU, r),     // 12x12x64, 36,928
                new MaxPooling(12, 12, 64),                                       // 6x6x64
                new Convolution(6, 6, 64, 64, false, Activation.RELU, r),       // 4x4x64, 36,928
                new Dense(4 * 4 * 64, outputs, Activation.IDENTITY, r)),          // 1024 -> outputs
                learningRate);
    }

    /**
     * The talk's MNIST decoder: dense 3136 - reshape 7x7x64 - transposed conv 64 stride 2 (14x14) - transposed
     * conv 64 stride 2 (28x28) - transposed conv 1 stride 1, ReLU inside, one logit per pixel out.
     */
    public static LayerStack mnistDecoder(int latent, long seed, double learningRate) {
        RandomGenerator r = new SplittableRandom(seed);
        return new LayerStack(List.of(
                new Dense(latent, 7 * 7 * 64, Activation.RELU, r),                                 // 3136
                new TransposedConvolution(7, 7, 64, 64, 2, Activation.RELU, r),                    // 14x14x64, 36,928
                new TransposedConvolution(14, 14, 64, 64, 2, Activation.RELU, r),                  // 28x28x64, 36,928
                new TransposedConvolution(28, 28, 64, 1, 1, Activation.IDENTITY, r)),              // 28x28x1 logits, 577
                learningRate);
    }

    /** Glorot (Xavier) uniform initial weights: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)). */
    static float[] glorotUniform(int n, int fanIn, int fanOut, RandomGenerator random) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] w = new float[n];
        for (int i = 0; i < n; i++) w[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        return w;
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public INDArray output(INDArray input) {
        float[] x = rows(input);
        int n = (int) input.rows();
        int in = layers.get(0).inputSize();
        int out = layers.get(layers.size() - 1).outputSize();
        float[] result = new float[n * out];
        float[] chunk = new float[Math.min(n, INFERENCE_ROWS) * in];
        for (int from = 0; from < n; from += INFERENCE_ROWS) {
            int size = Math.min(INFERENCE_ROWS, n - from);
            System.arraycopy(x, from * in, chunk, 0, size * in);
            System.arraycopy(run(chunk, size), 0, result, from * out, size * out);
        }
        return Nd4j.create(result, new long[] {n, out}, 'c');
    }

    @Override
    public INDArray forward(INDArray input) {
        batch = (int) input.rows();
        float[] y = run(rows(input), batch);
        int out = layers.get(layers.size() - 1).outputSize();
        return Nd4j.create(java.util.Arrays.copyOf(y, batch * out), new long[] {batch, out}, 'c');
    }

    private float[] run(float[] x, int rows) {
        float[] a = x;
        for (Layer l : layers) a = l.forward(a, rows);
        return a;
    }

    @Override
    public INDArray backward(INDArray outputError) {
        float[] e = rows(outputError);
        for (int i = layers.size() - 1; i >= 0; i--) e = layers.get(i).backward(e, batch, true);
        return Nd4j.create(java.util.Arrays.copyOf(e, batch * layers.get(0).inputSize()), new long[] {batch, layers.get(0).inputSize()}, 'c');
    }

    /**
     * Adam: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, w -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps),
     * t = iteration + 1.
     */
    @Override
    public void step(int iteration) {
        int t = iteration + 1;
        double alpha = learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        for (int p = 0; p < parameters.size(); p++) {
            float[] w = parameters.get(p)[0];
            float[] g = parameters.get(p)[1];
            float[] m = moments.get(p)[0];
            float[] v = moments.get(p)[1];
            for (int i = 0; i < w.length; i++) {
                m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g[i]);
                v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g[i] * g[i]);
                w[i] -= (float) (alpha * m[i] / (Math.sqrt(v[i]) + EPSILON));
            }
        }
    }

    @Override
    public long parameterCount() {
        long n = 0;
        for (float[][] p : parameters) n += p[0].length;
        return n;
    }

    private static float[] rows(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
