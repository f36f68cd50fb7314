package org.physlab.calabiyau.quintic;

/**
 * All complex roots of a polynomial with complex coefficients by the Aberth–Ehrlich simultaneous
 * iteration (O. Aberth, Math. Comp. 27 (1973) 339; L. W. Ehrlich, Comm. ACM 10 (1967) 107), started on a
 * circle of the Fujiwara radius, followed by Newton polishing on the original polynomial.
 * Used for the quintic t ↦ Q_ψ(p + t q) of a line, where ND4J has no complex eigenvalue solver.
 */
public final class QuinticRoots {

    private static final int MAX_ITERATIONS = 500;

    private QuinticRoots() {
    }

    /**
     * @param coefficients pairs c_0 … c_n, lowest degree first, c_n ≠ 0
     * @return the n roots as pairs (2n doubles), in no particular order
     * @throws IllegalArgumentException if the leading coefficient is zero or a coefficient is not finite
     * @throws ArithmeticException if the iteration does not converge
     */
    public static double[] roots(double[] coefficients) {
        int n = coefficients.length / 2 - 1;
        if (n < 1 || coefficients.length % 2 != 0) {
            throw new IllegalArgumentException("need the (re, im) pairs of at least two coefficients");
        }
        for (double v : coefficients) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("polynomial coefficients must be finite");
        }
        double lr = coefficients[2 * n], li = coefficients[2 * n + 1];
        double l2 = lr * lr + li * li;
        if (l2 == 0) throw new IllegalArgumentException("the leading coefficient is zero");
        // monic a_k = c_k / c_n
        double[] a = new double[2 * (n + 1)];
        for (int k = 0; k <= n; k++) {
            double r = coefficients[2 * k], s = coefficients[2 * k + 1];
            a[2 * k] = (r * lr + s * li) / l2;
            a[2 * k + 1] = (s * lr - r * li) / l2;
        }
        // Fujiwara bound: 2 max(|a_{n-1}|, |a_{n-2}|^{1/2}, …, |a_0/2|^{1/n})
        double radius = 0;
        for (int k = 1; k <= n; k++) {
            double m = Math.hypot(a[2 * (n - k)], a[2 * (n - k) + 1]);
            if (k == n) m /= 2;
            radius = Math.max(radius, Math.pow(m, 1.0 / k));
        }
        radius = radius == 0 ? 1 : radius;   // only for t^n = 0: all roots are 0, any start converges
        double[] z = new double[2 * n];
        for (int j = 0; j < n; j++) {
            double theta = 2 * Math.PI * j / n + 0.4;
            z[2 * j] = radius * Math.cos(theta);
            z[2 * j + 1] = radius * Math.sin(theta);
        }
        double[] pv = new double[4];
        boolean converged = false;
        for (int it = 0; it < MAX_ITERATIONS && !converged; it++) {
            converged = true;
            for (int i = 0; i < n; i++) {
                double zr = z[2 * i], zi = z[2 * i + 1];
                horner(a, n, zr, zi, pv);
                double pr = pv[0], pi = pv[1], dr = pv[2], di = pv[3];
                if (pr == 0 && pi == 0) continue;
                double dd = dr * dr + di * di;
                if (dd == 0) {   // stationary point of p: nudge off it
                    z[2 * i] += radius * 1e-3;
                    converged = false;
                    continue;
                }
                double rr = (pr * dr + pi * di) / dd, ri = (pi * dr - pr * di) / dd;   // p/p'
                double sr = 0, si = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    double xr = zr - z[2 * j], xi = zi - z[2 * j + 1];
                    double x2 = xr * xr + xi * xi;
                    sr += xr / x2;
                    si -= xi / x2;
                }
                // w = ratio / (1 − ratio · s)
                double er = 1 - (rr * sr - ri * si), ei = -(rr * si + ri * sr);
                double e2 = er * er + ei * ei;
                double wr = (rr * er + ri * ei) / e2, wi = (ri * er - rr * ei) / e2;
                z[2 * i] = zr - wr;
                z[2 * i + 1] = zi - wi;
                if (Math.hypot(wr, wi) > 1e-14 * Math.max(1, Math.hypot(zr, zi))) converged = false;
            }
        }
        if (!converged) throw new ArithmeticException("Aberth iteration did not converge");
        // Newton polishing on the original (non-monic) polynomial; keep a step only if it helps.
        for (int i = 0; i < n; i++) {
            for (int step = 0; step < 2; step++) {
                double zr = z[2 * i], zi = z[2 * i + 1];
                horner(coefficients, n, zr, zi, pv);
                double res = Math.hypot(pv[0], pv[1]);
                double dd = pv[2] * pv[2] + pv[3] * pv[3];
                if (res == 0 || dd == 0) break;
                double nr = zr - (pv[0] * pv[2] + pv[1] * pv[3]) / dd;
                double ni = zi - (pv[1] * pv[2] - pv[0] * pv[3]) / dd;
                double[] trial = new double[4];
                horner(coefficients, n, nr, ni, trial);
                if (Math.hypot(trial[0], trial[1]) < res) {
                    z[2 * i] = nr;
                    z[2 * i + 1] = ni;
                } else {
                    break;
                }
            }
        }
        return z;
    }

    /** Value and derivative of Σ c_k t^k at t = (zr, zi), written to out = [p re, p im, p' re, p' im]. */
    static void horner(double[] c, int n, double zr, double zi, double[] out) {
        double pr = c[2 * n], pi = c[2 * n + 1], dr = 0, di = 0;
        for (int k = n - 1; k >= 0; k--) {
            double t = dr * zr - di * zi + pr;
            di = dr * zi + di * zr + pi;
            dr = t;
            t = pr * zr - pi * zi + c[2 * k];
            pi = pr * zi + pi * zr + c[2 * k + 1];
            pr = t;
        }
        out[0] = pr;
        out[1] = pi;
        out[2] = dr;
        out[3] = di;
    }
}
