package org.physlab.imnn.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.physlab.imnn.fisher.FisherLoss;
import org.physlab.imnn.network.DenseNetwork;
import org.physlab.imnn.simulators.Simulator;

/**
 * A fixed set of n simulations at the fiducial parameters together with what gives the derivative of
 * their summaries: either the simulations' own derivatives ∂d/∂θ (pushed through the network as
 * tangents, the "gradient" variant) or seed-matched simulations at θ_fid ± δθ_α/2·e_α (finite
 * differences of the summaries, the "numerical" variant). Every simulation draws its noise from its
 * own seed, taken from the given generator, so the ± simulations share the fiducial one's noise.
 */
public final class SimulationSet {
    private final double[] fiducial;
    private final int size;
    private final int parameters;
    private final INDArray data;            // n × dataSize
    private final INDArray[] blocks;         // tangents: P blocks; seed-matched: minus_0, plus_0, minus_1, plus_1, …
    private final double[] delta;            // null for tangents

    private SimulationSet(double[] fiducial, INDArray data, INDArray[] blocks, double[] delta) {
        this.fiducial = fiducial.clone();
        this.size = data.rows();
        this.parameters = fiducial.length;
        this.data = data;
        this.blocks = blocks;
        this.delta = delta;
    }

    /** n simulations at {@code theta} with their derivatives ∂d/∂θ (the gradient and simulator variants). */
    public static SimulationSet withDerivatives(Simulator simulator, double[] theta, int n, RandomGenerator rng, DataType type) {
        int dn = simulator.dataSize();
        int p = simulator.parameterCount();
        double[][] data = new double[n][dn];
        double[][][] tangents = new double[p][n][];
        double[][] derivative = new double[p][dn];
        for (int i = 0; i < n; i++) {
            simulator.simulateWithDerivative(theta, new SplittableRandom(rng.nextLong()), data[i], derivative);
            check(data[i], simulator, theta, i, "simulation");
            for (int k = 0; k < p; k++) {
                check(derivative[k], simulator, theta, i, "derivative");
                tangents[k][i] = derivative[k].clone();
            }
        }
        INDArray[] blocks = new INDArray[p];
        for (int k = 0; k < p; k++) blocks[k] = DenseNetwork.fromRows(tangents[k], type);
        return new SimulationSet(theta, DenseNetwork.fromRows(data, type), blocks, null);
    }

    /**
     * n simulations at {@code theta} and, with the same noise, at θ ± δθ_α/2·e_α for every parameter α
     * (the numerical variant).
     */
    public static SimulationSet seedMatched(Simulator simulator, double[] theta, double[] delta, int n, RandomGenerator rng,
                                            DataType type) {
        int dn = simulator.dataSize();
        int p = simulator.parameterCount();
        if (delta.length != p) throw new IllegalArgumentException("δθ needs " + p + " entries, got " + delta.length);
        for (double d : delta) if (!(d > 0)) throw new IllegalArgumentException("δθ must be positive, got " + Arrays.toString(delta));
        double[][] data = new double[n][dn];
        double[][][] shifted = new double[2 * p][n][dn];
        for (int i = 0; i < n; i++) {
            long seed = rng.nextLong();
            simulator.simulate(theta, new SplittableRandom(seed), data[i]);
            check(data[i], simulator, theta, i, "simulation");
            for (int k = 0; k < p; k++) {
                for (int side = 0; side < 2; side++) {
                    double[] t = theta.clone();
                    t[k] += (side == 0 ? -0.5 : 0.5) * delta[k];
                    simulator.simulate(t, new SplittableRandom(seed), shifted[2 * k + side][i]);
                    check(shifted[2 * k + side][i], simulator, t, i, "simulation");
                }
            }
        }
        INDArray[] blocks = new INDArray[2 * p];
        for (int b = 0; b < 2 * p; b++) blocks[b] = DenseNetwork.fromRows(shifted[b], type);
        return new SimulationSet(theta, DenseNetwork.fromRows(data, type), blocks, delta.clone());
    }

