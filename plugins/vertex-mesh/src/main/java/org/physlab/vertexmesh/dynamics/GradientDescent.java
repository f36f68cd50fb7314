package org.physlab.vertexmesh.dynamics;

import org.physlab.vertexmesh.energy.TutorialEnergy;

/**
 * The tutorial's relaxation step V ← V − dt·∇_V E(V; ℓ₀) (its {@code make_step}), straight on the
 * energy without the ODE indirection. Numerically identical to {@link ExplicitEuler} on the
 * {@link GradientFlow}.
 */
public final class GradientDescent implements Stepper {
    private final double[] gradient;

    public GradientDescent(int dimension) {
        this.gradient = new double[dimension];
    }

    /** One descent step on the energy itself. */
    public void step(TutorialEnergy energy, double ell0, double[] v, double dt) {
        energy.gradient(v, ell0, gradient);
        for (int i = 0; i < v.length; i++) v[i] -= dt * gradient[i];
    }

    /** As a stepper for a {@link GradientFlow} (or any ODE: then it is forward Euler). */
    @Override
    public void step(OdeSystem f, double[] y, double h) {
        if (f instanceof GradientFlow g) {
            step(g.energy(), g.ell0(), y, h);
        } else {
            f.derivative(y, gradient);
            for (int i = 0; i < y.length; i++) y[i] += h * gradient[i];
        }
    }

    @Override
    public int evaluationsPerStep() {
        return 1;
    }
}
