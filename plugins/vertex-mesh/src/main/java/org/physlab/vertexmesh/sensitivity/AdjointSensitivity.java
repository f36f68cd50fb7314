package org.physlab.vertexmesh.sensitivity;

import java.util.List;

/**
 * The discrete adjoint of N gradient-descent steps (spec §8.2). A forward pass relaxes the mesh; then,
 * from λ_N = ∂L/∂V_N, the backward pass runs k = N−1 … 0 with
 * dL/dθ += −dt·⟨λ_{k+1}, ∂_θ∇E(V_k)⟩ and λ_k = λ_{k+1} − dt·H(V_k)·λ_{k+1} (H is symmetric).
 *
 * <p>The backward pass needs every V_k in reverse order. Instead of storing all N states (20,000 × 262
 * doubles ≈ 42 MB per mesh) it keeps a checkpoint every K steps and recomputes one segment of K states at
 * a time before walking back through it: memory O((N/K + K)·N_V), cost one extra gradient per step. The
 * default K = ⌈√N⌉ minimises the memory; {@link #storingTrajectory()} keeps everything and recomputes
 * nothing. Both give bit-identical results. One backward pass serves any number of parameters, which is
 * why the adjoint is the method for learning several parameters at once.
 */
public final class AdjointSensitivity implements SensitivityMethod {
    private final int checkpointInterval;

    private AdjointSensitivity(int checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
    }

    /** Checkpoints every ⌈√N⌉ steps. */
    public static AdjointSensitivity withSqrtCheckpoints() {
        return new AdjointSensitivity(0);
    }

    /** Checkpoints every {@code interval} steps (≥ 1). */
    public static AdjointSensitivity withCheckpointInterval(int interval) {
        if (interval < 1) throw new IllegalArgumentException("the checkpoint interval must be at least 1, got " + interval);
        return new AdjointSensitivity(interval);
    }

    /** Stores the whole trajectory: no recomputation, O(N·N_V) memory. */
    public static AdjointSensitivity storingTrajectory() {
        return new AdjointSensitivity(Integer.MAX_VALUE);
    }

    @Override
    public String name() {
        return "adjoint";
    }

    /** The checkpoint interval K used for N steps. */
    public int intervalFor(int steps) {
        return checkpointInterval == 0 ? (int) Math.ceil(Math.sqrt(steps)) : Math.min(checkpointInterval, steps);
    }

    @Override
    public MetaGradient metaGradient(UnrolledRelaxation relaxation, double[] initialVertices, EnergyParameters parameters,
                                     CancellationCheck cancellation) {
        EnergyKernel energy = relaxation.energy();
        List<EnergyParameter> learned = relaxation.learned();
        int n = energy.coordinateCount();
        if (initialVertices.length != n) {
            throw new IllegalArgumentException("expected " + n + " coordinates, got " + initialVertices.length);
        }
        int steps = relaxation.steps();
        double dt = relaxation.stepSize();
        int interval = intervalFor(steps);
        int segments = (steps + interval - 1) / interval;
        int lastStart = (segments - 1) * interval;
        double[][] checkpoints = new double[segments - 1][];
        double[][] segment = new double[Math.min(interval, steps)][n];

        // forward: checkpoints at multiples of K before the last segment, which stays in the segment buffer
        double[] v = initialVertices.clone();
        double[] g = new double[n];
        for (int k = 0; k < steps; k++) {
            if (k % UnrolledRelaxation.CHECK_INTERVAL == 0 && k > 0) {
                cancellation.check();
                relaxation.requireFinite(v, "vertex positions", k, parameters);
            }
            if (k < lastStart) {
                if (k % interval == 0) checkpoints[k / interval] = v.clone();
            } else {
                System.arraycopy(v, 0, segment[k - lastStart], 0, n);
            }
            energy.gradient(v, parameters, g);
            UnrolledRelaxation.descend(v, g, dt);
        }
        relaxation.requireFinite(v, "vertex positions", steps, parameters);

        // backward
        double[] lambda = new double[n];
        double loss = relaxation.loss().valueAndGradient(v, lambda);
        double[] hl = new double[n];
        double[] dots = new double[EnergyParameter.values().length];
        double[] gradient = new double[learned.size()];
        int done = 0;
        for (int seg = segments - 1; seg >= 0; seg--) {
            int start = seg * interval;
            int end = Math.min(start + interval, steps);
            if (seg < segments - 1) {
                System.arraycopy(checkpoints[seg], 0, segment[0], 0, n);
                for (int i = 1; i < end - start; i++) {
                    energy.gradient(segment[i - 1], parameters, g);
                    double[] previous = segment[i - 1];
                    double[] next = segment[i];
                    for (int c = 0; c < n; c++) next[c] = previous[c] - dt * g[c];
                }
                checkpoints[seg] = null;
            }
            for (int k = end - 1; k >= start; k--) {
                if (++done % UnrolledRelaxation.CHECK_INTERVAL == 0) cancellation.check();
                energy.adjointProduct(segment[k - start], parameters, lambda, hl, dots);
                for (int j = 0; j < gradient.length; j++) gradient[j] -= dt * dots[learned.get(j).ordinal()];
                UnrolledRelaxation.descend(lambda, hl, dt);
            }
        }
        relaxation.requireFinite(gradient, "the adjoint's parameter derivatives", steps, parameters);
        return new MetaGradient(loss, learned, gradient, v);
    }
}
