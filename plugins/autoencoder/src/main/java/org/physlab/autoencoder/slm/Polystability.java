package org.physlab.autoencoder.slm;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.physlab.autoencoder.cicy.CicyGeometry;

/**
 * Whether the slopes mu(L_a)(t) = d_rst k_a^r t^s t^t of the line bundles of V vanish together at one
 * Kaehler class t inside the cone (t^i > 0), the condition for V = sum_a L_a to be poly-stable with slope 0.
 *
 * <p>Two steps. (1) A cheap necessary test (1307.4787, p. 13): at a common zero every combination
 * sum_a c_a mu_a vanishes too, so no combination sum_a c_a M_a of the slope matrices (M_a)_st = d_rst k_a^r
 * may be non-zero with entries of one sign; all c in {-1, 0, 1}^n are tried. (2) A numerical search:
 * minimise f(s) = sum_a mu_a(t)^2 / |t|^4 over t = exp(s) (so t stays in the cone and f is scale-free) by
 * Levenberg-Marquardt from the centre t = (1, ..., 1) and a fixed set of further starting points; a zero is
 * accepted when f < 1e-18 with all ratios t^i / t^j below 1e6 (a minimum reached only towards the boundary of
 * the cone is not a point inside it). Deterministic: the starting points do not depend on any run seed.
 */
public final class Polystability {

    /** f below this is a zero (the slopes are integral quadrics of size ~1-100 at |t| = 1). */
    static final double TOLERANCE = 1e-18;
    /** The largest accepted ln(t^i / t^j): the point must lie well inside the cone. */
    static final double MAX_LOG_RATIO = Math.log(1e6);
    private static final int STARTS = 16;
    private static final int ITERATIONS = 400;

    /** The outcome: whether a common zero was found, where, and the best f, or the sign obstruction. */
    public record Result(boolean stable, double[] kahlerClass, double residual, int[] obstruction) {
        /** In words, for checker messages. */
        public String describe() {
            if (stable) return "slopes vanish at t = " + Arrays.toString(round(kahlerClass)) + " (f = " + residual + ")";
            if (obstruction != null) {
                return "the combination " + combination(obstruction) + " has a slope matrix of one sign, so it cannot vanish inside the Kaehler cone";
            }
            if (!Double.isFinite(residual)) {
                return "no common zero of the slopes inside the Kaehler cone (the minimum of sum mu_a^2/|t|^4 is approached only towards its boundary)";
            }
            return "no common zero of the slopes inside the Kaehler cone (least sum mu_a^2/|t|^4 found: "
                    + String.format(java.util.Locale.ROOT, "%.3g", residual) + ")";
        }
    }

    private Polystability() { }

    /** Tests the line bundles of V (rows of {@code lineBundles}) on the given geometry. */
    public static Result test(CicyGeometry geometry, int[][] lineBundles) {
        int n = lineBundles.length, h = geometry.h11();
        int[][][] m = new int[n][][];
        for (int a = 0; a < n; a++) m[a] = geometry.slopeMatrix(lineBundles[a]);
        int[] obstruction = signObstruction(m, h);
        if (obstruction != null) return new Result(false, null, Double.NaN, obstruction);
        return minimise(m, h);
    }

    /* The least non-trivial c in {-1,0,1}^n (lexicographic over the ternary counter) with sum_a c_a M_a of one sign, or null. */
    static int[] signObstruction(int[][][] m, int h) {
        int n = m.length;
        int combos = 1;
        for (int a = 0; a < n; a++) combos *= 3;
        int[] c = new int[n];
        for (int code = 1; code < combos; code++) {
            int x = code;
            for (int a = 0; a < n; a++) {
                c[a] = x % 3 - 1;
                x /= 3;
            }
            boolean positive = false, negative = false;
            for (int s = 0; s < h && !(positive && negative); s++) {
                for (int t = s; t < h; t++) {
                    int sum = 0;
                    for (int a = 0; a < n; a++) sum += c[a] * m[a][s][t];
                    if (sum > 0) positive = true;
                    else if (sum < 0) negative = true;
                }
            }
            if (positive != negative) return c.clone();
        }
        return null;
    }

    private static Result minimise(int[][][] m, int h) {
        SplittableRandom starts = new SplittableRandom(0x5ab1e);
        double best = Double.POSITIVE_INFINITY;
        double[] bestS = null;
        for (int start = 0; start < STARTS; start++) {
            double[] s = new double[h];
            if (start > 0) for (int i = 0; i < h; i++) s[i] = starts.nextDouble(-2, 2);
            double f = levenbergMarquardt(m, s);
            boolean inside = spread(s) <= MAX_LOG_RATIO;
            if (inside && f < TOLERANCE) {
                double[] t = new double[h];
                double max = Arrays.stream(s).max().orElse(0);
                for (int i = 0; i < h; i++) t[i] = Math.exp(s[i] - max);
                return new Result(true, t, f, null);
            }
            if (inside && f < best) {
                best = f;
                bestS = s;
            }
        }
        return new Result(false, null, bestS == null ? Double.POSITIVE_INFINITY : best, null);
    }

