package org.physlab.calabiyau.quintic;

import org.physlab.calabiyau.complex.Complex;

/**
 * The Dwork family of quintic threefolds Q_ψ(z) = Σ_i z_i^5 − 5ψ Π_i z_i in P^4, for one complex
 * modulus ψ. ψ = 0 is the Fermat quintic; ψ^5 = 1 are the conifold (singular) members.
 *
 * <p>Homogeneous points are 5 complex coordinates stored as 10 interleaved (re, im) doubles; affine
 * points are the 4 other coordinates divided by the patch coordinate (8 doubles). Because Q_ψ is
 * symmetric under permutations, every patch has the same affine polynomial
 * q(u) = 1 + Σ_j u_j^5 − 5ψ Π_j u_j.
 */
public final class DworkQuintic {

    /** Number of homogeneous coordinates (and the degree of Q). */
    public static final int HOMOGENEOUS = 5;
    /** Number of affine coordinates in a patch. */
    public static final int AFFINE = 4;
    /** Complex dimension of the threefold. */
    public static final int DIMENSION = 3;

    private static final int[] BINOMIAL_5 = {1, 5, 10, 10, 5, 1};

    private final Complex psi;
    private final double pr;
    private final double pi;

    /**
     * @throws IllegalArgumentException if ψ has a non-finite part
     */
    public DworkQuintic(Complex psi) {
        if (psi == null || !psi.isFinite()) {
            throw new IllegalArgumentException("the modulus psi must be a finite complex number, got " + psi);
        }
        this.psi = psi;
        this.pr = psi.re();
        this.pi = psi.im();
    }

    /** The Fermat quintic ψ = 0. */
    public static DworkQuintic fermat() {
        return new DworkQuintic(Complex.ZERO);
    }

    public Complex psi() {
        return psi;
    }

    /** Whether ψ^5 = 1 to rounding, i.e. the member has conifold singularities. */
    public boolean isConifold() {
        return psi.pow(5).minus(Complex.ONE).abs() < 1e-12;
    }

    /** Q_ψ(z) at a homogeneous point (10 doubles). */
    public Complex value(double[] z) {
        requireLength(z, 2 * HOMOGENEOUS, "homogeneous point");
        return evaluate(z, 0, HOMOGENEOUS);
    }

    /** q(u) = 1 + Σ u_j^5 − 5ψ Π u_j at an affine point (8 doubles). */
    public Complex affineValue(double[] u) {
        requireLength(u, 2 * AFFINE, "affine point");
        return evaluate(u, 1, AFFINE);
    }

    private Complex evaluate(double[] z, double constant, int n) {
        double sr = constant, si = 0, mr = 1, mi = 0;
        for (int i = 0; i < n; i++) {
            double a = z[2 * i], b = z[2 * i + 1];
            double a2 = a * a - b * b, b2 = 2 * a * b;            // z^2
            double a4 = a2 * a2 - b2 * b2, b4 = 2 * a2 * b2;      // z^4
            sr += a4 * a - b4 * b;
            si += a4 * b + b4 * a;
            double t = mr * a - mi * b;
            mi = mr * b + mi * a;
            mr = t;
        }
        // − 5ψ Π z
        sr -= 5 * (pr * mr - pi * mi);
        si -= 5 * (pr * mi + pi * mr);
        return new Complex(sr, si);
    }

    /**
     * The holomorphic gradient G_j = ∂q/∂u_j = 5u_j^4 − 5ψ Π_{l≠j} u_l of the affine polynomial.
     *
     * @param u affine point (8 doubles)
     * @param g output, 8 doubles
     */
    public void affineGradient(double[] u, double[] g) {
        for (int j = 0; j < AFFINE; j++) {
            double a = u[2 * j], b = u[2 * j + 1];
            double a2 = a * a - b * b, b2 = 2 * a * b;
            double a4 = a2 * a2 - b2 * b2, b4 = 2 * a2 * b2;
            double mr = 1, mi = 0;
            for (int l = 0; l < AFFINE; l++) {
                if (l == j) continue;
                double x = u[2 * l], y = u[2 * l + 1];
                double t = mr * x - mi * y;
                mi = mr * y + mi * x;
                mr = t;
            }
            g[2 * j] = 5 * a4 - 5 * (pr * mr - pi * mi);
            g[2 * j + 1] = 5 * b4 - 5 * (pr * mi + pi * mr);
        }
    }

