package org.physlab.vertexmesh.dynamics;

/** Forward Euler, y ← y + h·f(y) (order 1). For a gradient flow this is gradient descent with step h. */
public final class ExplicitEuler implements Stepper {
    private final double[] k;

    public ExplicitEuler(int dimension) {
        this.k = new double[dimension];
    }

    @Override
    public void step(OdeSystem f, double[] y, double h) {
        f.derivative(y, k);
        for (int i = 0; i < y.length; i++) y[i] += h * k[i];
    }

    @Override
    public int evaluationsPerStep() {
        return 1;
    }
}
