package org.physlab.calabiyau.metric;

import java.util.ArrayList;
import java.util.List;

import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.quintic.ChartPoint;

/**
 * The Ricci curvature of an algebraic metric at a point, a diagnostic: it vanishes exactly where the metric is
 * Ricci-flat. With g(u) = J(u) ĝ(u) J(u)^† extended off the threefold through the Jacobian of the embedding,
 * R̂_{a b̄} = −∂_a∂_b̄ log det g = tr(g⁻¹ ∂_a g g⁻¹ ∂_b̄ g) − tr(g⁻¹ ∂_a∂_b̄ g) in the ambient affine coordinates,
 * pulled back R = J R̂ J^† (3×3 in the local coordinates); scalar = Σ_{r s} R_{r s} (g⁻¹)_{s r}. The derivatives
 * of ĝ = ∂∂̄ log ψ_H/(πk) up to ∂_a∂_b̄ĝ are the joint cumulants of the derivatives of ψ_H (the expansion of the
 * derivatives of a logarithm over set partitions), computed exactly from the sections' derivatives.
 * Not a hot path: readable {@link Complex} arithmetic.
 *
 * @param tensor the Ricci tensor R_{r s̄} (3×3)
 * @param scalar the Ricci scalar
 */
public record RicciCurvature(Complex[][] tensor, double scalar) {

