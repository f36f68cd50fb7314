package org.physlab.calabiyau.loss;

import java.util.List;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.hermitian.HermitianMatrix;
import org.physlab.calabiyau.quintic.ChartPoint;
import org.physlab.calabiyau.quintic.Embedding;
import org.physlab.calabiyau.quintic.Sample;

/**
 * The η-variance loss of one sample and its gradient with respect to the N² real Cholesky parameters of
 * H, in closed form (spec §8.1, §13.4):
 *
 * <pre>
 *   L = (1/n) Σ_i w_i (η_i/ē − 1)² + (1/n) Σ_i log(1 + min(η_i, 0)²),   ē = Σ w_i η_i / Σ w_i (held fixed)
 * </pre>
 *
 * <p>Everything that does not depend on H — sections s, their derivatives S1, the Jacobian J of the
 * embedding, |G_δ|² and the weights — is computed once per sample. H enters through ψ = s^T H s̄,
 * ψ_i = S1_·i^T H s̄ and Ψ_ij = S1_·i^T H conj(S1_·j), and with A = J^† g^{-1} J and c = 1/(πk)
 *
 * <pre>
 *   d log η = Σ_ab dH_ab Γ_ab,
 *   Γ = c [ S1 A^T S1^†/ψ − tr(AΨ) s s̄^T/ψ² − (S1 A^T ψ̄) s̄^T/ψ² − s (conj(S1) A ψ)^T/ψ² + 2 (ψ^† A ψ) s s̄^T/ψ³ ].
 * </pre>
 *
 * Then Ξ = Σ_i (∂L/∂η_i) η_i Γ^(i), and with H = M M^†, Z = Ξ conj(M): ∂L/∂Re M_ij = 2 Re Z_ij,
 * ∂L/∂Im M_ij = −2 Im Z_ij, scattered into the parameter layout. ē is a constant of the differentiation
 * (a stop-gradient, as in the tutorial). Points whose η comes out non-finite are left out and counted.
 */
public final class EtaVarianceLoss {
    private static final int STATE = 1 + 8 + 32 + 18;
    private final int n;
    private final double c;
    private final List<ChartPoint> points;
    private final double[] weights;
    private final double[][] sections;     // per point: N pairs
    private final double[][] derivatives;  // per point: N×4 pairs, (α, a) row-major
    private final double[][] jacobians;    // per point: 3×4 pairs

    /**
     * @throws IllegalArgumentException if the sample is empty
     */
    public EtaVarianceLoss(MonomialBasis basis, Sample sample) {
        if (sample.size() == 0) throw new IllegalArgumentException("the loss needs at least one sample point");
        this.n = basis.size();
        this.c = 1 / (Math.PI * basis.degree());
        this.points = sample.points();
        this.weights = sample.weights().clone();
        int count = points.size();
        sections = new double[count][2 * n];
        derivatives = new double[count][8 * n];
        jacobians = new double[count][];
        for (int i = 0; i < count; i++) {
            basis.evaluate(points.get(i), sections[i], derivatives[i]);
            jacobians[i] = points.get(i).jacobian();
        }
    }

    /** Number of sample points. */
    public int size() {
        return points.size();
    }

    /**
     * The loss, ē and (if asked) the gradient with respect to the Cholesky parameters.
     *
     * @param loss      the loss value
     * @param meanEta   ē, the weighted mean of η used (and held fixed)
     * @param gradient  ∂L/∂h_par (N² values), or null if not requested
     * @param skipped   points left out because η was not finite
     */
    public record Evaluation(double loss, double meanEta, double[] gradient, int skipped) { }

    /** L and ∂L/∂h_par at the parameters {@code hPar} (N² reals, cyjax layout). */
    public Evaluation evaluate(double[] hPar) {
        return evaluate(hPar, Double.NaN, true);
    }

    /** L at {@code hPar} with ē held at {@code frozenMeanEta} (what finite differences must vary). */
    public double value(double[] hPar, double frozenMeanEta) {
        return evaluate(hPar, frozenMeanEta, false).loss();
    }

