package org.physlab.oscillator.nets.plain;

import java.util.random.RandomGenerator;

/**
 * {@code y = tanh(conv(x, K) + b)}: a 3×3 cross-correlation with stride 2 and no padding (VALID) from
 * {@code inChannels} to {@code outChannels}, kernels K[out][in][ky][kx] (OIHW, as JAX and DL4J).
 *
 * <p>The batch is held channel-major: row c of an activation matrix holds channel c of every sample,
 * sample after sample, each an image in row-major order. The convolution is a matrix product on
 * unrolled patches ("im2col"): columns[(c, ky, kx)][(n, oy, ox)] = x[c][n, 2oy + ky, 2ox + kx], so
 * y = K · columns with K as [out][in·9], and every loop runs along the long (sample, pixel) rows.
 */
final class ConvolutionLayer<A> implements Layer<A> {
    static final int KERNEL = 3;
    static final int STRIDE = 2;
    /**
     * Below this many weights per kernel the weight gradient is taken as {@link Numerics#longDotsAdd dot
     * products}: rows of 27 (the first layer) are too short for a fast {@link Numerics#multiplyAdd}
     * (measured 1.5 ms against 4 ms per lecture-sized step).
     */
    static final int SHORT_PATCH = 64;
    /** Segment length of {@link Numerics#longDotsAdd}: 256 measured best (128–576 within 10 %). */
    private static final int LANES = 256;

    private final Numerics<A> numerics;
    final int inChannels;
    final int outChannels;
    final int inHeight;
    final int inWidth;
    final int outHeight;
    final int outWidth;
    /** Weights per output channel: in·9. */
    private final int patch;
    private final ParameterRows<A> weights;
    private final ParameterRows<A> bias;

    private int capacity;
    private A[] columns;
    A[] output;
    private int trainingCapacity;
    A[] outputGradient;
    private A[] columnsTransposed;
    private A[] columnGradient;
    private A[] segmentsA;
    private A[] segmentsB;
    private A[] lanes;

