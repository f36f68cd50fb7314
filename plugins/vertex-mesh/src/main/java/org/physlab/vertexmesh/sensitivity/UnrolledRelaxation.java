package org.physlab.vertexmesh.sensitivity;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.physlab.vertexmesh.dynamics.RelaxationDivergedException;
import org.physlab.vertexmesh.mesh.HalfEdgeMesh;

/**
 * The model that meta-training differentiates (the tutorial's {@code RelaxationDynamics}, spec §6.2):
 * N full gradient-descent steps V_{k+1} = V_k − dt·∇_V E(V_k; θ) from the input mesh, then the meta-loss
 * of V_N.
 *
 * @param energy   the compiled energy of the mesh connectivity
 * @param loss     the meta-loss (holds the target edge length)
 * @param steps    N, the number of gradient-descent steps (≥ 1)
 * @param stepSize dt (&gt; 0)
 * @param learned  the parameters θ to differentiate with respect to (at least one, no repeats)
 */
public record UnrolledRelaxation(EnergyKernel energy, MetaLoss loss, int steps, double stepSize,
                                 List<EnergyParameter> learned) {

    /** Inner steps between two cancellation checks and non-finite checks. */
    public static final int CHECK_INTERVAL = 250;

    public UnrolledRelaxation {
        if (steps < 1) throw new IllegalArgumentException("the relaxation needs at least one step, got " + steps);
        if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("the step size must be positive and finite, got " + stepSize);
        }
        learned = List.copyOf(learned);
        if (learned.isEmpty()) throw new IllegalArgumentException("at least one parameter must be learned");
        if (EnumSet.copyOf(learned).size() != learned.size()) {
            throw new IllegalArgumentException("a learned parameter is listed twice: " + learned);
        }
    }

    /** The tutorial's model on a mesh connectivity: its energy, the meta-loss with target m, N steps of size dt. */
    public static UnrolledRelaxation of(HalfEdgeMesh topology, double targetEll0, int steps, double stepSize,
                                        List<EnergyParameter> learned) {
        return new UnrolledRelaxation(new EnergyKernel(topology), new MetaLoss(topology, targetEll0), steps, stepSize, learned);
    }

    /** Relaxes a copy of {@code initialVertices} by N gradient-descent steps (no sensitivities). */
    public double[] relax(double[] initialVertices, EnergyParameters parameters, CancellationCheck cancellation) {
        double[] v = initialVertices.clone();
        double[] g = new double[v.length];
        for (int k = 0; k < steps; k++) {
            if (k % CHECK_INTERVAL == 0 && k > 0) {
                cancellation.check();
                requireFinite(v, "vertex positions", k, parameters);
            }
            energy.gradient(v, parameters, g);
            descend(v, g, stepSize);
        }
        requireFinite(v, "vertex positions", steps, parameters);
        return v;
    }

    /** x ← x − dt·d over the whole array. */
    static void descend(double[] x, double[] d, double dt) {
        for (int i = 0; i < x.length; i++) x[i] -= dt * d[i];
    }

    /** Throws {@link RelaxationDivergedException} (naming the steps and the step size) if {@code x} holds NaN or ±∞ at step {@code step}. */
    void requireFinite(double[] x, String what, int step, EnergyParameters parameters) {
        double sum = 0;
        for (double value : x) sum += value * 0;   // NaN·0 and ∞·0 are NaN; finite·0 is 0
        if (sum != 0) {
            int lastChecked = (step - 1) / CHECK_INTERVAL * CHECK_INTERVAL;
            throw new RelaxationDivergedException(String.format(Locale.ROOT,
                    "the relaxation blew up: %s became NaN or infinite between steps %d and %d "
                            + "(stepSize %s, ℓ₀ %s, area weight %s); gradient descent needs stepSize below 2/λ_max "
                            + "of the energy's Hessian (λ_max grows like 1/ℓ₀²), so try a smaller stepSize",
                    what, lastChecked, step, stepSize, parameters.ell0(), parameters.areaWeight()), step);
        }
    }
}
