package org.physlab.vertexmesh.sensitivity;

import java.util.function.DoubleUnaryOperator;

/** Finite-difference oracles and error measures for the sensitivity tests. */
final class Differences {
    private Differences() { }

    /** f'(x) by the five-point stencil: truncation O(h⁴), so h ≈ 1e−3 gives ~1e−12. */
    static double fivePoint(DoubleUnaryOperator f, double x, double h) {
        return (-f.applyAsDouble(x + 2 * h) + 8 * f.applyAsDouble(x + h) - 8 * f.applyAsDouble(x - h)
                + f.applyAsDouble(x - 2 * h)) / (12 * h);
    }

    /** f'(x) by the central difference (f(x+h) − f(x−h))/2h. */
    static double central(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /** ‖a − b‖ / ‖b‖. */
    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }

    static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }

    /** x + h·d. */
    static double[] shifted(double[] x, double[] d, double h) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) y[i] += h * d[i];
        return y;
    }
}