    private static void check(double[] values, Simulator simulator, double[] theta, int i, String what) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("the simulator " + simulator.getClass().getSimpleName() + " returned a non-finite "
                        + what + " value (" + v + ") for simulation " + i + " at θ = " + Arrays.toString(theta));
            }
        }
    }

    /** Number of simulations n. */
    public int size() { return size; }

    /** θ at which the set was simulated. */
    public double[] fiducial() { return fiducial.clone(); }

    /** The raw fiducial simulations (n × data size), in the network's precision. */
    public INDArray data() { return data; }

    /** Whether derivatives come from tangents (else from seed-matched finite differences). */
    public boolean tangents() { return delta == null; }

    /** Network input for simulations [from, to). */
    public Chunk chunk(int from, int to) {
        if (from < 0 || to > size || from >= to) throw new IllegalArgumentException("chunk [" + from + ", " + to + ") of " + size);
        List<INDArray> parts = new ArrayList<>();
        for (INDArray b : blocks) parts.add(rows(b, from, to));
        INDArray d = rows(data, from, to);
        if (tangents()) return new Chunk(from, to, d, Nd4j.vstack(parts.toArray(INDArray[]::new)));
        parts.add(0, d);
        return new Chunk(from, to, Nd4j.vstack(parts.toArray(INDArray[]::new)), null);
    }

    private static INDArray rows(INDArray m, int from, int to) {
        return m.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /**
     * The network input for simulations [from, to): data rows and either tangent blocks ({@link #tangents}
     * non-null) or the seed-matched ± blocks appended to {@link #input}.
     */
    public final class Chunk {
        private final int from;
        private final int to;
        private final INDArray input;
        private final INDArray tangentRows;

        private Chunk(int from, int to, INDArray input, INDArray tangentRows) {
            this.from = from;
            this.to = to;
            this.input = input;
            this.tangentRows = tangentRows;
        }

        public int from() { return from; }

        public int to() { return to; }

        /** Data rows (tangent mode) or data and ± rows (seed-matched mode). */
        public INDArray input() { return input; }

        /** P tangent blocks, or null in seed-matched mode. */
        public INDArray tangents() { return tangentRows; }

        /**
         * Writes this chunk's summaries x[i][s] and derivatives d[i][param][s] (i counted over the whole
         * set) from the network output of {@link #input} (and tangents).
         */
        public void readSummaries(INDArray output, double[][] x, double[][][] d) {
            int n = to - from;
            double[][] out = DenseNetwork.toRows(output);
            int s = out[0].length;
            for (int i = 0; i < n; i++) x[from + i] = out[i].clone();
            for (int k = 0; k < parameters; k++) {
                for (int i = 0; i < n; i++) {
                    double[] dk = d[from + i][k];
                    if (tangentRows != null) {
                        System.arraycopy(out[(1 + k) * n + i], 0, dk, 0, s);
                    } else {
                        double[] minus = out[(1 + 2 * k) * n + i];
                        double[] plus = out[(2 + 2 * k) * n + i];
                        for (int a = 0; a < s; a++) dk[a] = (plus[a] - minus[a]) / delta[k];
                    }
                }
            }
        }

        /** The gradient of the loss with respect to every output row of this chunk. */
        public INDArray outputGradient(FisherLoss.Gradient g, DataType type) {
            int n = to - from;
            int s = g.summaries()[0].length;
            int blocksCount = tangentRows != null ? parameters : 2 * parameters;
            double[][] rows = new double[(1 + blocksCount) * n][];
            for (int i = 0; i < n; i++) rows[i] = g.summaries()[from + i].clone();
            for (int k = 0; k < parameters; k++) {
                double[] gd = g.derivative()[k];
                for (int i = 0; i < n; i++) {
                    if (tangentRows != null) {
                        rows[(1 + k) * n + i] = gd.clone();
                    } else {
                        double[] minus = new double[s];
                        double[] plus = new double[s];
                        for (int a = 0; a < s; a++) { plus[a] = gd[a] / delta[k]; minus[a] = -plus[a]; }
                        rows[(1 + 2 * k) * n + i] = minus;
                        rows[(2 + 2 * k) * n + i] = plus;
                    }
                }
            }
            return DenseNetwork.fromRows(rows, type);
        }
    }
}
