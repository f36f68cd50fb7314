package org.physlab.calabiyau.net;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;

/**
 * The tutorial's moduli network (cyjax machine-learning notebook; spec §7.3): the input features x of ψ
 * ({@link PsiFeatures}; the tutorial's x = |ψ|) go through dense layers with sigmoid activations and a final linear dense layer to the N² Cholesky
 * parameters of H ({@link CholeskyParametrisation}). Plain double arrays with a hand-written backward pass:
 * the network is tiny (134 025 parameters for N = 35) and per-op overhead of a tensor library would dominate.
 *
 * <p>All parameters live in one flat vector, layer after layer: kernel (fan_in × fan_out, row-major, so
 * y_j = Σ_i x_i W_ij + b_j) then bias. Initialisation as in flax: hidden kernels LeCun-normal (normal
 * truncated at ±2σ with std = sqrt(1/fan_in)/0.87962566 before truncation), hidden biases 0; the final
 * kernel 0 and the final bias the Hermitian initialisation (diagonal 1 + fluctuation·N(0,1)), so that at
 * initialisation H ≈ I for every ψ.
 */
public final class HNet {
    /** Standard deviation of a unit normal truncated at ±2 (flax's LeCun-normal correction). */
    private static final double TRUNCATED_STD = 0.87962566103423978;

    private final int[] sizes;
    private final int[] kernelOffsets;
    private final int[] biasOffsets;
    private final double[] parameters;

    /** Activations of one forward pass, kept for the backward pass. */
    public static final class Pass {
        final double[][] layers;   // layers[0] = input, layers[l] = output of layer l (after activation if hidden)

        Pass(int[] sizes) {
            layers = new double[sizes.length][];
            for (int l = 0; l < sizes.length; l++) layers[l] = new double[sizes[l]];
        }

        /** The network's output (the N² H-parameters). */
        public double[] output() {
            return layers[layers.length - 1];
        }
    }

    /**
     * A network with given layer sizes and parameters (copied).
     *
     * @param sizes      input, hidden..., output sizes (at least input and output)
     * @param parameters {@link #parameterCount(int...)} values in the layout described above
     */
    public HNet(int[] sizes, double[] parameters) {
        if (sizes.length < 2) throw new IllegalArgumentException("a network needs an input and an output size");
        for (int s : sizes) if (s < 1) throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
        this.sizes = sizes.clone();
        kernelOffsets = new int[sizes.length - 1];
        biasOffsets = new int[sizes.length - 1];
        int off = 0;
        for (int l = 0; l < sizes.length - 1; l++) {
            kernelOffsets[l] = off;
            off += sizes[l] * sizes[l + 1];
            biasOffsets[l] = off;
            off += sizes[l + 1];
        }
        if (parameters.length != off) {
            throw new IllegalArgumentException("layers " + Arrays.toString(sizes) + " need " + off + " parameters, got " + parameters.length);
        }
        this.parameters = parameters.clone();
    }

    /** Number of parameters of a dense network with these layer sizes. */
    public static int parameterCount(int... sizes) {
        int count = 0;
        for (int l = 0; l < sizes.length - 1; l++) count += sizes[l] * sizes[l + 1] + sizes[l + 1];
        return count;
    }

    /**
     * A freshly initialised network |ψ| → hidden... → n² (the tutorial: hidden = {100, 100}).
     *
     * @param n           basis size N of H
     * @param hidden      widths of the sigmoid layers
     * @param fluctuation standard deviation of the diagonal of the final bias around 1 (tutorial: 1e-3)
     */
    public static HNet initial(int n, int[] hidden, double fluctuation, RandomGenerator random) {
        return initial(1, n, hidden, fluctuation, random);
    }

