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
        double[] s = new double[2 * n], ds = new double[8 * n];
        basis.evaluate(point, s, ds);
        // V = [s | S1] (N×5), T = H conj(V): column 0 is H s̄, column 1+j is H conj(S1_·j)
        double[] v = new double[10 * n], t = new double[10 * n];
        for (int a = 0; a < n; a++) {
            v[10 * a] = s[2 * a];
            v[10 * a + 1] = s[2 * a + 1];
            System.arraycopy(ds, 8 * a, v, 10 * a + 2, 8);
        }
        h.timesConjugate(v, 5, t);
        // ψ = s·(H s̄), ψ_i = S1_·i·(H s̄), ψ_{i j̄} = S1_·i·(H conj S1_·j): contractions V^T T, 5×5
        double[] p = new double[50];
        for (int a = 0; a < n; a++) {
            for (int i = 0; i < 5; i++) {
                double xr = v[10 * a + 2 * i], xi = v[10 * a + 2 * i + 1];
                for (int j = 0; j < 5; j++) {
                    double yr = t[10 * a + 2 * j], yi = t[10 * a + 2 * j + 1];
                    p[2 * (i * 5 + j)] += xr * yr - xi * yi;
                    p[2 * (i * 5 + j) + 1] += xr * yi + xi * yr;
                }
            }
        }
        double psi = p[0];
        double inv = 1 / psi, inv2 = inv * inv;
        for (int i = 0; i < 4; i++) {
            // ψ_i = p[1+i][0]
            double ar = p[2 * ((1 + i) * 5)], ai = p[2 * ((1 + i) * 5) + 1];
            for (int j = 0; j < 4; j++) {
                double br = p[2 * ((1 + j) * 5)], bi = -p[2 * ((1 + j) * 5) + 1];   // conj(ψ_j)
                double pr = ar * br - ai * bi, pq = ar * bi + ai * br;
                double r = p[2 * ((1 + i) * 5 + 1 + j)], q = p[2 * ((1 + i) * 5 + 1 + j) + 1];
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