    /** η at every sample point for H (NaN where it is not finite). */
    public double[] eta(HermitianMatrix h) {
        checkSize(h);
        double[] hr = h.real(), hi = h.imaginary();
        double[] eta = new double[size()];
        Workspace ws = new Workspace(n);
        for (int p = 0; p < eta.length; p++) eta[p] = forward(p, hr, hi, ws);
        return eta;
    }

    private Evaluation evaluate(double[] hPar, double frozenMeanEta, boolean withGradient) {
        HermitianMatrix h = CholeskyParametrisation.decode(hPar);
        checkSize(h);
        double[] hr = h.real(), hi = h.imaginary();
        int count = size();
        Workspace ws = new Workspace(n);
        double[] eta = new double[count];
        // per point, what Γ needs from the forward pass: ψ, ψ_i (8), Ψ (32), g (18)
        double[][] state = withGradient ? new double[count][STATE] : null;
        double sw = 0, swe = 0;
        int skipped = 0;
        for (int p = 0; p < count; p++) {
            eta[p] = forward(p, hr, hi, ws);
            if (withGradient) ws.save(state[p]);
            if (!Double.isFinite(eta[p]) || !Double.isFinite(weights[p])) { skipped++; continue; }
            sw += weights[p];
            swe += weights[p] * eta[p];
        }
        if (skipped == count) throw new ArithmeticException("η is not finite at any sample point");
        double mean = Double.isNaN(frozenMeanEta) ? swe / sw : frozenMeanEta;
        double loss = 0;
        double[] xi = withGradient ? new double[2 * n * n] : null;
        for (int p = 0; p < count; p++) {
            double e = eta[p], w = weights[p];
            if (!Double.isFinite(e) || !Double.isFinite(w)) continue;
            double r = e / mean - 1;
            double neg = Math.min(e, 0);
            loss += w * r * r + Math.log1p(neg * neg);
            if (withGradient) {
                double dLdEta = 2 * w * r / mean + (e < 0 ? 2 * e / (1 + e * e) : 0);
                ws.restore(state[p]);
                accumulateGamma(p, dLdEta * e / count, ws, xi);
            }
        }
        loss /= count;
        double[] gradient = withGradient ? toParameters(xi, hPar) : null;
        return new Evaluation(loss, mean, gradient, skipped);
    }

    private void checkSize(HermitianMatrix h) {
        if (h.size() != n) {
            throw new IllegalArgumentException("H is " + h.size() + "x" + h.size() + " but the basis has " + n + " sections");
        }
    }

    /** Scratch arrays for one point. */
    private static final class Workspace {
        final double[] t;          // H s̄ (N pairs)
        final double[] tc;         // H conj(S1_·j), j = 0..3 (4 × N pairs)
        final double[] psiI = new double[8];
        final double[] psiIJ = new double[32];
        final double[] ambient = new double[32];
        final double[] local = new double[18];
        final double[] localInverse = new double[18];
        final double[] a = new double[32];       // A = J^† g^{-1} J
        double psi;

        Workspace(int n) {
            t = new double[2 * n];
            tc = new double[8 * n];
        }

        void save(double[] to) {
            to[0] = psi;
            System.arraycopy(psiI, 0, to, 1, 8);
            System.arraycopy(psiIJ, 0, to, 9, 32);
            System.arraycopy(local, 0, to, 41, 18);
        }

        void restore(double[] from) {
            psi = from[0];
            System.arraycopy(from, 1, psiI, 0, 8);
            System.arraycopy(from, 9, psiIJ, 0, 32);
            System.arraycopy(from, 41, local, 0, 18);
        }
    }

