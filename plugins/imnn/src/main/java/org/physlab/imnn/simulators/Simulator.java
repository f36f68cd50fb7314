package org.physlab.imnn.simulators;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A stochastic model d = s(θ, noise) whose data an IMNN learns to compress. The noise comes from the
 * given random generator: the same generator state gives the same noise in {@link #simulate} and
 * {@link #simulateWithDerivative}, so seed-matched finite differences (the numerical variant) only see
 * the change in θ.
 */
public interface Simulator {

    /** Number of data points in one simulation (the network's input width). */
    int dataSize();

    /** Number of model parameters θ. */
    int parameterCount();

    /** Names of the parameters, in order, e.g. {@code ["mu", "Sigma"]}. */
    List<String> parameterNames();

    /** The fiducial parameters at which the network is trained (a fresh copy). */
    double[] fiducial();

    /** Draws one simulation at {@code theta} into {@code out} (length {@link #dataSize()}). */
    void simulate(double[] theta, RandomGenerator rng, double[] out);

    /**
     * Draws one simulation and its derivative ∂d/∂θ: {@code derivative[param][data]}. Uses exactly the
     * same random draws as {@link #simulate} would from the same generator state.
     */
    void simulateWithDerivative(double[] theta, RandomGenerator rng, double[] out, double[][] derivative);

    /** The Fisher information of the data themselves at {@code theta}, where it is known in closed form. */
    Optional<double[][]> analyticFisher(double[] theta);
}
