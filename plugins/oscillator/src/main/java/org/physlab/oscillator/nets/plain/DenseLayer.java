package org.physlab.oscillator.nets.plain;

import java.util.random.RandomGenerator;

/**
 * {@code y = act(x W + b)} on a batch held one sample per row: W is [inputs][outputs] (DL4J's layout),
 * act is tanh or the identity. Optionally inverted dropout on the input while training, as DL4J
 * applies a layer's dropout: each input is kept with probability {@code retain} and scaled by 1/retain.
 */
final class DenseLayer<A> implements Layer<A> {
    private final Numerics<A> numerics;
    final int inputs;
    final int outputs;
    private final boolean tanh;
    private final double retain;
    private final ParameterRows<A> weights;
    private final ParameterRows<A> bias;

    private int capacity;
    private A[] output;
    A[] outputGradient;
    private A[] mask;
    private A[] dropped;
    /** The input the last forward pass multiplied (after dropout). */
    private A[] used;
    private boolean droppedOut;

    /** @param dropout probability of dropping an input unit while training (0: none) */
    DenseLayer(Numerics<A> numerics, int inputs, int outputs, boolean tanh, double dropout) {
        if (inputs < 1 || outputs < 1) throw new IllegalArgumentException("layer sizes must be positive: " + inputs + " -> " + outputs);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must lie in [0, 1), got " + dropout);
        this.numerics = numerics;
        this.inputs = inputs;
        this.outputs = outputs;
        this.tanh = tanh;
        this.retain = 1 - dropout;
        this.weights = new ParameterRows<>(numerics, inputs, outputs);
        this.bias = new ParameterRows<>(numerics, 1, outputs);
    }

    /** W ~ N(0, 1) / sqrt(inputs), b = 0. */
    void initialise(RandomGenerator random) {
        weights.initialiseNormal(numerics, random, 1 / Math.sqrt(inputs));
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
        return new long[] {inputs, outputs};
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) return;
        output = numerics.matrix(n, outputs);
        outputGradient = numerics.matrix(n, outputs);
        if (retain < 1) {
            mask = numerics.matrix(n, inputs);
            dropped = numerics.matrix(n, inputs);
        }
        capacity = n;
    }

    /**
     * Forward pass of {@code n} samples (rows of {@code input}); dropout only when training.
     *
     * @return the output rows (a buffer of this layer, valid until the next forward pass)
     */
    A[] forward(A[] input, int n, boolean training, RandomGenerator random) {
        ensureCapacity(n);
        used = input;
        droppedOut = training && retain < 1;
        if (droppedOut) {
            numerics.dropoutMask(mask, n, inputs, retain, random);
            numerics.multiply(input, mask, dropped, n, inputs);
            used = dropped;
        }
        numerics.setRows(bias.value[0], output, n, outputs);
        numerics.multiplyAdd(used, weights.value, output, n, inputs, 0, outputs);
        if (tanh) numerics.tanh(output, n, 0, outputs);
        return output;
    }

    /**
     * Back through the last forward pass: {@link #outputGradient} holds dL/dy on entry. Adds dL/dW and
     * dL/db to the gradients, and writes dL/dx into {@code inputGradient} ([n][inputs]) unless it is null.
     */
    void backward(int n, A[] inputGradient) {
        if (tanh) numerics.tanhBackward(output, outputGradient, n, 0, outputs);    // now dL/dz
        numerics.transposedMultiplyAdd(used, outputGradient, weights.gradient, inputs, n, 0, outputs);
        numerics.sumRowsInto(outputGradient, bias.gradient[0], n, outputs);
        if (inputGradient == null) return;
        numerics.zero(inputGradient, n, 0, inputs);
        numerics.dotsAdd(outputGradient, weights.value, inputGradient, n, inputs, outputs);
        if (droppedOut) numerics.multiply(inputGradient, mask, inputGradient, n, inputs);
    }
}
