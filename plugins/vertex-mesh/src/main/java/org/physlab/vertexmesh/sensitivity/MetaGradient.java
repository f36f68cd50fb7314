package org.physlab.vertexmesh.sensitivity;

import java.util.List;

/**
 * The meta-loss of one differentiated relaxation and its gradient with respect to the learned parameters.
 *
 * @param loss             L(V_N), the meta-loss of the relaxed mesh
 * @param learned          the parameters differentiated, in the order of {@code gradient}
 * @param gradient         dL/dθ for each learned parameter θ
 * @param relaxedVertices  V_N, the relaxed vertex positions (interleaved x, y)
 */
public record MetaGradient(double loss, List<EnergyParameter> learned, double[] gradient, double[] relaxedVertices) {

    public MetaGradient {
        learned = List.copyOf(learned);
        if (gradient.length != learned.size()) {
            throw new IllegalArgumentException(gradient.length + " derivatives for " + learned.size() + " parameters");
        }
    }

    /** dL/dθ for one learned parameter. */
    public double derivative(EnergyParameter parameter) {
        int i = learned.indexOf(parameter);
        if (i < 0) throw new IllegalArgumentException(parameter.key() + " was not differentiated (learned: " + learned + ")");
        return gradient[i];
    }
}
