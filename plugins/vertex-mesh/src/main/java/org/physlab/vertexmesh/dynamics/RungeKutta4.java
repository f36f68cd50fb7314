package org.physlab.vertexmesh.dynamics;

/** The classical fourth-order Runge–Kutta method (4 evaluations per step). */
public final class RungeKutta4 implements Stepper {
    private final double[] k1, k2, k3, k4, tmp;

    public RungeKutta4(int dimension) {
        k1 = new double[dimension];
        k2 = new double[dimension];
        k3 = new double[dimension];
        k4 = new double[dimension];
        tmp = new double[dimension];
    }

    @Override
    public void step(OdeSystem f, double[] y, double h) {
        int n = y.length;
        f.derivative(y, k1);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * h * k1[i];
        f.derivative(tmp, k2);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * h * k2[i];
        f.derivative(tmp, k3);
        for (int i = 0; i < n; i++) tmp[i] = y[i] + h * k3[i];
        f.derivative(tmp, k4);
        for (int i = 0; i < n; i++) y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }

    @Override
    public int evaluationsPerStep() {
        return 4;
    }
}
