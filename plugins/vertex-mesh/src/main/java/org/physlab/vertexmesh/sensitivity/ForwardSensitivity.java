package org.physlab.vertexmesh.sensitivity;

import java.util.List;

/**
 * Forward-mode sensitivity (spec §8.1): alongside V_k it carries one tangent S_k = ∂V_k/∂θ per learned
 * parameter θ, starting from S_0 = 0, with S_{k+1} = S_k − dt·[H(V_k)·S_k + ∂_θ∇E(V_k)]; at the end
 * dL/dθ = ⟨∂L/∂V_N, S_N⟩. One fused gradient-and-tangent pass per step and parameter; memory O(N_V).
 * The method of choice for one or two parameters (the tutorial's default).
 */
public final class ForwardSensitivity implements SensitivityMethod {

    @Override
    public String name() {
        return "forward";
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
        int tangents = learned.size();
        double dt = relaxation.stepSize();
        double[] v = initialVertices.clone();
        double[] g = new double[n];
        double[] scratch = new double[n];
        double[][] s = new double[tangents][n];
        double[][] t = new double[tangents][n];
        double[] dEll0 = new double[tangents];
        double[] dWeight = new double[tangents];
        for (int j = 0; j < tangents; j++) {
            dEll0[j] = learned.get(j) == EnergyParameter.ELL0 ? 1 : 0;
            dWeight[j] = learned.get(j) == EnergyParameter.AREA_WEIGHT ? 1 : 0;
        }
        int steps = relaxation.steps();
        for (int k = 0; k < steps; k++) {
            if (k % UnrolledRelaxation.CHECK_INTERVAL == 0 && k > 0) {
                cancellation.check();
                checkFinite(relaxation, v, s, k, parameters);
            }
            energy.gradientAndTangent(v, parameters, s[0], dEll0[0], dWeight[0], g, t[0]);
            for (int j = 1; j < tangents; j++) {
                energy.gradientAndTangent(v, parameters, s[j], dEll0[j], dWeight[j], scratch, t[j]);
            }
            UnrolledRelaxation.descend(v, g, dt);
            for (int j = 0; j < tangents; j++) UnrolledRelaxation.descend(s[j], t[j], dt);
        }
        checkFinite(relaxation, v, s, steps, parameters);
        double loss = relaxation.loss().valueAndGradient(v, g);
        double[] gradient = new double[tangents];
        for (int j = 0; j < tangents; j++) {
            double dot = 0;
            for (int i = 0; i < n; i++) dot += g[i] * s[j][i];
            gradient[j] = dot;
        }
        return new MetaGradient(loss, learned, gradient, v);
    }

    private static void checkFinite(UnrolledRelaxation relaxation, double[] v, double[][] s, int step,
                                    EnergyParameters parameters) {
        relaxation.requireFinite(v, "vertex positions", step, parameters);
        for (double[] tangent : s) relaxation.requireFinite(tangent, "sensitivities ∂V/∂θ", step, parameters);
    }
}
