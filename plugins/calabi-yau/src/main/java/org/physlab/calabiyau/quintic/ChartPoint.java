package org.physlab.calabiyau.quintic;

import java.util.Arrays;

/**
 * A point of a Dwork quintic in its numerically optimal chart: the patch p = argmax_i |z_i| (first on
 * ties; that coordinate is scaled to 1, so every affine coordinate has modulus ≤ 1), the four affine
 * coordinates u (the other homogeneous coordinates in their order, divided by z_p), the gradient
 * G = ∂q/∂u and the dependent coordinate δ = argmax_j |G_j| (an affine index), which the implicit
 * function theorem solves for. The three other affine coordinates, in increasing order, are the local
 * coordinates x_0, x_1, x_2 on the threefold.
 *
 * <p>Index conventions: homogeneous index h ↔ affine index a in patch p: a = h − 1 if h &gt; p, a = h if h &lt; p.
 */
public final class ChartPoint {

    private final DworkQuintic quintic;
    private final double[] homogeneous;
    private final int patch;
    private final double[] affine;
    private final double[] gradient;
    private final int dependent;
    private final boolean singular;

    private ChartPoint(DworkQuintic quintic, double[] homogeneous, int patch, double[] affine, double[] gradient,
                       int dependent, boolean singular) {
        this.quintic = quintic;
        this.homogeneous = homogeneous;
        this.patch = patch;
        this.affine = affine;
        this.gradient = gradient;
        this.dependent = dependent;
        this.singular = singular;
    }

    static ChartPoint of(DworkQuintic quintic, double[] z) {
        return of(quintic, z, -1, -1);
    }

    /** In the given chart, or the optimal one where patch or dependent is −1. */
    static ChartPoint of(DworkQuintic quintic, double[] z, int patch, int dependent) {
        DworkQuintic.requireLength(z, 2 * DworkQuintic.HOMOGENEOUS, "homogeneous point");
        if (patch < -1 || patch >= DworkQuintic.HOMOGENEOUS || dependent < -1 || dependent >= DworkQuintic.AFFINE) {
            throw new IllegalArgumentException("patch must be in 0..4 and dependent in 0..3, got " + patch + ", " + dependent);
        }
        if (patch < 0) patch = optimalPatch(z);
        double[] u = toAffine(z, patch);
        double[] g = new double[2 * DworkQuintic.AFFINE];
        quintic.affineGradient(u, g);
        double best = -1;
        int argmax = 0;
        for (int j = 0; j < DworkQuintic.AFFINE; j++) {
            double m = g[2 * j] * g[2 * j] + g[2 * j + 1] * g[2 * j + 1];
            if (m > best) {
                best = m;
                argmax = j;
            }
        }
        // Q and its gradient vanish together only at singular points (ψ^5 = 1); G has scale ~5(1 + |ψ|).
        double scale = 5 * (1 + quintic.psi().abs());
        boolean singular = !(Math.sqrt(best) > 1e-13 * scale);
        if (dependent < 0) dependent = argmax;
        double gd = Math.hypot(g[2 * dependent], g[2 * dependent + 1]);
        return new ChartPoint(quintic, z.clone(), patch, u, g, dependent, singular || !(gd > 0));
    }

    /** argmax_i |z_i| over homogeneous coordinates, first index on ties. */
    public static int optimalPatch(double[] z) {
        int p = 0;
        double best = -1;
        for (int i = 0; i < z.length / 2; i++) {
            double m = z[2 * i] * z[2 * i] + z[2 * i + 1] * z[2 * i + 1];
            if (m > best) {
                best = m;
                p = i;
            }
        }
        return p;
    }

    /** The affine coordinates of homogeneous z in patch p (the other entries divided by z_p). */
    public static double[] toAffine(double[] z, int patch) {
        int n = z.length / 2;
        double[] u = new double[2 * (n - 1)];
        double dr = z[2 * patch], di = z[2 * patch + 1];
        double d = dr * dr + di * di;
        if (d == 0) throw new IllegalArgumentException("coordinate " + patch + " is zero: not a chart of this point");
        int a = 0;
        for (int h = 0; h < n; h++) {
            if (h == patch) continue;
            double r = z[2 * h], s = z[2 * h + 1];
            u[2 * a] = (r * dr + s * di) / d;
            u[2 * a + 1] = (s * dr - r * di) / d;
            a++;
        }
        return u;
    }