    ConvolutionLayer(Numerics<A> numerics, int inChannels, int outChannels, int inHeight, int inWidth) {
        if (inChannels < 1 || outChannels < 1) throw new IllegalArgumentException("channel counts must be positive");
        this.numerics = numerics;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.inHeight = inHeight;
        this.inWidth = inWidth;
        this.outHeight = outputSize(inHeight);
        this.outWidth = outputSize(inWidth);
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("a " + inHeight + " x " + inWidth + " input is too small for a 3x3 convolution");
        }
        this.patch = inChannels * KERNEL * KERNEL;
        this.weights = new ParameterRows<>(numerics, outChannels, patch);
        this.bias = new ParameterRows<>(numerics, 1, outChannels);
    }

    /** floor((n - 3) / 2) + 1: VALID with stride 2. */
    static int outputSize(int n) {
        return n < KERNEL ? 0 : (n - KERNEL) / STRIDE + 1;
    }

    /** K ~ N(0, 1) / sqrt(inChannels) (the lecture's scale: input channels only, not in·9), b = 0. */
    void initialise(RandomGenerator random) {
        weights.initialiseNormal(numerics, random, 1 / Math.sqrt(inChannels));
    }

    @Override
    public ParameterRows<A> weights() {
        return weights;
    }

    @Override
    public ParameterRows<A> bias() {
        return bias;
    }

    @Override
    public long[] weightShape() {
        return new long[] {outChannels, inChannels, KERNEL, KERNEL};
    }

    /** Output pixels per sample. */
    int outputPixels() {
        return outHeight * outWidth;
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) return;
        columns = numerics.matrix(patch, n * outputPixels());
        output = numerics.matrix(outChannels, n * outputPixels());
        capacity = n;
    }

    private void ensureTrainingCapacity(int n, boolean propagate) {
        if (n <= trainingCapacity && (!propagate || columnGradient != null)) return;
        int c = Math.max(n, trainingCapacity);
        outputGradient = numerics.matrix(outChannels, c * outputPixels());
        if (patch < SHORT_PATCH) {
            int segments = (c * outputPixels() + LANES - 1) / LANES;
            segmentsA = numerics.matrix(outChannels * segments, LANES);
            segmentsB = numerics.matrix(patch * segments, LANES);
            lanes = numerics.matrix(1, LANES);
        } else {
            columnsTransposed = numerics.matrix(c * outputPixels(), patch);
        }
        if (propagate) columnGradient = numerics.matrix(patch, c * outputPixels());
        trainingCapacity = c;
    }

    /**
     * Forward pass of {@code n} samples of {@code input} (channel-major, [inChannels][n·inHeight·inWidth]).
     *
     * @return {@link #output}, [outChannels][n·outHeight·outWidth]
     */
    A[] forward(A[] input, int n) {
        ensureCapacity(n);
        int pixels = n * outputPixels();
        unroll(input, n);
        numerics.setEachRow(bias.value[0], output, outChannels, 0, pixels);
        numerics.multiplyAdd(weights.value, columns, output, outChannels, patch, 0, pixels);
        numerics.tanh(output, outChannels, 0, pixels);
        return output;
    }

    /** Makes {@link #outputGradient} ready to receive dL/dy of {@code n} samples. */
    A[] outputGradient(int n, boolean propagate) {
        ensureTrainingCapacity(n, propagate);
        return outputGradient;
    }

    /**
     * Back through the last forward pass: {@link #outputGradient} holds dL/dy on entry. Adds dL/dK and
     * dL/db to the gradients, and writes dL/dx into {@code inputGradient} unless it is null.
     */
    void backward(int n, A[] inputGradient) {
        ensureTrainingCapacity(n, inputGradient != null);
        int pixels = n * outputPixels();
        numerics.tanhBackward(output, outputGradient, outChannels, 0, pixels);       // now dL/dz
        numerics.sumEachRowInto(outputGradient, bias.gradient[0], outChannels, 0, pixels);
        // dK[o][p] += sum_q dz[o][q] columns[p][q]
        if (patch < SHORT_PATCH) {
            numerics.longDotsAdd(outputGradient, columns, weights.gradient, outChannels, patch, pixels, segmentsA, segmentsB, lanes[0]);
        } else {
            numerics.transpose(columns, columnsTransposed, patch, pixels);
            numerics.multiplyAdd(outputGradient, columnsTransposed, weights.gradient, outChannels, pixels, 0, patch);
        }
        if (inputGradient == null) return;
        // dcolumns[p] = sum_o K[o][p] dz[o], then back to the image positions the patches came from
        numerics.zero(columnGradient, patch, 0, pixels);
        numerics.transposedMultiplyAdd(weights.value, outputGradient, columnGradient, patch, outChannels, 0, pixels);
        numerics.zero(inputGradient, inChannels, 0, n * inHeight * inWidth);
        fold(inputGradient, n);
    }

    /** columns[(c, ky, kx)][(s, oy, ox)] = input[c][s, 2oy + ky, 2ox + kx]. */
    private void unroll(A[] input, int n) {
        int image = inHeight * inWidth;
        int pixels = outputPixels();
        for (int c = 0; c < inChannels; c++) {
            for (int ky = 0; ky < KERNEL; ky++) {
                for (int kx = 0; kx < KERNEL; kx++) {
                    A row = columns[(c * KERNEL + ky) * KERNEL + kx];
                    for (int s = 0; s < n; s++) {
                        numerics.gather(input[c], s * image + ky * inWidth + kx, STRIDE * inWidth, STRIDE,
                                row, s * pixels, outHeight, outWidth);
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #unroll}: adds every column entry back onto the input pixel it came from. */
    private void fold(A[] inputGradient, int n) {
        int image = inHeight * inWidth;
        int pixels = outputPixels();
        for (int c = 0; c < inChannels; c++) {
            for (int ky = 0; ky < KERNEL; ky++) {
                for (int kx = 0; kx < KERNEL; kx++) {
                    A row = columnGradient[(c * KERNEL + ky) * KERNEL + kx];
                    for (int s = 0; s < n; s++) {
                        numerics.scatterAdd(row, s * pixels, inputGradient[c], s * image + ky * inWidth + kx,
                                STRIDE * inWidth, STRIDE, outHeight, outWidth);
                    }
                }
            }
        }
    }
}