    /**
     * @throws IllegalArgumentException at a singular point
     */
    public static RicciCurvature at(AlgebraicMetric metric, ChartPoint point) {
        if (point.isSingular()) throw new IllegalArgumentException("no curvature at a singular point");
        MonomialBasis basis = metric.basis();
        int n = basis.size();
        double[] s = new double[2 * n], d1 = new double[8 * n], d2 = new double[32 * n];
        basis.evaluate(point, s, d1);
        basis.evaluateSecond(point, d2);
        // V = [s | ∂_a s | ∂_a∂_b s] (N×21), P = V^T H conj(V): P[A][B] = ∂_A ∂̄_B ψ_H for multi-indices A, B
        int c = 21;
        double[] v = new double[2 * c * n], t = new double[2 * c * n];
        for (int al = 0; al < n; al++) {
            v[2 * c * al] = s[2 * al];
            v[2 * c * al + 1] = s[2 * al + 1];
            System.arraycopy(d1, 8 * al, v, 2 * c * al + 2, 8);
            System.arraycopy(d2, 32 * al, v, 2 * c * al + 10, 32);
        }
        metric.h().timesConjugate(v, c, t);
        Complex[][] p = new Complex[c][c];
        for (int x = 0; x < c; x++) {
            for (int y = 0; y < c; y++) {
                double re = 0, im = 0;
                for (int al = 0; al < n; al++) {
                    double ar = v[2 * (c * al + x)], ai = v[2 * (c * al + x) + 1];
                    double br = t[2 * (c * al + y)], bi = t[2 * (c * al + y) + 1];
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                p[x][y] = new Complex(re, im);
            }
        }
        Cumulants k = new Cumulants(p, 1 / (Math.PI * basis.degree()));
        Complex[][] gh = new Complex[4][4];
        Complex[][][] dg = new Complex[4][4][4], dbg = new Complex[4][4][4];
        Complex[][][][] ddg = new Complex[4][4][4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                gh[i][j] = k.of(new int[] {i}, new int[] {j});
                for (int a = 0; a < 4; a++) {
                    dg[a][i][j] = k.of(new int[] {a, i}, new int[] {j});
                    dbg[a][i][j] = k.of(new int[] {i}, new int[] {a, j});
                    for (int b = 0; b < 4; b++) ddg[a][b][i][j] = k.of(new int[] {a, i}, new int[] {b, j});
                }
            }
        }
        Complex[][] jac = jacobian(point);
        Complex[][][] dj = jacobianDerivatives(point);
        Complex[][] jh = adjoint(jac);
        Complex[][] g = mul(mul(jac, gh), jh);
        Complex[][] gi = inverse3(g);
        Complex[][][] dgl = new Complex[4][][], dbgl = new Complex[4][][];
        for (int a = 0; a < 4; a++) {
            dgl[a] = add(mul(mul(dj[a], gh), jh), mul(mul(jac, dg[a]), jh));
            dbgl[a] = add(mul(mul(jac, dbg[a]), jh), mul(mul(jac, gh), adjoint(dj[a])));
        }
        Complex[][] rhat = new Complex[4][4];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                Complex[][] dd = add(add(mul(mul(dj[a], dbg[b]), jh), mul(mul(dj[a], gh), adjoint(dj[b]))),
                        add(mul(mul(jac, ddg[a][b]), jh), mul(mul(jac, dg[a]), adjoint(dj[b]))));
                rhat[a][b] = trace(mul(mul(mul(gi, dgl[a]), gi), dbgl[b])).minus(trace(mul(gi, dd)));
            }
        }
        Complex[][] ricci = mul(mul(jac, rhat), jh);
        Complex scalar = Complex.ZERO;
        for (int r = 0; r < 3; r++) {
            for (int q = 0; q < 3; q++) scalar = scalar.plus(ricci[r][q].times(gi[q][r]));
        }
        return new RicciCurvature(ricci, scalar.re());
    }

    private static Complex[][] jacobian(ChartPoint point) {
        double[] j = point.jacobian();
        Complex[][] m = new Complex[3][4];
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 4; i++) m[r][i] = Complex.at(j, r * 4 + i);
        }
        return m;
    }

    /** ∂_a J: only the dependent column, ∂_a(−G_j/G_δ) = −(q_{ja} G_δ − G_j q_{δa})/G_δ². */
    private static Complex[][][] jacobianDerivatives(ChartPoint point) {
        Complex psi = point.quintic().psi();
        double[] uu = point.affine(), gg = point.gradient();
        Complex[] u = new Complex[4], g = new Complex[4];
        for (int i = 0; i < 4; i++) {
            u[i] = Complex.at(uu, i);
            g[i] = Complex.at(gg, i);
        }
        Complex[][] hess = new Complex[4][4];   // q_{ja}
        for (int j = 0; j < 4; j++) {
            for (int a = 0; a < 4; a++) {
                if (j == a) {
                    hess[j][a] = u[j].pow(3).times(20);
                } else {
                    Complex prod = Complex.ONE;
                    for (int l = 0; l < 4; l++) if (l != j && l != a) prod = prod.times(u[l]);
                    hess[j][a] = psi.times(prod).times(-5);
                }
            }
        }
        int d = point.dependent();
        Complex gd = g[d], gd2 = gd.times(gd);
        Complex[][][] dj = new Complex[4][3][4];
        for (int a = 0; a < 4; a++) {
            for (int r = 0; r < 3; r++) {
                for (int i = 0; i < 4; i++) dj[a][r][i] = Complex.ZERO;
                int j = point.localIndex(r);
                dj[a][r][d] = hess[j][a].times(gd).minus(g[j].times(hess[d][a])).dividedBy(gd2).times(-1);
            }
        }
        return dj;
    }

    /** Joint cumulants κ(S)·c of the derivatives of ψ: Σ over partitions π of S of (−1)^{|π|−1}(|π|−1)! Π_B ψ_B/ψ. */
    private record Cumulants(Complex[][] p, double scale) {

        Complex of(int[] hol, int[] anti) {
            List<int[]> items = new ArrayList<>();   // {index, 0 = holomorphic / 1 = antiholomorphic}
            for (int h : hol) items.add(new int[] {h, 0});
            for (int a : anti) items.add(new int[] {a, 1});
            Complex psi = p[0][0];
            Complex[] sum = {Complex.ZERO};
            partitions(items, 0, new ArrayList<>(), blocks -> {
                int m = blocks.size();
                double coef = ((m - 1) % 2 == 0 ? 1 : -1) * factorial(m - 1);
                Complex prod = Complex.real(coef);
                for (List<int[]> block : blocks) prod = prod.times(moment(block).dividedBy(psi));
                sum[0] = sum[0].plus(prod);
            });
            return sum[0].times(scale);
        }

        private Complex moment(List<int[]> block) {
            List<Integer> h = new ArrayList<>(), a = new ArrayList<>();
            for (int[] it : block) (it[1] == 0 ? h : a).add(it[0]);
            return p[index(h)][index(a)];
        }

        private static int index(List<Integer> idx) {
            return switch (idx.size()) {
                case 0 -> 0;
                case 1 -> 1 + idx.get(0);
                case 2 -> 5 + 4 * idx.get(0) + idx.get(1);
                default -> throw new IllegalStateException("derivatives of order > 2 in one variable set");
            };
        }

        private static void partitions(List<int[]> items, int k, List<List<int[]>> blocks,
                                       java.util.function.Consumer<List<List<int[]>>> sink) {
            if (k == items.size()) {
                sink.accept(blocks);
                return;
            }
            int existing = blocks.size();
            for (int i = 0; i < existing; i++) {
                List<int[]> b = blocks.get(i);
                b.add(items.get(k));
                partitions(items, k + 1, blocks, sink);
                b.remove(b.size() - 1);
            }
            List<int[]> fresh = new ArrayList<>();
            fresh.add(items.get(k));
            blocks.add(fresh);
            partitions(items, k + 1, blocks, sink);
            blocks.remove(blocks.size() - 1);
        }

        private static double factorial(int m) {
            double f = 1;
            for (int i = 2; i <= m; i++) f *= i;
            return f;
        }
    }

    private static Complex[][] mul(Complex[][] a, Complex[][] b) {
        Complex[][] c = new Complex[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                Complex s = Complex.ZERO;
                for (int l = 0; l < b.length; l++) s = s.plus(a[i][l].times(b[l][j]));
                c[i][j] = s;
            }
        }
        return c;
    }

    private static Complex[][] add(Complex[][] a, Complex[][] b) {
        Complex[][] c = new Complex[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) c[i][j] = a[i][j].plus(b[i][j]);
        }
        return c;
    }

    private static Complex[][] adjoint(Complex[][] a) {
        Complex[][] c = new Complex[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) c[j][i] = a[i][j].conj();
        }
        return c;
    }

    private static Complex trace(Complex[][] a) {
        Complex s = Complex.ZERO;
        for (int i = 0; i < a.length; i++) s = s.plus(a[i][i]);
        return s;
    }

    /** Inverse of a 3×3 complex matrix by the adjugate. */
    private static Complex[][] inverse3(Complex[][] m) {
        Complex[][] c = new Complex[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int i1 = (i + 1) % 3, i2 = (i + 2) % 3, j1 = (j + 1) % 3, j2 = (j + 2) % 3;
                c[j][i] = m[i1][j1].times(m[i2][j2]).minus(m[i1][j2].times(m[i2][j1]));   // cofactor, transposed
            }
        }
        Complex det = m[0][0].times(c[0][0]).plus(m[0][1].times(c[1][0])).plus(m[0][2].times(c[2][0]));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) c[i][j] = c[i][j].dividedBy(det);
        }
        return c;
    }
}