    /** Homogeneous index of affine index a in patch p. */
    public static int homogeneousIndex(int affineIndex, int patch) {
        return affineIndex >= patch ? affineIndex + 1 : affineIndex;
    }

    /** Affine index of homogeneous index h in patch p (h ≠ p). */
    public static int affineIndex(int homogeneousIndex, int patch) {
        if (homogeneousIndex == patch) throw new IllegalArgumentException("the patch coordinate has no affine index");
        return homogeneousIndex > patch ? homogeneousIndex - 1 : homogeneousIndex;
    }

    /** The affine index of the r-th local coordinate (r = 0..2), skipping the dependent one. */
    public int localIndex(int r) {
        return r >= dependent ? r + 1 : r;
    }

    /** The variety the point lies on. */
    public DworkQuintic quintic() {
        return quintic;
    }

    /** Homogeneous coordinates as given (10 doubles, a copy). */
    public double[] homogeneous() {
        return homogeneous.clone();
    }

    public int patch() {
        return patch;
    }

    /** Affine coordinates (8 doubles, a copy). */
    public double[] affine() {
        return affine.clone();
    }

    /** G_j = ∂q/∂u_j (8 doubles, a copy). */
    public double[] gradient() {
        return gradient.clone();
    }

    /** Read-only views for kernels in this library (not copied). */
    double[] affineView() {
        return affine;
    }

    double[] gradientView() {
        return gradient;
    }

    /** Real part of affine coordinate a. */
    public double affineRe(int a) {
        return affine[2 * a];
    }

    /** Imaginary part of affine coordinate a. */
    public double affineIm(int a) {
        return affine[2 * a + 1];
    }

    /** The dependent coordinate δ = argmax_j |G_j| (an affine index). */
    public int dependent() {
        return dependent;
    }

    /** |G_δ|^2 = 1/|Ω|^2, the inverse density of the holomorphic volume form Ω = dx_0∧dx_1∧dx_2 / G_δ. */
    public double dependentGradientNorm2() {
        return gradient[2 * dependent] * gradient[2 * dependent] + gradient[2 * dependent + 1] * gradient[2 * dependent + 1];
    }

    /** |Ω|^2 = 1/|G_δ|^2 in this chart (no constant prefactor). */
    public double omegaNorm2() {
        return 1 / dependentGradientNorm2();
    }

    /**
     * Whether the gradient of q vanishes here (to rounding): a singular point of a conifold member, where
     * no chart of the embedding exists and weights and η are undefined.
     */
    public boolean isSingular() {
        return singular;
    }

    /**
     * The Jacobian of the embedding x ↦ u, J_{r i} = ∂u_i/∂x_r (3×4): J_{r, ind(r)} = 1,
     * J_{r, δ} = −G_{ind(r)}/G_δ, zero elsewhere. Returned as 24 doubles, row-major pairs.
     */
    public double[] jacobian() {
        double[] j = new double[2 * DworkQuintic.DIMENSION * DworkQuintic.AFFINE];
        double[] a = jacobianDependentColumn();
        for (int r = 0; r < DworkQuintic.DIMENSION; r++) {
            int row = r * DworkQuintic.AFFINE;
            j[2 * (row + localIndex(r))] = 1;
            j[2 * (row + dependent)] = a[2 * r];
            j[2 * (row + dependent) + 1] = a[2 * r + 1];
        }
        return j;
    }

    /** The dependent-column entries a_r = −G_{ind(r)}/G_δ, r = 0..2 (6 doubles). */
    double[] jacobianDependentColumn() {
        double gr = gradient[2 * dependent], gi = gradient[2 * dependent + 1];
        double d = gr * gr + gi * gi;
        double[] a = new double[6];
        for (int r = 0; r < DworkQuintic.DIMENSION; r++) {
            int i = localIndex(r);
            double xr = gradient[2 * i], xi = gradient[2 * i + 1];
            a[2 * r] = -(xr * gr + xi * gi) / d;
            a[2 * r + 1] = -(xi * gr - xr * gi) / d;
        }
        return a;
    }

    @Override
    public String toString() {
        return "ChartPoint{patch=" + patch + ", dependent=" + dependent + ", u=" + Arrays.toString(affine) + "}";
    }
}
