package org.physlab.imnn.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A dense network y = x·W + b with leaky ReLU (negative slope 0.01) between layers and a linear output,
 * e.g. 10 → 128 → 128 → 128 → 2 for the tutorial. Besides the plain forward pass it carries tangents
 * through the network (forward-mode input Jacobian–vector products, spec §3.2): with P tangent blocks
 * t (one per model parameter) stacked under the n data rows, each layer computes z = hW + b for the data
 * and t·W for the tangents, and the activation multiplies both by σ′(z) of the data rows. Because
 * leaky(z) = σ′(z)·z, data and tangents share one matrix product per layer. {@link #backward} sweeps
 * given output gradients back to the weights (reverse over forward; σ″ = 0 almost everywhere).
 *
 * <p>Layer products go through ND4J (BLAS gemm); the bench compares them with plain Java loops.
 */
public final class DenseNetwork {
    /** Negative slope of the leaky ReLU. */
    public static final double LEAK = 0.01;
    /** Standard deviation of a standard normal truncated to ±2 (glorot_normal divides by it). */
    private static final double TRUNCATED_SD = 0.87962566103423978;

    private final int[] widths;
    private final DataType dataType;
    private final List<INDArray> weights = new ArrayList<>();
    private final List<INDArray> biases = new ArrayList<>();

    private DenseNetwork(int[] widths, DataType dataType) {
        if (widths.length < 2) throw new IllegalArgumentException("a network needs an input and an output width");
        for (int w : widths) if (w < 1) throw new IllegalArgumentException("layer widths must be positive: " + Arrays.toString(widths));
        this.widths = widths.clone();
        this.dataType = dataType;
    }

    /**
     * A freshly initialised network: weights glorot-normal (a normal truncated to ±2σ, scaled so that its
     * standard deviation is √(2/(fan_in + fan_out))), biases N(0, 0.01²).
     *
     * @param widths   input width, hidden widths, output width, e.g. {10, 128, 128, 128, 2}
     * @param dataType FLOAT (fast, like the upstream JAX default) or DOUBLE
     */
    public static DenseNetwork initialised(int[] widths, DataType dataType, RandomGenerator rng) {
        DenseNetwork net = new DenseNetwork(widths, dataType);
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l], out = widths[l + 1];
            double sd = Math.sqrt(2.0 / (in + out)) / TRUNCATED_SD;
            double[] w = new double[in * out];
            for (int k = 0; k < w.length; k++) {
                double z;
                do { z = rng.nextGaussian(); } while (Math.abs(z) > 2);
                w[k] = sd * z;
            }
            double[] b = new double[out];
            for (int k = 0; k < out; k++) b[k] = 0.01 * rng.nextGaussian();
            net.weights.add(Nd4j.create(w, new long[] {in, out}, dataType));
            net.biases.add(Nd4j.create(b, new long[] {1, out}, dataType));
        }
        return net;
    }

    /** Layer widths, input first. */
    public int[] widths() { return widths.clone(); }

    public int inputSize() { return widths[0]; }

    public int outputSize() { return widths[widths.length - 1]; }

    public int layerCount() { return weights.size(); }

    public DataType dataType() { return dataType; }

    /** The live parameter arrays W₀, b₀, W₁, b₁, … (the optimiser updates them in place). */
    public List<INDArray> parameters() {
        List<INDArray> p = new ArrayList<>();
        for (int l = 0; l < weights.size(); l++) { p.add(weights.get(l)); p.add(biases.get(l)); }
        return p;
    }

    /** The number of trainable numbers. */
    public long parameterCount() {
        return parameters().stream().mapToLong(INDArray::length).sum();
    }

    /** A copy of every parameter, to restore later with {@link #restore}. */
    public List<INDArray> snapshot() {
        return parameters().stream().map(INDArray::dup).toList();
    }

    /** Sets every parameter to a {@link #snapshot}. */
    public void restore(List<INDArray> snapshot) {
        List<INDArray> live = parameters();
        if (snapshot.size() != live.size()) throw new IllegalArgumentException("snapshot of another architecture");
        for (int k = 0; k < live.size(); k++) live.get(k).assign(snapshot.get(k));
    }

    /** Data rows in this network's precision. */
    public INDArray rows(double[][] data) {
        return fromRows(data, dataType);
    }

    /**
     * The rows of a matrix as double arrays, read through one flat copy (per-row access would create an
     * ND4J view, and a tracked buffer, for every row).
     */
    public static double[][] toRows(INDArray m) {
        int rows = (int) m.rows(), cols = (int) m.columns();
        double[] flat = m.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) out[i] = java.util.Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
        return out;
    }

    /** Rows of double arrays as one matrix of the given type. */
    public static INDArray fromRows(double[][] rows, DataType type) {
        int cols = rows[0].length;
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * cols, cols);
        return Nd4j.create(flat, new long[] {rows.length, cols}, type);
    }

    /** The outputs for independent input rows (no tangents). */
    public INDArray forward(INDArray rows) {
        return forward(rows, rows.rows(), false).output();
    }

    /**
     * The forward pass of {@code data} (n rows) with {@code tangents} (P·n rows, block p holding ∂d/∂θ_p
     * of every data row) and the cached activations for {@link #backward}. The output's first n rows are
     * the summaries, block p of the rest their derivatives along tangent p.
     */
    public Pass forwardWithTangents(INDArray data, INDArray tangents) {
        int n = data.rows();
        if (tangents.rows() % n != 0) throw new IllegalArgumentException(tangents.rows() + " tangent rows for " + n + " data rows");
        return forward(Nd4j.vstack(data, tangents), n, true);
    }

    /** The forward pass of independent rows (each row its own data point), keeping activations for {@link #backward}. */
    public Pass forwardIndependent(INDArray rows) {
        return forward(rows, rows.rows(), false);
    }

    private Pass forward(INDArray input, int dataRows, boolean tangents) {
        if (input.columns() != widths[0]) {
            throw new IllegalArgumentException("input has " + input.columns() + " columns, the network takes " + widths[0]);
        }
        int rows = input.rows();
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> slopes = new ArrayList<>();
        INDArray a = input.dataType() == dataType ? input : input.castTo(dataType);
        for (int l = 0; l < weights.size(); l++) {
            inputs.add(a);
            INDArray z = Nd4j.createUninitialized(dataType, rows, widths[l + 1]);
            Nd4j.gemm(a, weights.get(l), z, false, false, 1.0, 0.0);
            if (tangents) z.get(NDArrayIndex.interval(0, dataRows), NDArrayIndex.all()).addiRowVector(biases.get(l));
            else z.addiRowVector(biases.get(l));
            if (l + 1 < weights.size()) {
                INDArray slope = z.get(NDArrayIndex.interval(0, dataRows), NDArrayIndex.all())
                        .gt(0).castTo(dataType).muli(1 - LEAK).addi(LEAK);
                slopes.add(slope);
                multiplyBlocks(z, slope);
            }
            a = z;
        }
        return new Pass(dataRows, tangents, a, inputs, slopes);
    }

    /** Multiplies every block of {@code dataRows} rows of {@code m} elementwise by {@code slope}. */
    private static void multiplyBlocks(INDArray m, INDArray slope) {
        long block = slope.length();
        INDArray flat = m.reshape(m.length() / block, block);
        flat.muliRowVector(slope.reshape(1, block));
    }

    /**
     * The gradient of a scalar with respect to every parameter, given its gradient with respect to the
     * pass's output rows (same shape as {@link Pass#output()}); in {@link #parameters()} order.
     */
    public List<INDArray> backward(Pass pass, INDArray outputGradient) {
        INDArray g = outputGradient.dataType() == dataType ? outputGradient.dup() : outputGradient.castTo(dataType);
        INDArray[] grads = new INDArray[2 * weights.size()];
        for (int l = weights.size() - 1; l >= 0; l--) {
            INDArray a = pass.inputs.get(l);
            INDArray gw = Nd4j.createUninitialized(dataType, widths[l], widths[l + 1]);
            Nd4j.gemm(a, g, gw, true, false, 1.0, 0.0);
            INDArray biasRows = pass.tangents ? g.get(NDArrayIndex.interval(0, pass.dataRows), NDArrayIndex.all()) : g;
            grads[2 * l] = gw;
            grads[2 * l + 1] = biasRows.sum(true, 0).reshape(1, widths[l + 1]);
            if (l > 0) {
                INDArray prev = Nd4j.createUninitialized(dataType, g.rows(), widths[l]);
                Nd4j.gemm(g, weights.get(l), prev, false, true, 1.0, 0.0);
                multiplyBlocks(prev, pass.slopes.get(l - 1));
                g = prev;
            }
        }
        return Arrays.asList(grads);
    }

    /** Cached activations of one forward pass. */
    public static final class Pass {
        private final int dataRows;
        private final boolean tangents;
        private final INDArray output;
        private final List<INDArray> inputs;
        private final List<INDArray> slopes;

        private Pass(int dataRows, boolean tangents, INDArray output, List<INDArray> inputs, List<INDArray> slopes) {
            this.dataRows = dataRows;
            this.tangents = tangents;
            this.output = output;
            this.inputs = inputs;
            this.slopes = slopes;
        }

        /** All output rows: data rows first, then (with tangents) the tangent blocks. */
        public INDArray output() { return output; }

        /** The number of data rows (the rest are tangents). */
        public int dataRows() { return dataRows; }
    }
}
