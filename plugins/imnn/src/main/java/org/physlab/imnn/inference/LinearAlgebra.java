package org.physlab.imnn.inference;

/** The few dense small-matrix operations the inference code needs beyond {@code fisher.SmallMatrix}. */
final class LinearAlgebra {

    private LinearAlgebra() { }

    /** y = A·x. */
    static double[] times(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != x.length) {
                throw new IllegalArgumentException("matrix row " + i + " has " + a[i].length + " columns, vector " + x.length + " entries");
            }
            double s = 0;
            for (int j = 0; j < x.length; j++) s += a[i][j] * x[j];
            y[i] = s;
        }
        return y;
    }

    /** xᵀ·A·x. */
    static double quadraticForm(double[][] a, double[] x) {
        double[] ax = times(a, x);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * ax[i];
        return s;
    }

    /**
     * The lower-triangular L with L·Lᵀ = A.
     *
     * @throws IllegalArgumentException if A is not symmetric positive definite
     */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        throw new IllegalArgumentException("matrix is not positive definite (pivot " + i + " = " + s + ")");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** Solves L·y = b for lower-triangular L. */
    static double[] forwardSubstitute(double[][] l, double[] b) {
        double[] y = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
            y[i] = s / l[i][i];
        }
        return y;
    }

    static double logDeterminantFromCholesky(double[][] l) {
        double s = 0;
        for (int i = 0; i < l.length; i++) s += Math.log(l[i][i]);
        return 2 * s;
    }
}
