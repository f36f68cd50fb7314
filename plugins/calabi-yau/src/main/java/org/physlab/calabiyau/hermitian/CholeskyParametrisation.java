package org.physlab.calabiyau.hermitian;

import java.util.random.RandomGenerator;

/**
 * The real parametrisation of a Hermitian positive semi-definite H = M M^† by N^2 reals, M upper
 * triangular, in cyjax's layout: h[0:N] the real diagonal of M (not forced positive), then the real parts
 * of the strictly-upper entries, then their imaginary parts, both in row-major order
 * (0,1),(0,2),…,(0,N−1),(1,2),…. H is positive definite iff every diagonal entry is non-zero.
 */
public final class CholeskyParametrisation {

    private CholeskyParametrisation() {
    }

    /** N from the parameter count N^2. */
    public static int matrixSize(int parameterCount) {
        int n = (int) Math.round(Math.sqrt(parameterCount));
        if (n < 1 || n * n != parameterCount) {
            throw new IllegalArgumentException("a Cholesky parametrisation has N^2 entries, got " + parameterCount);
        }
        return n;
    }

    /** The upper-triangular factor M as {real parts, imaginary parts}, row-major N×N each. */
    public static double[][] factor(double[] h) {
        int n = matrixSize(h.length);
        double[] mr = new double[n * n], mi = new double[n * n];
        int off = n * (n - 1) / 2;
        int k = 0;
        for (int i = 0; i < n; i++) {
            mr[i * n + i] = h[i];
            for (int j = i + 1; j < n; j++) {
                mr[i * n + j] = h[n + k];
                mi[i * n + j] = h[n + off + k];
                k++;
            }
        }
        return new double[][] {mr, mi};
    }

    /**
     * H = M M^† of the parameters.
     *
     * @throws IllegalArgumentException if the length is not a square or an entry is not finite
     */
    public static HermitianMatrix decode(double[] h) {
        for (double v : h) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("H parameters must be finite");
        }
        int n = matrixSize(h.length);
        double[][] m = factor(h);
        return HermitianMatrix.gram(n, m[0], m[1]);
    }

    /**
     * Initial parameters: zeros, with the diagonal 1 + fluctuation·N(0,1), so H ≈ I.
     *
     * @param fluctuation standard deviation of the diagonal noise (0 gives H = I exactly)
     */
    public static double[] initial(int n, double fluctuation, RandomGenerator random) {
        if (n < 1) throw new IllegalArgumentException("matrix size must be at least 1, got " + n);
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) h[i] = 1 + (fluctuation == 0 ? 0 : fluctuation * random.nextGaussian());
        return h;
    }
}