    /**
     * A freshly initialised network of {@code inputs} features → hidden... → n².
     *
     * @param inputs      number of input features ({@link PsiFeatures#size()})
     * @param n           basis size N of H
     * @param hidden      widths of the sigmoid layers (any number, each positive)
     * @param fluctuation standard deviation of the diagonal of the final bias around 1 (tutorial: 1e-3)
     */
    public static HNet initial(int inputs, int n, int[] hidden, double fluctuation, RandomGenerator random) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = inputs;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = n * n;
        HNet net = new HNet(sizes, new double[parameterCount(sizes)]);
        for (int l = 0; l < sizes.length - 2; l++) {
            double std = Math.sqrt(1.0 / sizes[l]) / TRUNCATED_STD;
            for (int k = 0; k < sizes[l] * sizes[l + 1]; k++) net.parameters[net.kernelOffsets[l] + k] = std * truncatedNormal(random);
        }
        double[] bias = CholeskyParametrisation.initial(n, fluctuation, random);
        System.arraycopy(bias, 0, net.parameters, net.biasOffsets[sizes.length - 2], bias.length);
        return net;
    }

    private static double truncatedNormal(RandomGenerator random) {
        while (true) {
            double x = random.nextGaussian();
            if (Math.abs(x) <= 2) return x;
        }
    }

    /** The layer sizes, input first. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The live parameter vector (the optimiser updates it in place). */
    public double[] parameters() {
        return parameters;
    }

    /** Forward pass for a single-input network (the tutorial's x = |ψ|). */
    public Pass forward(double x) {
        return forward(new double[] {x});
    }

    /** Forward pass for the input features x (length {@code sizes()[0]}). */
    public Pass forward(double[] x) {
        if (x.length != sizes[0]) throw new IllegalArgumentException("the network takes " + sizes[0] + " inputs, got " + x.length);
        Pass pass = new Pass(sizes);
        System.arraycopy(x, 0, pass.layers[0], 0, x.length);
        int last = sizes.length - 2;
        for (int l = 0; l <= last; l++) {
            double[] in = pass.layers[l], out = pass.layers[l + 1];
            int fanOut = sizes[l + 1], kOff = kernelOffsets[l];
            System.arraycopy(parameters, biasOffsets[l], out, 0, fanOut);
            for (int i = 0; i < in.length; i++) {
                double xi = in[i];
                if (xi == 0) continue;
                int row = kOff + i * fanOut;
                for (int j = 0; j < fanOut; j++) out[j] += xi * parameters[row + j];
            }
            if (l < last) for (int j = 0; j < fanOut; j++) out[j] = 1 / (1 + Math.exp(-out[j]));
        }
        return pass;
    }

    /** The N² H-parameters of a single-input network for x (the tutorial's x = |ψ|). */
    public double[] output(double x) {
        return forward(x).output();
    }

    /** The N² H-parameters for the input features x. */
    public double[] output(double[] x) {
        return forward(x).output();
    }

    /**
     * Backward pass: adds ∂L/∂θ to {@code gradient} (parameter layout) for ∂L/∂output = {@code dOutput}.
     */
    public void backward(Pass pass, double[] dOutput, double[] gradient) {
        double[] delta = dOutput.clone();
        for (int l = sizes.length - 2; l >= 0; l--) {
            double[] in = pass.layers[l];
            int fanOut = sizes[l + 1], kOff = kernelOffsets[l], bOff = biasOffsets[l];
            for (int j = 0; j < fanOut; j++) gradient[bOff + j] += delta[j];
            double[] deltaIn = l > 0 ? new double[in.length] : null;
            for (int i = 0; i < in.length; i++) {
                double xi = in[i], back = 0;
                int row = kOff + i * fanOut;
                for (int j = 0; j < fanOut; j++) {
                    gradient[row + j] += xi * delta[j];
                    back += parameters[row + j] * delta[j];
                }
                if (deltaIn != null) deltaIn[i] = back * xi * (1 - xi);   // sigmoid' = σ(1 − σ)
            }
            delta = deltaIn;
        }
    }
}
