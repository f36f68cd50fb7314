package org.physlab.vertexmesh.sensitivity;

/**
 * A way to compute the exact derivative of the meta-loss through all N gradient-descent steps of an
 * {@link UnrolledRelaxation}: {@link ForwardSensitivity} (tangents carried forward, spec §8.1) or
 * {@link AdjointSensitivity} (the discrete adjoint run backwards, §8.2). Both give the same numbers up to
 * rounding. Implementations are stateless and thread-safe.
 */
public interface SensitivityMethod {

    /**
     * Relaxes {@code initialVertices} with the given parameters and returns the meta-loss of the result
     * with its gradient with respect to {@link UnrolledRelaxation#learned()}.
     *
     * @throws org.physlab.vertexmesh.dynamics.RelaxationDivergedException if the relaxation blows up
     */
    MetaGradient metaGradient(UnrolledRelaxation relaxation, double[] initialVertices, EnergyParameters parameters,
                              CancellationCheck cancellation);

    /** The name used in the {@code gradient} parameter: {@code forward} or {@code adjoint}. */
    String name();
}
