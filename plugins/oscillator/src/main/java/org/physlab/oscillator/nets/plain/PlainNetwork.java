package org.physlab.oscillator.nets.plain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.physlab.oscillator.data.CurveBatch;
import org.physlab.oscillator.nets.Precision;

/**
 * The lecture's networks in plain Java on primitive arrays, for the tiny sizes of the oscillator
 * experiments, where a library's fixed cost per call outweighs the arithmetic (DL4J: ~1.5–3 ms per
 * MLP training step of 16 curves, which is ~0.2 M multiply-adds).
 *
 * <p>The network is zero or more {@link ConvolutionLayer}s (3×3, stride 2, VALID, tanh) on a
 * 3-channel image, flattened in (channel, row, column) order, then {@link DenseLayer}s: tanh on all but
 * the last, which is linear with 3 outputs (ω₀, γ, ε). Loss: squared error summed over the three
 * outputs, averaged over the batch; optimiser: {@link AdamSettings} as optax. Weights are drawn from the given
 * random stream (N(0,1)/√fan_in for dense layers, N(0,1)/√C_in for kernels), biases start at 0; the
 * same stream then draws the dropout masks.
 *
 * <p>Computes in float32 or float64 ({@link Numerics}). One thread; no allocation per step once the
 * buffers have grown to the batch size. Not thread-safe.
 *
 * @param <A> {@code float[]} or {@code double[]}
 */
public final class PlainNetwork<A> {
    /** Samples per forward pass in {@link #predict}: bounds the buffers for large evaluation sets. */
    private static final int PREDICT_CHUNK_MLP = 512;
    private static final int PREDICT_CHUNK_CNN = 64;

    private final Numerics<A> numerics;
    private final int[] inputShape;
    private final List<ConvolutionLayer<A>> convolutions;
    private final List<DenseLayer<A>> dense;
    private final List<Layer<A>> layers;
    private final List<ParameterRows<A>> parameters;
    private final AdamSettings adam;
    private final RandomGenerator random;
    private long steps;

    private int capacity;
    /** The input batch: [samples][bins] for an MLP, channel-major [3][samples·h·w] for a CNN. */
    private A[] input;
    /** The last convolution's output, one sample per row in (c, h, w) order, and its gradient. */
    private A[] flat;
    private A[] flatGradient;

    private PlainNetwork(Numerics<A> numerics, int[] inputShape, List<ConvolutionLayer<A>> convolutions,
                         List<DenseLayer<A>> dense, AdamSettings adam, RandomGenerator random) {
        this.numerics = numerics;
        this.inputShape = inputShape.clone();
        this.convolutions = List.copyOf(convolutions);
        this.dense = List.copyOf(dense);
        List<Layer<A>> all = new ArrayList<>(convolutions);
        all.addAll(dense);
        this.layers = Collections.unmodifiableList(all);
        List<ParameterRows<A>> p = new ArrayList<>();
        for (Layer<A> l : all) {
            p.add(l.weights());
            p.add(l.bias());
        }
        this.parameters = List.copyOf(p);
        this.adam = adam;
        this.random = random;
        for (ConvolutionLayer<A> c : convolutions) c.initialise(random);
        for (DenseLayer<A> d : dense) d.initialise(random);
    }

    /**
     * The MLP [bins, hidden..., 3].
     *
     * @param dropout probability of dropping a unit at the input of every layer after the first while training
     * @param random  draws the initial weights now and the dropout masks while training
     */
    public static PlainNetwork<?> mlp(Precision precision, int bins, int[] hidden, double dropout, AdamSettings adam,
                                      RandomGenerator random) {
        return mlp(Numerics.of(precision), bins, hidden, dropout, adam, random);
    }

    private static <A> PlainNetwork<A> mlp(Numerics<A> numerics, int bins, int[] hidden, double dropout, AdamSettings adam,
                                           RandomGenerator random) {
        if (bins < 2) throw new IllegalArgumentException("bins must be at least 2, got " + bins);
        if (hidden.length == 0) throw new IllegalArgumentException("the MLP needs at least one hidden layer");
        return new PlainNetwork<>(numerics, new int[] {bins}, List.of(), denseStack(numerics, bins, hidden, dropout, true), adam, random);
    }

    /**
     * The CNN on 3 × height × width images: convolutions to {@code channels}, then dense {@code dense}, then 3.
     *
     * @param random draws the initial weights
     */
    public static PlainNetwork<?> cnn(Precision precision, int height, int width, int[] channels, int[] dense, AdamSettings adam,
                                      RandomGenerator random) {
        return cnn(Numerics.of(precision), height, width, channels, dense, adam, random);
    }

