package org.physlab.vertexmesh.dynamics;

import org.physlab.vertexmesh.energy.TutorialEnergy;

/** The overdamped relaxation dV/dt = −∇_V E(V; ℓ₀) of the tutorial energy. */
public record GradientFlow(TutorialEnergy energy, double ell0) implements OdeSystem {

    public GradientFlow {
        if (!(ell0 > 0) || !Double.isFinite(ell0)) throw new IllegalArgumentException("ℓ₀ must be positive, got " + ell0);
    }

    @Override
    public void derivative(double[] y, double[] dydt) {
        energy.gradient(y, ell0, dydt);
        for (int i = 0; i < dydt.length; i++) dydt[i] = -dydt[i];
    }
}
