package org.physlab.calabiyau.basis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.physlab.calabiyau.quintic.ChartPoint;

/**
 * Degree-k monomials in the five homogeneous coordinates of P^4 — sections of O(k) — and their values
 * and first derivatives in an affine chart.
 *
 * <p>Order: index multisets of size k from {0,…,4} in lexicographic order, each turned into its exponent
 * vector ([3,0,0,0,0], [2,1,0,0,0], [2,0,1,0,0], … for k = 3), the order of cyjax, so that H matrices and
 * their parameters are interchangeable with it. The full basis has C(4+k, k) elements. The reduced basis
 * drops the monomials divisible by z_0^5, which are dependent on the quintic for k ≥ 5
 * (C(4+k,k) − C(k−1,k−5) elements: 125 for k = 5, 205 for k = 6); Donaldson balancing needs it there.
 */
public final class MonomialBasis {

    private final int degree;
    private final boolean reduced;
    private final int[][] powers;

    private MonomialBasis(int degree, boolean reduced, int[][] powers) {
        this.degree = degree;
        this.reduced = reduced;
        this.powers = powers;
    }

    /** All C(4+k, k) monomials of degree k. */
    public static MonomialBasis full(int degree) {
        return new MonomialBasis(degree, false, enumerate(degree, false));
    }

    /** The monomials of degree k not divisible by z_0^5 (a basis of sections on a Dwork quintic). */
    public static MonomialBasis reduced(int degree) {
        return new MonomialBasis(degree, true, enumerate(degree, true));
    }

    private static int[][] enumerate(int degree, boolean reduced) {
        if (degree < 1) throw new IllegalArgumentException("the section degree k must be at least 1, got " + degree);
        if (degree > 12) throw new IllegalArgumentException("the section degree k must be at most 12, got " + degree);
        List<int[]> rows = new ArrayList<>();
        int[] multiset = new int[degree];
        while (true) {
            int[] row = new int[5];
            for (int i : multiset) row[i]++;
            if (!(reduced && row[0] >= 5)) rows.add(row);
            // next multiset in lexicographic order (non-decreasing sequences)
            int pos = degree - 1;
            while (pos >= 0 && multiset[pos] == 4) pos--;
            if (pos < 0) break;
            int v = multiset[pos] + 1;
            for (int k = pos; k < degree; k++) multiset[k] = v;
        }
        return rows.toArray(new int[0][]);
    }

    /** Number of monomials of the full basis, C(4+k, k). */
    public static int fullSize(int degree) {
        long c = 1;
        for (int i = 1; i <= 4; i++) c = c * (degree + i) / i;
        return (int) c;
    }

    public int degree() {
        return degree;
    }

    public boolean isReduced() {
        return reduced;
    }

    public int size() {
        return powers.length;
    }

    /** Exponent vector of monomial α (a copy). */
    public int[] exponents(int alpha) {
        return powers[alpha].clone();
    }

    /**
     * The orbit type of monomial α under permutations of the coordinates: its non-zero exponents in
     * decreasing order, e.g. [2, 1] for z_0^2 z_3.
     */
    public int[] orbitType(int alpha) {
        return Arrays.stream(powers[alpha]).filter(e -> e > 0).boxed()
                .sorted(java.util.Comparator.reverseOrder()).mapToInt(Integer::intValue).toArray();
    }

    /** The distinct orbit types in order of first appearance ([3], [2,1], [1,1,1] for k = 3). */
    public List<int[]> orbitTypes() {
        List<int[]> types = new ArrayList<>();
        for (int a = 0; a < powers.length; a++) {
            int[] t = orbitType(a);
            if (types.stream().noneMatch(x -> Arrays.equals(x, t))) types.add(t);
        }
        return types;
    }

