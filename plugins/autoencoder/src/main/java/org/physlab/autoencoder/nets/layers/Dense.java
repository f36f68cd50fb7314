package org.physlab.autoencoder.nets.layers;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** y = act(x W + b) for rows x of length in and W of in x out; backward dW = x^T dy, db = column sums, dx = dy W^T. */
public final class Dense extends WeightedLayer {
    private final int in;
    private final int out;
    private float[] input;
    private float[] output;
    private float[] inputError;

    public Dense(int in, int out, Activation activation, RandomGenerator random) {
        super(in * out, in, out, out, activation, random);
        this.in = in;
        this.out = out;
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
        addBiasAndActivate(output, batch * out);
        return output;
    }

    @Override
    public float[] backward(float[] dy, int batch, boolean wantInputError) {
        backThroughActivationAndBias(dy, output, batch * out);
        weightProduct.multiply(input, batch, in, true, dy, batch, out, false, weightGradient);
        if (!wantInputError) return null;
        inputError = Layer.ensure(inputError, batch * in);
        inputProduct.multiply(dy, batch, out, false, weights, in, out, true, inputError);
        return inputError;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "dense %d -> %d", in, out);
    }
}
