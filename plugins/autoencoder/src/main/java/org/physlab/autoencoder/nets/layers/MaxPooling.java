package org.physlab.autoencoder.nets.layers;

import java.util.List;
import java.util.Locale;

/**
 * 2 x 2 max pooling with stride 2: y[b, i, j, c] = max over dy, dx in {0, 1} of x[b, 2i + dy, 2j + dx, c]. The
 * backward pass sends each error to the input that won the maximum.
 */
public final class MaxPooling implements Layer {
    private final int height;
    private final int width;
    private final int channels;
    private final int outHeight;
    private final int outWidth;
    private int[] winner;
    private float[] output;
    private float[] inputError;

    public MaxPooling(int height, int width, int channels) {
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.outHeight = height / 2;
        this.outWidth = width / 2;
    }

    @Override
    public int inputSize() {
        return height * width * channels;
    }

    @Override
    public int outputSize() {
        return outHeight * outWidth * channels;
    }

    @Override
    public float[] forward(float[] x, int batch) {
        int n = batch * outputSize();
        output = Layer.ensure(output, n);
        if (winner == null || winner.length < n) winner = new int[n];
        int out = 0;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < outHeight; i++) {
                for (int j = 0; j < outWidth; j++) {
                    int topLeft = ((b * height + 2 * i) * width + 2 * j) * channels;
                    for (int c = 0; c < channels; c++, out++) {
                        int best = topLeft + c;
                        int right = best + channels;
                        int below = best + width * channels;
                        int diagonal = below + channels;
                        if (x[right] > x[best]) best = right;
                        if (x[below] > x[best]) best = below;
                        if (x[diagonal] > x[best]) best = diagonal;
                        output[out] = x[best];
                        winner[out] = best;
                    }
                }
            }
        }
        return output;
    }

    @Override
    public float[] backward(float[] dy, int batch, boolean wantInputError) {
        if (!wantInputError) return null;
        int n = batch * inputSize();
        inputError = Layer.ensure(inputError, n);
        java.util.Arrays.fill(inputError, 0, n, 0f);
        int m = batch * outputSize();
        for (int o = 0; o < m; o++) inputError[winner[o]] += dy[o];
        return inputError;
    }

    @Override
    public List<float[][]> parameters() {
        return List.of();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "max pool 2x2 (%dx%dx%d -> %dx%dx%d)", height, width, channels, outHeight, outWidth, channels);
    }
}
