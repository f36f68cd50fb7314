package org.physlab.autoencoder.nets.layers;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** y = act(x W + b) for rows x of length in and W of in x out; backward dW = x^T dy, db = column sums, dx = dy W^T. */
public final class Dense implements Layer {
    private final int in;
    private final int out;
    private final Activation activation;
    private final float[] weights;
    private final float[] bias;
    private final float[] weightGradient;
    private final float[] biasGradient;
    private final Gemm forwardProduct = new Gemm();
    private final Gemm weightProduct = new Gemm();
    private final Gemm inputProduct = new Gemm();
    private float[] input;
    private float[] output;
    private float[] inputError;

    public Dense(int in, int out, Activation activation, RandomGenerator random) {
        this.in = in;
        this.out = out;
        this.activation = activation;
        this.weights = LayerStack.glorotUniform(in * out, in, out, random);
        this.bias = new float[out];
        this.weightGradient = new float[weights.length];
        this.biasGradient = new float[out];
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    @Override
    public float[] forward(float[] x, int batch) {
        input = x;
        output = Layer.ensure(output, batch * out);
        forwardProduct.multiply(x, batch, in, false, weights, in, out, false, output);
        for (int r = 0; r < batch; r++) for (int j = 0; j < out; j++) output[r * out + j] += bias[j];
        activation.apply(output, batch * out);
        return output;
    }

    @Override
    public float[] backward(float[] dy, int batch, boolean wantInputError) {
        activation.backward(dy, output, batch * out);
        java.util.Arrays.fill(biasGradient, 0f);
        for (int r = 0; r < batch; r++) for (int j = 0; j < out; j++) biasGradient[j] += dy[r * out + j];
        weightProduct.multiply(input, batch, in, true, dy, batch, out, false, weightGradient);
        if (!wantInputError) return null;
        inputError = Layer.ensure(inputError, batch * in);
        inputProduct.multiply(dy, batch, out, false, weights, in, out, true, inputError);
        return inputError;
    }

    @Override
    public List<float[][]> parameters() {
        return List.of(new float[][] {weights, weightGradient}, new float[][] {bias, biasGradient});
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "dense %d -> %d", in, out);
    }
}