    private static <A> PlainNetwork<A> cnn(Numerics<A> numerics, int height, int width, int[] channels, int[] dense,
                                           AdamSettings adam, RandomGenerator random) {
        if (channels.length == 0) throw new IllegalArgumentException("the CNN needs at least one convolution");
        List<ConvolutionLayer<A>> convs = new ArrayList<>();
        int c = 3;
        int h = height;
        int w = width;
        for (int out : channels) {
            ConvolutionLayer<A> conv = new ConvolutionLayer<>(numerics, c, out, h, w);
            convs.add(conv);
            c = out;
            h = conv.outHeight;
            w = conv.outWidth;
        }
        return new PlainNetwork<>(numerics, new int[] {3, height, width}, convs,
                denseStack(numerics, c * h * w, dense, 0, false), adam, random);
    }

    /** Dense tanh layers of the given sizes and a linear layer to 3; dropout on the inputs of all but the network's first layer. */
    private static <A> List<DenseLayer<A>> denseStack(Numerics<A> numerics, int inputs, int[] hidden, double dropout,
                                                       boolean firstOfNetwork) {
        List<DenseLayer<A>> out = new ArrayList<>();
        int n = inputs;
        for (int i = 0; i <= hidden.length; i++) {
            boolean last = i == hidden.length;
            int size = last ? 3 : hidden[i];
            if (size < 1) throw new IllegalArgumentException("layer sizes must be positive, got " + size);
            out.add(new DenseLayer<>(numerics, n, size, !last, i == 0 && firstOfNetwork ? 0 : dropout));
            n = size;
        }
        return out;
    }

    public Precision precision() {
        return numerics.precision();
    }

    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Trainable parameters: weights and biases of every layer. */
    public long parameterCount() {
        long n = 0;
        for (ParameterRows<A> p : parameters) n += p.size();
        return n;
    }

    /** Adam steps taken. */
    public long steps() {
        return steps;
    }

    /**
     * One Adam step on a batch.
     *
     * @return the batch's loss before the step (sum over ω₀, γ, ε of the squared error, averaged over the batch)
     */
    public double fit(CurveBatch batch) {
        double loss = lossAndGradients(batch, true);
        steps++;
        adam.step(numerics, parameters, steps);
        return loss;
    }

    /**
     * The batch's loss, and its gradient with respect to every parameter (read with
     * {@link #gradients(int, boolean)}), without changing the parameters.
     *
     * @param training with dropout (masks drawn from the network's stream); false: without
     */
    public double lossAndGradients(CurveBatch batch, boolean training) {
        int n = batch.size();
        checkShape(batch);
        A[] out = forward(batch, 0, n, training);
        DenseLayer<A> last = dense.get(dense.size() - 1);
        for (int i = 0; i < parameters.size(); i++) parameters.get(i).zeroGradient(numerics);   // indexed: no iterator per step
        double loss = numerics.squaredError(out, batch.targets(), last.outputGradient, n, 3);
        backward(n);
        return loss;
    }

    /** Predictions (ω₀, γ, ε) for every sample, row-major [size][3], without dropout. */
    public double[] predict(CurveBatch batch) {
        checkShape(batch);
        double[] out = new double[batch.size() * 3];
        int chunk = convolutions.isEmpty() ? PREDICT_CHUNK_MLP : PREDICT_CHUNK_CNN;
        for (int from = 0; from < batch.size(); from += chunk) {
            int n = Math.min(chunk, batch.size() - from);
            A[] y = forward(batch, from, n, false);
            for (int s = 0; s < n; s++) numerics.store(y[s], 0, out, (from + s) * 3, 3);
        }
        return out;
    }