    private static double spread(double[] s) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    /*
     * Residuals r_a(s) = mu_a(t) / |t|^2 with t = exp(s), Jacobian dr_a/ds_i = 2 t_i [(M_a t)_i - r_a t_i] / |t|^2;
     * damped Gauss-Newton steps (J^T J + lambda (diag(J^T J) + 1e-12)) delta = -J^T r. Returns f = sum r_a^2 at the end,
     * leaving the final point in s.
     */
    static double levenbergMarquardt(int[][][] m, double[] s) {
        int n = m.length, h = s.length;
        double[] r = new double[n];
        double[][] jac = new double[n][h];
        double[] trial = new double[h];
        double f = residuals(m, s, r, jac);
        double lambda = 1e-3;
        double[][] a = new double[h][h + 1];
        for (int it = 0; it < ITERATIONS && f > TOLERANCE * 1e-4; it++) {
            if (spread(s) > MAX_LOG_RATIO + 5) break;      // running off to the boundary of the cone
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < h; j++) {
                    double sum = 0;
                    for (int b = 0; b < n; b++) sum += jac[b][i] * jac[b][j];
                    a[i][j] = sum;
                }
                double g = 0;
                for (int b = 0; b < n; b++) g += jac[b][i] * r[b];
                a[i][h] = -g;
            }
            boolean improved = false;
            for (int tries = 0; tries < 12 && !improved; tries++) {
                double[][] sys = new double[h][];
                for (int i = 0; i < h; i++) {
                    sys[i] = a[i].clone();
                    sys[i][i] += lambda * (a[i][i] + 1e-12);
                }
                double[] delta = solve(sys, h);
                if (delta == null) {
                    lambda *= 10;
                    continue;
                }
                for (int i = 0; i < h; i++) trial[i] = s[i] + delta[i];
                double ft = residuals(m, trial, null, null);
                if (ft < f) {
                    System.arraycopy(trial, 0, s, 0, h);
                    f = residuals(m, s, r, jac);
                    lambda = Math.max(lambda / 3, 1e-12);
                    improved = true;
                } else {
                    lambda *= 4;
                }
            }
            if (!improved) break;
            double mean = Arrays.stream(s).average().orElse(0);   // f is scale-free: keep s centred
            for (int i = 0; i < h; i++) s[i] -= mean;
        }
        return f;
    }

    private static double residuals(int[][][] m, double[] s, double[] r, double[][] jac) {
        int h = s.length;
        double max = Arrays.stream(s).max().orElse(0);
        double[] t = new double[h];
        double norm2 = 0;
        for (int i = 0; i < h; i++) {
            t[i] = Math.exp(s[i] - max);
            norm2 += t[i] * t[i];
        }
        double f = 0;
        double[] mt = new double[h];
        for (int b = 0; b < m.length; b++) {
            double mu = 0;
            for (int i = 0; i < h; i++) {
                double sum = 0;
                for (int j = 0; j < h; j++) sum += m[b][i][j] * t[j];
                mt[i] = sum;
                mu += t[i] * sum;
            }
            double rb = mu / norm2;
            f += rb * rb;
            if (r != null) {
                r[b] = rb;
                for (int i = 0; i < h; i++) jac[b][i] = 2 * t[i] * (mt[i] - rb * t[i]) / norm2;
            }
        }
        return f;
    }

    // Gaussian elimination with partial pivoting on the augmented h x (h+1) system; null if singular
    private static double[] solve(double[][] a, int h) {
        for (int col = 0; col < h; col++) {
            int piv = col;
            for (int row = col + 1; row < h; row++) if (Math.abs(a[row][col]) > Math.abs(a[piv][col])) piv = row;
            if (Math.abs(a[piv][col]) < 1e-300) return null;
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            for (int row = col + 1; row < h; row++) {
                double factor = a[row][col] / a[col][col];
                if (factor == 0) continue;
                for (int k = col; k <= h; k++) a[row][k] -= factor * a[col][k];
            }
        }
        double[] x = new double[h];
        for (int row = h - 1; row >= 0; row--) {
            double sum = a[row][h];
            for (int k = row + 1; k < h; k++) sum -= a[row][k] * x[k];
            x[row] = sum / a[row][row];
        }
        for (double v : x) if (!Double.isFinite(v)) return null;
        return x;
    }

    private static String combination(int[] c) {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < c.length; a++) {
            if (c[a] == 0) continue;
            b.append(c[a] > 0 ? (b.length() == 0 ? "" : " + ") : (b.length() == 0 ? "-" : " - ")).append("mu(L").append(a + 1).append(')');
        }
        return b.toString();
    }

    private static double[] round(double[] t) {
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) out[i] = Math.round(t[i] * 1e4) / 1e4;
        return out;
    }
}