    /**
     * Sections s_α and derivatives ∂s_α/∂u_a (a = affine index) at a point in its chart, where the patch
     * coordinate is 1.
     *
     * @param s  output, N pairs
     * @param ds output, N×4 pairs, row-major (α, a); may be {@code null} if not needed
     */
    public void evaluate(ChartPoint point, double[] s, double[] ds) {
        int k = degree, patch = point.patch();
        // power tables x_h^e, e = 0..k, with x_patch = 1
        double[] pw = new double[5 * 2 * (k + 1)];
        for (int h = 0; h < 5; h++) {
            int base = h * 2 * (k + 1);
            pw[base] = 1;
            double xr = 1, xi = 0;
            if (h != patch) {
                int a = ChartPoint.affineIndex(h, patch);
                xr = point.affineRe(a);
                xi = point.affineIm(a);
            }
            for (int e = 1; e <= k; e++) {
                double r = pw[base + 2 * e - 2], i = pw[base + 2 * e - 1];
                pw[base + 2 * e] = r * xr - i * xi;
                pw[base + 2 * e + 1] = r * xi + i * xr;
            }
        }
        for (int alpha = 0; alpha < powers.length; alpha++) {
            int[] e = powers[alpha];
            double r = 1, i = 0;
            for (int h = 0; h < 5; h++) {
                if (e[h] == 0) continue;
                int at = h * 2 * (k + 1) + 2 * e[h];
                double pr = pw[at], pi = pw[at + 1];
                double t = r * pr - i * pi;
                i = r * pi + i * pr;
                r = t;
            }
            s[2 * alpha] = r;
            s[2 * alpha + 1] = i;
            if (ds == null) continue;
            for (int a = 0; a < 4; a++) {
                int hd = ChartPoint.homogeneousIndex(a, patch);
                int at = 2 * (alpha * 4 + a);
                if (e[hd] == 0) {
                    ds[at] = 0;
                    ds[at + 1] = 0;
                    continue;
                }
                double dr = e[hd], di = 0;
                for (int h = 0; h < 5; h++) {
                    int ex = h == hd ? e[h] - 1 : e[h];
                    if (ex == 0) continue;
                    int t0 = h * 2 * (k + 1) + 2 * ex;
                    double pr = pw[t0], pi = pw[t0 + 1];
                    double t = dr * pr - di * pi;
                    di = dr * pi + di * pr;
                    dr = t;
                }
                ds[at] = dr;
                ds[at + 1] = di;
            }
        }
    }

    /**
     * Second derivatives ∂²s_α/∂u_a∂u_b at a point in its chart (for curvature).
     *
     * @param d2 output, N×4×4 pairs, row-major (α, a, b)
     */
    public void evaluateSecond(ChartPoint point, double[] d2) {
        int patch = point.patch();
        double[][] x = new double[5][2];
        for (int h = 0; h < 5; h++) {
            if (h == patch) {
                x[h][0] = 1;
            } else {
                int a = ChartPoint.affineIndex(h, patch);
                x[h][0] = point.affineRe(a);
                x[h][1] = point.affineIm(a);
            }
        }
        int[] e = new int[5];
        for (int alpha = 0; alpha < powers.length; alpha++) {
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    System.arraycopy(powers[alpha], 0, e, 0, 5);
                    int ha = ChartPoint.homogeneousIndex(a, patch), hb = ChartPoint.homogeneousIndex(b, patch);
                    double coef = e[ha];
                    e[ha]--;
                    coef *= e[hb] < 0 ? 0 : e[hb];
                    e[hb]--;
                    double r = coef, i = 0;
                    if (coef != 0) {
                        for (int h = 0; h < 5; h++) {
                            for (int k = 0; k < e[h]; k++) {
                                double t = r * x[h][0] - i * x[h][1];
                                i = r * x[h][1] + i * x[h][0];
                                r = t;
                            }
                        }
                    }
                    int at = 2 * ((alpha * 4 + a) * 4 + b);
                    d2[at] = r;
                    d2[at + 1] = i;
                }
            }
        }
    }

    @Override
    public String toString() {
        return (reduced ? "reduced" : "full") + " monomial basis, degree " + degree + ", " + size() + " sections";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonomialBasis b && b.degree == degree && b.reduced == reduced;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {degree, reduced ? 1 : 0});
    }
}
