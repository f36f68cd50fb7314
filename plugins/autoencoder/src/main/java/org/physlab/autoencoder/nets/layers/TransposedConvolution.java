package org.physlab.autoencoder.nets.layers;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A 3 x 3 transposed convolution with stride s and TensorFlow's 'same' output size (s times the input):
 * every input pixel spreads its channels through the kernel onto a 3 x 3 patch of the output,
 * <pre>
 *   y[b, i s + ky - pad, j s + kx - pad, f] += sum_c x[b, i, j, c] W[c, ky, kx, f],    pad = floor((3 - s) / 2)
 *   y = act(y + bias)
 * </pre>
 * (the adjoint of a strided convolution). Computed as one product P = X W with X = x as (b, i, j) x c rows and
 * then col2im scatter of P[(b, i, j), (ky, kx, f)]. Backward: dP is the gather of dy over the same patches,
 * dW = X^T dP, dX = dP W^T.
 */
public final class TransposedConvolution extends WeightedLayer {
    private static final int K = 3;
    private final int height;
    private final int width;
    private final int channels;
    private final int filters;
    private final int stride;
    private final int pad;
    private final int outHeight;
    private final int outWidth;
    // weights: [c][(ky * 3 + kx) * filters + f]
    private float[] input;
    private float[] patches;
    private float[] output;
    private float[] patchError;
    private float[] inputError;

    public TransposedConvolution(int height, int width, int channels, int filters, int stride, Activation activation,
                                 RandomGenerator random) {
        super(channels * K * K * filters, K * K * filters, K * K * channels, filters, activation, checkStride(stride, random));
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.filters = filters;
        this.stride = stride;
        this.pad = (K - stride) / 2;
        this.outHeight = height * stride;
        this.outWidth = width * stride;
    }

    private static RandomGenerator checkStride(int stride, RandomGenerator random) {
        if (stride < 1 || stride > K) throw new IllegalArgumentException("stride must be 1 to 3, got " + stride);
        return random;
    }

    @Override
    public int inputSize() {
        return height * width * channels;
    }

    @Override
    public int outputSize() {
        return outHeight * outWidth * filters;
    }

    @Override
    public float[] forward(float[] x, int batch) {
        int rows = batch * height * width;
        int k = K * K * filters;
        input = x;
        patches = Layer.ensure(patches, rows * k);
        forwardProduct.multiply(x, rows, channels, false, weights, channels, k, false, patches);
        int n = batch * outputSize();
        output = Layer.ensure(output, n);
        java.util.Arrays.fill(output, 0, n, 0f);
        int row = 0;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++, row++) {
                    int src = row * k;
                    for (int ky = 0; ky < K; ky++) {
                        int oy = i * stride + ky - pad;
                        for (int kx = 0; kx < K; kx++, src += filters) {
                            int ox = j * stride + kx - pad;
                            if (oy < 0 || oy >= outHeight || ox < 0 || ox >= outWidth) continue;
                            int dst = ((b * outHeight + oy) * outWidth + ox) * filters;
                            for (int f = 0; f < filters; f++) output[dst + f] += patches[src + f];
                        }
                    }
                }
            }
        }
        addBiasAndActivate(output, n);
        return output;
    }

    @Override
    public float[] backward(float[] dy, int batch, boolean wantInputError) {
        int rows = batch * height * width;
        int k = K * K * filters;
        int n = batch * outputSize();
        backThroughActivationAndBias(dy, output, n);
        patchError = Layer.ensure(patchError, rows * k);
        int row = 0;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++, row++) {
                    int dst = row * k;
                    for (int ky = 0; ky < K; ky++) {
                        int oy = i * stride + ky - pad;
                        for (int kx = 0; kx < K; kx++, dst += filters) {
                            int ox = j * stride + kx - pad;
                            if (oy < 0 || oy >= outHeight || ox < 0 || ox >= outWidth) {
                                java.util.Arrays.fill(patchError, dst, dst + filters, 0f);
                            } else {
                                System.arraycopy(dy, ((b * outHeight + oy) * outWidth + ox) * filters, patchError, dst, filters);
                            }
                        }
                    }
                }
            }
        }
        weightProduct.multiply(input, rows, channels, true, patchError, rows, k, false, weightGradient);  // dW = X^T dP
        if (!wantInputError) return null;
        inputError = Layer.ensure(inputError, rows * channels);
        inputProduct.multiply(patchError, rows, k, false, weights, channels, k, true, inputError);        // dX = dP W^T
        return inputError;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "transposed conv 3x3 %d stride %d (%dx%dx%d -> %dx%dx%d)", filters, stride,
                height, width, channels, outHeight, outWidth, filters);
    }
}