    /** η at point p, leaving ψ, ψ_i, Ψ, g and A in the workspace. */
    private double forward(int p, double[] hr, double[] hi, Workspace ws) {
        double[] s = sections[p], d = derivatives[p];
        timesConjugate(hr, hi, s, 0, 1, ws.t, 0);
        for (int j = 0; j < 4; j++) timesConjugate(hr, hi, d, 2 * j, 4, ws.tc, 2 * n * j);
        double psi = 0;
        for (int a = 0; a < n; a++) psi += s[2 * a] * ws.t[2 * a] - s[2 * a + 1] * ws.t[2 * a + 1];
        ws.psi = psi;
        for (int i = 0; i < 4; i++) {
            double r = 0, q = 0;
            for (int a = 0; a < n; a++) {
                double xr = d[2 * (4 * a + i)], xi = d[2 * (4 * a + i) + 1];
                r += xr * ws.t[2 * a] - xi * ws.t[2 * a + 1];
                q += xr * ws.t[2 * a + 1] + xi * ws.t[2 * a];
            }
            ws.psiI[2 * i] = r;
            ws.psiI[2 * i + 1] = q;
            for (int j = 0; j < 4; j++) {
                double pr = 0, pq = 0;
                int base = 2 * n * j;
                for (int a = 0; a < n; a++) {
                    double xr = d[2 * (4 * a + i)], xi = d[2 * (4 * a + i) + 1];
                    double yr = ws.tc[base + 2 * a], yi = ws.tc[base + 2 * a + 1];
                    pr += xr * yr - xi * yi;
                    pq += xr * yi + xi * yr;
                }
                ws.psiIJ[2 * (4 * i + j)] = pr;
                ws.psiIJ[2 * (4 * i + j) + 1] = pq;
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double ar = ws.psiI[2 * i], ai = ws.psiI[2 * i + 1], br = ws.psiI[2 * j], bi = -ws.psiI[2 * j + 1];
                ws.ambient[2 * (4 * i + j)] = c * (ws.psiIJ[2 * (4 * i + j)] / psi - (ar * br - ai * bi) / (psi * psi));
                ws.ambient[2 * (4 * i + j) + 1] = c * (ws.psiIJ[2 * (4 * i + j) + 1] / psi - (ar * bi + ai * br) / (psi * psi));
            }
        }
        ChartPoint point = points.get(p);
        Embedding.pullBack(point, ws.ambient, ws.local);
        double det = Embedding.hermitianDeterminant3(ws.local);
        return det * point.dependentGradientNorm2();
    }

    /** out = H · conj(v) for the column of v starting at pair offset {@code first} with pair stride {@code stride}. */
    private void timesConjugate(double[] hr, double[] hi, double[] v, int first, int stride, double[] out, int outOff) {
        for (int a = 0; a < n; a++) {
            double r = 0, q = 0;
            int row = a * n;
            for (int b = 0; b < n; b++) {
                int k = first + 2 * stride * b;
                double vr = v[k], vi = -v[k + 1];
                double xr = hr[row + b], xi = hi[row + b];
                r += xr * vr - xi * vi;
                q += xr * vi + xi * vr;
            }
            out[outOff + 2 * a] = r;
            out[outOff + 2 * a + 1] = q;
        }
    }