    /**
     * The coefficients of the univariate quintic t ↦ Q_ψ(p + t q):
     * c_m = C(5,m) Σ_i p_i^{5−m} q_i^m − 5ψ e_m(p; q), with e_m the coefficient of t^m in Π_i (p_i + t q_i).
     *
     * @return 12 doubles, the pairs c_0 … c_5 (lowest degree first); c_0 = Q(p), c_5 = Q(q)
     */
    public double[] lineCoefficients(double[] p, double[] q) {
        requireLength(p, 2 * HOMOGENEOUS, "line point p");
        requireLength(q, 2 * HOMOGENEOUS, "line point q");
        double[] c = new double[12];
        double[] pp = new double[12];
        double[] qq = new double[12];
        double[] prod = new double[12];
        prod[0] = 1;
        for (int i = 0; i < HOMOGENEOUS; i++) {
            powers(p[2 * i], p[2 * i + 1], pp);
            powers(q[2 * i], q[2 * i + 1], qq);
            for (int m = 0; m <= 5; m++) {
                int a = 2 * (5 - m), b = 2 * m;
                c[2 * m] += BINOMIAL_5[m] * (pp[a] * qq[b] - pp[a + 1] * qq[b + 1]);
                c[2 * m + 1] += BINOMIAL_5[m] * (pp[a] * qq[b + 1] + pp[a + 1] * qq[b]);
            }
            // prod ← prod · (p_i + t q_i)
            double xr = p[2 * i], xi = p[2 * i + 1], yr = q[2 * i], yi = q[2 * i + 1];
            for (int m = i + 1; m >= 0; m--) {
                double r = 0, s = 0;
                if (m <= i) {
                    r += prod[2 * m] * xr - prod[2 * m + 1] * xi;
                    s += prod[2 * m] * xi + prod[2 * m + 1] * xr;
                }
                if (m >= 1) {
                    r += prod[2 * m - 2] * yr - prod[2 * m - 1] * yi;
                    s += prod[2 * m - 2] * yi + prod[2 * m - 1] * yr;
                }
                prod[2 * m] = r;
                prod[2 * m + 1] = s;
            }
        }
        for (int m = 0; m <= 5; m++) {
            double er = prod[2 * m], ei = prod[2 * m + 1];
            c[2 * m] -= 5 * (pr * er - pi * ei);
            c[2 * m + 1] -= 5 * (pr * ei + pi * er);
        }
        return c;
    }

    private static void powers(double a, double b, double[] out) {
        out[0] = 1;
        out[1] = 0;
        for (int e = 1; e <= 5; e++) {
            double r = out[2 * e - 2], s = out[2 * e - 1];
            out[2 * e] = r * a - s * b;
            out[2 * e + 1] = r * b + s * a;
        }
    }

    /** The point in its numerically optimal chart (patch = argmax |z_i|, dependent = argmax |G_j|). */
    public ChartPoint chart(double[] z) {
        return ChartPoint.of(this, z);
    }

    /**
     * The point in a chosen chart: patch (homogeneous index scaled to 1) and dependent coordinate (affine
     * index). Weights and η do not depend on the choice; the optimal chart is the best conditioned.
     *
     * @throws IllegalArgumentException if an index is out of range or z_patch = 0
     */
    public ChartPoint chart(double[] z, int patch, int dependent) {
        if (patch < 0 || dependent < 0) throw new IllegalArgumentException("patch and dependent must be non-negative");
        return ChartPoint.of(this, z, patch, dependent);
    }

    static void requireLength(double[] a, int n, String what) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(what + " needs " + n + " doubles (interleaved re, im), got "
                    + (a == null ? "null" : a.length));
        }
    }

    @Override
    public String toString() {
        return "Dwork quintic psi=" + psi;
    }
}
