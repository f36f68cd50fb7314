package org.physlab.calabiyau.metric;

import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.hermitian.HermitianMatrix;
import org.physlab.calabiyau.quintic.ChartPoint;
import org.physlab.calabiyau.quintic.Embedding;
import org.physlab.calabiyau.quintic.Sample;

/**
 * The algebraic Kähler metric of a Hermitian positive-definite H on degree-k sections s (Donaldson,
 * J. Diff. Geom. 70 (2005) 453; Douglas, Karp, Lukic, Reinbacher, JHEP 12 (2007) 083):
 * ψ_H = s^T H s̄ (un-conjugated sections on the left, cyjax's convention), K = log ψ_H / (πk),
 * ambient metric ĝ_{i j̄} = ∂_i∂_j̄ K = (ψ_{i j̄}/ψ − ψ_i conj(ψ_j)/ψ^2)/(πk) in the affine chart,
 * pulled back to the threefold g = J ĝ J^†, and the Monge–Ampère ratio η = det g · |G_δ|^2 = det g / |Ω|^2,
 * constant exactly for a Ricci-flat metric. Thread-safe (no mutable state).
 */
public final class AlgebraicMetric {

    private final MonomialBasis basis;
    private final HermitianMatrix h;
    private final double inversePiK;

    /**
     * @throws IllegalArgumentException if H's size differs from the basis size or H is not positive definite
     */
    public AlgebraicMetric(MonomialBasis basis, HermitianMatrix h) {
        if (h.size() != basis.size()) {
            throw new IllegalArgumentException("H is " + h.size() + "x" + h.size() + " but the " + basis
                    + " needs " + basis.size() + "x" + basis.size());
        }
        if (!h.isPositiveDefinite()) throw new IllegalArgumentException("H must be positive definite");
        this.basis = basis;
        this.h = h;
        this.inversePiK = 1 / (Math.PI * basis.degree());
    }

    /** H = identity on the full basis of degree k. */
    public static AlgebraicMetric identity(int degree) {
        MonomialBasis b = MonomialBasis.full(degree);
        return new AlgebraicMetric(b, HermitianMatrix.identity(b.size()));
    }

    public MonomialBasis basis() {
        return basis;
    }

    public HermitianMatrix h() {
        return h;
    }

    /** ψ_H = s^T H s̄ (real, positive). */
    public double potential(ChartPoint point) {
        int n = basis.size();
        double[] s = new double[2 * n], t = new double[2 * n];
        basis.evaluate(point, s, null);
        h.timesConjugate(s, t);
        double r = 0;
        for (int a = 0; a < n; a++) r += s[2 * a] * t[2 * a] - s[2 * a + 1] * t[2 * a + 1];
        return r;
    }

    /** K = log ψ_H / (πk) in the point's chart. */
    public double kahlerPotential(ChartPoint point) {
        return Math.log(potential(point)) * inversePiK;
    }

    /** ĝ (4×4 in affine coordinates, 32 doubles row-major pairs). */
    public double[] ambientMetric(ChartPoint point) {
        double[] out = new double[32];
        ambientMetric(point, out);
        return out;
    }

    private void ambientMetric(ChartPoint point, double[] out) {
        int n = basis.size();
        double[] s = new double[2 * n], ds = new double[8 * n], t = new double[2 * n];
        double[] col = new double[2 * n], hc = new double[2 * n], tc = new double[8 * n];
        basis.evaluate(point, s, ds);
        h.timesConjugate(s, t);                       // t = H s̄
        for (int j = 0; j < 4; j++) {                 // tc_j = H conj(S1_·j)
            for (int a = 0; a < n; a++) {
                col[2 * a] = ds[2 * (a * 4 + j)];
                col[2 * a + 1] = ds[2 * (a * 4 + j) + 1];
            }
            h.timesConjugate(col, hc);
            System.arraycopy(hc, 0, tc, j * 2 * n, 2 * n);
        }
        double psi = 0;
        for (int a = 0; a < n; a++) psi += s[2 * a] * t[2 * a] - s[2 * a + 1] * t[2 * a + 1];
        double[] pi = new double[8];                  // ψ_i = Σ_α S1_αi (H s̄)_α
        for (int i = 0; i < 4; i++) {
            double r = 0, q = 0;
            for (int a = 0; a < n; a++) {
                double xr = ds[2 * (a * 4 + i)], xi = ds[2 * (a * 4 + i) + 1];
                r += xr * t[2 * a] - xi * t[2 * a + 1];
                q += xr * t[2 * a + 1] + xi * t[2 * a];
            }
            pi[2 * i] = r;
            pi[2 * i + 1] = q;
        }
        double inv = 1 / psi, inv2 = inv * inv;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double r = 0, q = 0;                  // ψ_{i j̄} = Σ_α S1_αi (H conj S1_·j)_α
                int base = j * 2 * n;
                for (int a = 0; a < n; a++) {
                    double xr = ds[2 * (a * 4 + i)], xi = ds[2 * (a * 4 + i) + 1];
                    double yr = tc[base + 2 * a], yi = tc[base + 2 * a + 1];
                    r += xr * yr - xi * yi;
                    q += xr * yi + xi * yr;
                }
                // ψ_i conj(ψ_j)
                double ar = pi[2 * i], ai = pi[2 * i + 1], br = pi[2 * j], bi = -pi[2 * j + 1];
                double pr = ar * br - ai * bi, pq = ar * bi + ai * br;
                out[2 * (i * 4 + j)] = (r * inv - pr * inv2) * inversePiK;
                out[2 * (i * 4 + j) + 1] = (q * inv - pq * inv2) * inversePiK;
            }
        }
    }

    /** g = J ĝ J^† (3×3 in the local coordinates, 18 doubles row-major pairs). */
    public double[] localMetric(ChartPoint point) {
        double[] local = new double[18];
        Embedding.pullBack(point, ambientMetric(point), local);
        return local;
    }

    /** η = det g · |G_δ|^2; NaN at a singular point. */
    public double eta(ChartPoint point) {
        if (point.isSingular()) return Double.NaN;
        return Embedding.hermitianDeterminant3(localMetric(point)) * point.dependentGradientNorm2();
    }

    /** η at every point of a sample. */
    public double[] eta(Sample sample) {
        double[] eta = new double[sample.size()];
        for (int i = 0; i < eta.length; i++) eta[i] = eta(sample.points().get(i));
        return eta;
    }
}