    /** Ξ += weight · Γ of point p (the workspace holds the forward quantities of p). */
    private void accumulateGamma(int p, double weight, Workspace ws, double[] xi) {
        double[] s = sections[p], d = derivatives[p], jac = jacobians[p];
        inverse3(ws.local, ws.localInverse);
        // A_ij = Σ_rs conj(J_ri) ginv_rs J_sj
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double ar = 0, ai = 0;
                for (int r = 0; r < 3; r++) {
                    double jr = jac[2 * (4 * r + i)], ji = -jac[2 * (4 * r + i) + 1];
                    if (jr == 0 && ji == 0) continue;
                    for (int q = 0; q < 3; q++) {
                        double gr = ws.localInverse[2 * (3 * r + q)], gi = ws.localInverse[2 * (3 * r + q) + 1];
                        double kr = jac[2 * (4 * q + j)], ki = jac[2 * (4 * q + j) + 1];
                        double xr = jr * gr - ji * gi, xm = jr * gi + ji * gr;
                        ar += xr * kr - xm * ki;
                        ai += xr * ki + xm * kr;
                    }
                }
                ws.a[2 * (4 * i + j)] = ar;
                ws.a[2 * (4 * i + j) + 1] = ai;
            }
        }
        double psi = ws.psi;
        double[] a = ws.a, pI = ws.psiI;
        // tr(AΨ) = Σ_ij A_ji Ψ_ij (real); Aψ_j = Σ_i A_ji ψ_i; ψ^†Aψ = Σ_j conj(ψ_j) (Aψ)_j (real)
        double trace = 0;
        double[] aPsi = new double[8];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double xr = a[2 * (4 * j + i)], xm = a[2 * (4 * j + i) + 1];
                trace += xr * ws.psiIJ[2 * (4 * i + j)] - xm * ws.psiIJ[2 * (4 * i + j) + 1];
                aPsi[2 * j] += xr * pI[2 * i] - xm * pI[2 * i + 1];
                aPsi[2 * j + 1] += xr * pI[2 * i + 1] + xm * pI[2 * i];
            }
        }
        double quad = 0;
        for (int j = 0; j < 4; j++) quad += pI[2 * j] * aPsi[2 * j] + pI[2 * j + 1] * aPsi[2 * j + 1];
        double psi2 = psi * psi;
        double kappa = c * (-trace / psi2 + 2 * quad / (psi2 * psi));
        // B = S1 A^T (N×4): B_aj = Σ_i S1_ai A_ji;  x_a = −c (B ψ̄)_a/ψ²;  r_b = −c/ψ² Σ_j S1_bj conj(Aψ_j) + κ s_b
        double[] b = new double[8 * n], x = new double[2 * n], r = new double[2 * n];
        for (int al = 0; al < n; al++) {
            double xr = 0, xm = 0, rr = 0, rm = 0;
            for (int j = 0; j < 4; j++) {
                double br = 0, bm = 0;
                for (int i = 0; i < 4; i++) {
                    double sr = d[2 * (4 * al + i)], sm = d[2 * (4 * al + i) + 1];
                    double ar = a[2 * (4 * j + i)], am = a[2 * (4 * j + i) + 1];
                    br += sr * ar - sm * am;
                    bm += sr * am + sm * ar;
                }
                b[2 * (4 * al + j)] = br;
                b[2 * (4 * al + j) + 1] = bm;
                double pr = pI[2 * j], pm = -pI[2 * j + 1];
                xr += br * pr - bm * pm;
                xm += br * pm + bm * pr;
                double sr = d[2 * (4 * al + j)], sm = d[2 * (4 * al + j) + 1];
                double qr = aPsi[2 * j], qm = -aPsi[2 * j + 1];
                rr += sr * qr - sm * qm;
                rm += sr * qm + sm * qr;
            }
            x[2 * al] = -c * xr / psi2;
            x[2 * al + 1] = -c * xm / psi2;
            r[2 * al] = -c * rr / psi2 + kappa * s[2 * al];
            r[2 * al + 1] = -c * rm / psi2 + kappa * s[2 * al + 1];
        }
        double f = weight * c / psi;
        for (int al = 0; al < n; al++) {
            for (int be = 0; be < n; be++) {
                // (c/ψ) Σ_j B_αj conj(S1_βj) + s_α conj(r_β) + x_α conj(s_β)
                double gr = 0, gm = 0;
                for (int j = 0; j < 4; j++) {
                    double br = b[2 * (4 * al + j)], bm = b[2 * (4 * al + j) + 1];
                    double sr = d[2 * (4 * be + j)], sm = -d[2 * (4 * be + j) + 1];
                    gr += br * sr - bm * sm;
                    gm += br * sm + bm * sr;
                }
                double ur = s[2 * al], um = s[2 * al + 1], vr = r[2 * be], vm = -r[2 * be + 1];
                double yr = x[2 * al], ym = x[2 * al + 1], zr = s[2 * be], zm = -s[2 * be + 1];
                int k = 2 * (al * n + be);
                xi[k] += f * gr + weight * ((ur * vr - um * vm) + (yr * zr - ym * zm));
                xi[k + 1] += f * gm + weight * ((ur * vm + um * vr) + (yr * zm + ym * zr));
            }
        }
    }

    /** The inverse of a 3×3 complex matrix (pairs, row-major) by cofactors. */
    static void inverse3(double[] g, double[] out) {
        double[] cof = new double[18];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (i + 1) % 3, i2 = (i + 2) % 3, j1 = (j + 1) % 3, j2 = (j + 2) % 3;
                // cofactor C_ij = g[i1][j1] g[i2][j2] − g[i1][j2] g[i2][j1] (cyclic indices carry the sign)
                double pr = mulRe(g, i1, j1, i2, j2), pm = mulIm(g, i1, j1, i2, j2);
                double qr = mulRe(g, i1, j2, i2, j1), qm = mulIm(g, i1, j2, i2, j1);
                cof[2 * (3 * i + j)] = pr - qr;
                cof[2 * (3 * i + j) + 1] = pm - qm;
            }
        }
        double dr = 0, dm = 0;
        for (int j = 0; j < 3; j++) {
            double ar = g[2 * j], am = g[2 * j + 1], cr = cof[2 * j], cm = cof[2 * j + 1];
            dr += ar * cr - am * cm;
            dm += ar * cm + am * cr;
        }
        double den = dr * dr + dm * dm;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double cr = cof[2 * (3 * j + i)], cm = cof[2 * (3 * j + i) + 1];   // adjugate = cofactor transpose
                out[2 * (3 * i + j)] = (cr * dr + cm * dm) / den;
                out[2 * (3 * i + j) + 1] = (cm * dr - cr * dm) / den;
            }
        }
    }

    private static double mulRe(double[] g, int i1, int j1, int i2, int j2) {
        return g[2 * (3 * i1 + j1)] * g[2 * (3 * i2 + j2)] - g[2 * (3 * i1 + j1) + 1] * g[2 * (3 * i2 + j2) + 1];
    }

    private static double mulIm(double[] g, int i1, int j1, int i2, int j2) {
        return g[2 * (3 * i1 + j1)] * g[2 * (3 * i2 + j2) + 1] + g[2 * (3 * i1 + j1) + 1] * g[2 * (3 * i2 + j2)];
    }

    /** ∂L/∂h_par from Ξ (Hermitised) through H = M M^†. */
    private double[] toParameters(double[] xi, double[] hPar) {
        // Hermitian part of Ξ: only it pairs with the Hermitian dH
        double[] hx = new double[xi.length];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                hx[2 * (a * n + b)] = 0.5 * (xi[2 * (a * n + b)] + xi[2 * (b * n + a)]);
                hx[2 * (a * n + b) + 1] = 0.5 * (xi[2 * (a * n + b) + 1] - xi[2 * (b * n + a) + 1]);
            }
        }
        double[][] m = CholeskyParametrisation.factor(hPar);
        double[] mr = m[0], mi = m[1];
        double[] grad = new double[n * n];
        int off = n * (n - 1) / 2, k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                // Z_ij = Σ_{b ≤ j} Ξ_ib conj(M_bj)
                double zr = 0, zm = 0;
                for (int b = 0; b <= j; b++) {
                    double xr = hx[2 * (i * n + b)], xm = hx[2 * (i * n + b) + 1];
                    double yr = mr[b * n + j], ym = -mi[b * n + j];
                    zr += xr * yr - xm * ym;
                    zm += xr * ym + xm * yr;
                }
                if (i == j) {
                    grad[i] = 2 * zr;
                } else {
                    grad[n + k] = 2 * zr;
                    grad[n + off + k] = -2 * zm;
                    k++;
                }
            }
        }
        return grad;
    }
}
