package org.physlab.imnn.fisher;

/**
 * Dense algebra on the small (n_params × n_params, n_summaries × n_summaries) matrices of the Fisher
 * statistics, in double precision: LU with partial pivoting for determinants and inverses.
 */
public final class SmallMatrix {
    private SmallMatrix() { }

    /** The n × n identity. */
    public static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) m[i][i] = 1;
        return m;
    }

    /** a·b. */
    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, k = b.length, m = b[0].length;
        if (a[0].length != k) throw new IllegalArgumentException("shapes " + n + "x" + a[0].length + " and " + k + "x" + m);
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double v = a[i][l];
                for (int j = 0; j < m; j++) c[i][j] += v * b[l][j];
            }
        }
        return c;
    }

    /** aᵀ. */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    /** a + b. */
    public static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[i][j] = a[i][j] + b[i][j];
        return c;
    }

    /** s·a. */
    public static double[][] scale(double s, double[][] a) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[i][j] = s * a[i][j];
        return c;
    }

    /** a − I. */
    public static double[][] minusIdentity(double[][] a) {
        double[][] c = copy(a);
        for (int i = 0; i < a.length; i++) c[i][i] -= 1;
        return c;
    }

    /** The Frobenius norm ‖a‖_F (not squared). */
    public static double frobeniusNorm(double[][] a) {
        double s = 0;
        for (double[] row : a) for (double v : row) s += v * v;
        return Math.sqrt(s);
    }

    /** A deep copy. */
    public static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /** det a (0 for a singular matrix). */
    public static double determinant(double[][] a) {
        int n = square(a);
        double[][] lu = copy(a);
        double det = 1;
        for (int c = 0; c < n; c++) {
            int p = pivot(lu, c);
            if (lu[p][c] == 0) return 0;
            if (p != c) {
                double[] t = lu[p]; lu[p] = lu[c]; lu[c] = t;
                det = -det;
            }
            det *= lu[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = lu[r][c] / lu[c][c];
                for (int k = c; k < n; k++) lu[r][k] -= f * lu[c][k];
            }
        }
        return det;
    }

    /**
     * a⁻¹ by Gauss–Jordan elimination with partial pivoting.
     *
     * @throws ArithmeticException if a is singular or holds non-finite values
     */
    public static double[][] inverse(double[][] a) {
        int n = square(a);
        double[][] m = copy(a);
        double[][] inv = identity(n);
        for (int c = 0; c < n; c++) {
            int p = pivot(m, c);
            if (m[p][c] == 0 || !Double.isFinite(m[p][c])) {
                throw new ArithmeticException("singular or non-finite " + n + "x" + n + " matrix");
            }
            double[] t = m[p]; m[p] = m[c]; m[c] = t;
            t = inv[p]; inv[p] = inv[c]; inv[c] = t;
            double d = m[c][c];
            for (int k = 0; k < n; k++) { m[c][k] /= d; inv[c][k] /= d; }
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = m[r][c];
                if (f == 0) continue;
                for (int k = 0; k < n; k++) { m[r][k] -= f * m[c][k]; inv[r][k] -= f * inv[c][k]; }
            }
        }
        return inv;
    }

    private static int pivot(double[][] m, int c) {
        int p = c;
        for (int r = c + 1; r < m.length; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
        return p;
    }

    private static int square(double[][] a) {
        for (double[] row : a) {
            if (row.length != a.length) throw new IllegalArgumentException("not a square matrix");
        }
        return a.length;
    }
}