    private void checkShape(CurveBatch batch) {
        if (!Arrays.equals(batch.shape(), inputShape)) {
            throw new IllegalArgumentException("input shape " + Arrays.toString(batch.shape()) + " does not fit the network's "
                    + Arrays.toString(inputShape));
        }
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) return;
        if (convolutions.isEmpty()) {
            input = numerics.matrix(n, inputShape[0]);
        } else {
            input = numerics.matrix(3, n * inputShape[1] * inputShape[2]);
            flat = numerics.matrix(n, dense.get(0).inputs);
            flatGradient = numerics.matrix(n, dense.get(0).inputs);
        }
        capacity = n;
    }

    /** Forward pass of samples [from, from + n) of the batch; returns the output rows. */
    private A[] forward(CurveBatch batch, int from, int n, boolean training) {
        ensureCapacity(n);
        double[] values = batch.inputs();
        A[] x;
        if (convolutions.isEmpty()) {
            int bins = inputShape[0];
            for (int s = 0; s < n; s++) numerics.load(values, (from + s) * bins, input[s], 0, bins);
            x = input;
        } else {
            int image = inputShape[1] * inputShape[2];
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < 3; c++) numerics.load(values, ((from + s) * 3 + c) * image, input[c], s * image, image);
            }
            A[] a = input;
            for (int l = 0; l < convolutions.size(); l++) a = convolutions.get(l).forward(a, n);
            // (c, h, w) flattening per sample, as jnp.reshape and DL4J's CnnToFeedForwardPreProcessor
            ConvolutionLayer<A> lastConv = convolutions.get(convolutions.size() - 1);
            int pixels = lastConv.outputPixels();
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < lastConv.outChannels; c++) System.arraycopy(a[c], s * pixels, flat[s], c * pixels, pixels);
            }
            x = flat;
        }
        for (int l = 0; l < dense.size(); l++) x = dense.get(l).forward(x, n, training, random);
        return x;
    }

    /** Back from the loss gradient in the last dense layer's output gradient; fills every parameter gradient. */
    private void backward(int n) {
        boolean hasConvolutions = !convolutions.isEmpty();
        for (int i = dense.size() - 1; i >= 0; i--) {
            dense.get(i).backward(n, i > 0 ? dense.get(i - 1).outputGradient : hasConvolutions ? flatGradient : null);
        }
        if (!hasConvolutions) return;
        ConvolutionLayer<A> lastConv = convolutions.get(convolutions.size() - 1);
        A[] convGradient = lastConv.outputGradient(n, convolutions.size() > 1);
        int pixels = lastConv.outputPixels();
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < lastConv.outChannels; c++) System.arraycopy(flatGradient[s], c * pixels, convGradient[c], s * pixels, pixels);
        }
        for (int l = convolutions.size() - 1; l >= 0; l--) {
            A[] inputGradient = l > 0 ? convolutions.get(l - 1).outputGradient(n, l - 1 > 0) : null;
            convolutions.get(l).backward(n, inputGradient);
        }
    }

    // ---- parameters, layer by layer, in DL4J's shapes --------------------------------------------------

    /** Number of layers with parameters: convolutions, then dense layers (DL4J's layer indices). */
    public int layerCount() {
        return layers.size();
    }

    public boolean isConvolution(int layer) {
        return layers.get(layer) instanceof ConvolutionLayer;
    }

    /** The weights' shape as DL4J holds it: [out, in, 3, 3] for a convolution, [in, out] for a dense layer. */
    public long[] weightShape(int layer) {
        return layers.get(layer).weightShape();
    }

    /** The layer's weights ({@code biases} false) or biases, row-major in {@link #weightShape} order. */
    public double[] values(int layer, boolean biases) {
        ParameterRows<A> p = biases ? layers.get(layer).bias() : layers.get(layer).weights();
        double[] out = new double[p.size()];
        p.store(numerics, false, out, 0);
        return out;
    }

    /** The gradients of the last {@link #fit} or {@link #lossAndGradients}, as {@link #values}. */
    public double[] gradients(int layer, boolean biases) {
        ParameterRows<A> p = biases ? layers.get(layer).bias() : layers.get(layer).weights();
        double[] out = new double[p.size()];
        p.store(numerics, true, out, 0);
        return out;
    }

    /** Sets a layer's weights or biases from row-major values in {@link #weightShape} order. */
    public void setValues(int layer, boolean biases, double[] values) {
        ParameterRows<A> p = biases ? layers.get(layer).bias() : layers.get(layer).weights();
        if (values.length != p.size()) {
            throw new IllegalArgumentException("layer " + layer + " has " + p.size() + (biases ? " biases" : " weights")
                    + ", got " + values.length + " values");
        }
        p.load(numerics, values, 0);
    }

    /** Every parameter in one array (layer by layer, weights then biases), e.g. to keep the best state. */
    public double[] parameters() {
        double[] out = new double[Math.toIntExact(parameterCount())];
        int at = 0;
        for (ParameterRows<A> p : parameters) {
            p.store(numerics, false, out, at);
            at += p.size();
        }
        return out;
    }

    /** Restores parameters saved with {@link #parameters()} (Adam's moments stay as they are). */
    public void setParameters(double[] values) {
        if (values.length != parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount() + " parameters, got " + values.length);
        }
        int at = 0;
        for (ParameterRows<A> p : parameters) {
            p.load(numerics, values, at);
            at += p.size();
        }
    }
}
