package org.physlab.calabiyau.quintic;

/**
 * The Fubini–Study metric of P^4 in an affine chart, without a 1/π factor:
 * g_{i j̄}(u) = [δ_ij (1 + |u|^2) − conj(u_i) u_j] / (1 + |u|^2)^2, Kähler potential log(1 + |u|^2).
 */
public final class FubiniStudy {

    private FubiniStudy() {
    }

    /** log(1 + |u|^2). */
    public static double potential(double[] u) {
        double n = 0;
        for (double v : u) n += v * v;
        return Math.log1p(n);
    }

    /**
     * @param u   affine point (2m doubles)
     * @param out the m×m metric, row-major pairs (2m^2 doubles)
     */
    public static void metric(double[] u, double[] out) {
        int m = u.length / 2;
        double n = 0;
        for (double v : u) n += v * v;
        double one = 1 + n, inv2 = 1 / (one * one);
        for (int i = 0; i < m; i++) {
            double ir = u[2 * i], ii = -u[2 * i + 1];  // conj(u_i)
            for (int j = 0; j < m; j++) {
                double jr = u[2 * j], ji = u[2 * j + 1];
                double re = (i == j ? one : 0) - (ir * jr - ii * ji);
                double im = -(ir * ji + ii * jr);
                out[2 * (i * m + j)] = re * inv2;
                out[2 * (i * m + j) + 1] = im * inv2;
            }
        }
    }
}
