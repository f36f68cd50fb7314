package org.physlab.autoencoder.nets.layers;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A 3 x 3 convolution with stride 1, 'same' (zero padding 1) or 'valid' (no padding):
 * <pre>
 *   y[b, o, p, f] = act( bias[f] + sum_{ky, kx, c} x[b, o + ky - pad, p + kx - pad, c] W[ky, kx, c, f] )
 * </pre>
 * computed as im2col then one matrix product: Cols[(b, o, p), (ky, kx, c)] = x[b, o + ky - pad, p + kx - pad, c]
 * (0 outside the image), Y = Cols W. Backward: dW = Cols^T dY, db = column sums of dY, dCols = dY W^T, and
 * dx is dCols folded back (col2im, summing the overlaps).
 */
public final class Convolution extends WeightedLayer {
    private static final int K = 3;
    private final int height;
    private final int width;
    private final int channels;
    private final int filters;
    private final int pad;
    private final int outHeight;
    private final int outWidth;
    // weights: [(ky * 3 + kx) * channels + c][f]
    private float[] cols;
    private float[] output;
    private float[] colsError;
    private float[] inputError;

    /**
     * @param same true for 'same' padding (output as large as the input), false for 'valid' (2 smaller)
     */
    public Convolution(int height, int width, int channels, int filters, boolean same, Activation activation, RandomGenerator random) {
        super(K * K * channels * filters, K * K * channels, K * K * filters, filters, activation, random);
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.filters = filters;
        this.pad = same ? 1 : 0;
        this.outHeight = height + 2 * pad - K + 1;
        this.outWidth = width + 2 * pad - K + 1;
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
        int rows = batch * outHeight * outWidth;
        int k = K * K * channels;
        cols = Layer.ensure(cols, rows * k);
        int row = 0;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outHeight; o++) {
                for (int p = 0; p < outWidth; p++, row++) {
                    int dst = row * k;
                    for (int ky = 0; ky < K; ky++) {
                        int iy = o + ky - pad;
                        for (int kx = 0; kx < K; kx++, dst += channels) {
                            int ix = p + kx - pad;
                            if (iy < 0 || iy >= height || ix < 0 || ix >= width) {
                                java.util.Arrays.fill(cols, dst, dst + channels, 0f);
                            } else {
                                System.arraycopy(x, ((b * height + iy) * width + ix) * channels, cols, dst, channels);
                            }
                        }
                    }
                }
            }
        }
        output = Layer.ensure(output, rows * filters);
        forwardProduct.multiply(cols, rows, k, false, weights, k, filters, false, output);
        addBiasAndActivate(output, rows * filters);
        return output;
    }

    @Override
    public float[] backward(float[] dy, int batch, boolean wantInputError) {
        int rows = batch * outHeight * outWidth;
        int k = K * K * channels;
        backThroughActivationAndBias(dy, output, rows * filters);
        weightProduct.multiply(cols, rows, k, true, dy, rows, filters, false, weightGradient);   // dW = Cols^T dY
        if (!wantInputError) return null;
        colsError = Layer.ensure(colsError, rows * k);
        inputProduct.multiply(dy, rows, filters, false, weights, k, filters, true, colsError);   // dCols = dY W^T
        int n = batch * inputSize();
        inputError = Layer.ensure(inputError, n);
        java.util.Arrays.fill(inputError, 0, n, 0f);
        int row = 0;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outHeight; o++) {
                for (int p = 0; p < outWidth; p++, row++) {
                    int src = row * k;
                    for (int ky = 0; ky < K; ky++) {
                        int iy = o + ky - pad;
                        for (int kx = 0; kx < K; kx++, src += channels) {
                            int ix = p + kx - pad;
                            if (iy < 0 || iy >= height || ix < 0 || ix >= width) continue;
                            int dst = ((b * height + iy) * width + ix) * channels;
                            for (int c = 0; c < channels; c++) inputError[dst + c] += colsError[src + c];
                        }
                    }
                }
            }
        }
        return inputError;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "conv 3x3 %d %s (%dx%dx%d -> %dx%dx%d)", filters, pad == 1 ? "same" : "valid",
                height, width, channels, outHeight, outWidth, filters);
    }
}
