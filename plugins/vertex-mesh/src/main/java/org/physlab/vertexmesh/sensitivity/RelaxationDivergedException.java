package org.physlab.vertexmesh.sensitivity;

import java.util.Locale;

/**
 * Gradient descent blew up: vertex positions (or their sensitivities) became NaN or infinite. The usual
 * cause is a step size beyond the stability limit dt &lt; 2/λ_max of the energy's Hessian (λ_max grows
 * like ℓ₀⁻², spec §5.2).
 */
public final class RelaxationDivergedException extends IllegalStateException {
    private final int step;

    RelaxationDivergedException(String what, int lastFiniteStep, int step, double stepSize, EnergyParameters parameters) {
        super(String.format(Locale.ROOT,
                "the relaxation blew up: %s became NaN or infinite between steps %d and %d "
                        + "(stepSize %s, ℓ₀ %s, area weight %s); gradient descent needs stepSize below 2/λ_max "
                        + "of the energy's Hessian, so try a smaller stepSize",
                what, lastFiniteStep, step, stepSize, parameters.ell0(), parameters.areaWeight()));
        this.step = step;
    }

    /** The step by which the values were found non-finite. */
    public int step() {
        return step;
    }
}
