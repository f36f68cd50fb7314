package org.physlab.imnn.inference;

/** Weighted moments of a particle population. */
final class Weighted {

    private Weighted() { }

    static double[] mean(double[][] x, double[] w) {
        int p = x[0].length;
        double[] m = new double[p];
        double total = 0;
        for (int k = 0; k < x.length; k++) {
            total += w[k];
            for (int i = 0; i < p; i++) m[i] += w[k] * x[k][i];
        }
        for (int i = 0; i < p; i++) m[i] /= total;
        return m;
    }

    /**
     * The mean-centred weighted covariance Σ w (θ − m)(θ − m)ᵀ / Σ w. (Upstream PMC used Σ w²θθᵀ / Σ w²,
     * which is not centred.)
     */
    static double[][] covariance(double[][] x, double[] w) {
        double[] m = mean(x, w);
        int p = m.length;
        double[][] c = new double[p][p];
        double total = 0;
        for (int k = 0; k < x.length; k++) {
            total += w[k];
            for (int i = 0; i < p; i++) {
                double di = x[k][i] - m[i];
                for (int j = 0; j < p; j++) c[i][j] += w[k] * di * (x[k][j] - m[j]);
            }
        }
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) c[i][j] /= total;
        return c;
    }
}
