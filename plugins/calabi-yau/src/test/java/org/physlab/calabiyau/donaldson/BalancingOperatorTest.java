package org.physlab.calabiyau.donaldson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The T-operator on projective space P^4 itself, sampled with the Fubini–Study-uniform measure (points
 * uniform on S^9 ⊂ C^5, weight 1). There the balanced metric is known in closed form: the Fubini–Study
 * potential |z|^{2k} = Σ_α (k!/α!) |z^α|², i.e. H = diag(k!/α!) in the monomial basis, because
 * E[|z^α|²/|z|^{2k}] = α!·4!/(k+4)! on the sphere and N = (k+4)!/(k!·4!).
 */
class BalancingOperatorTest {
    static final int DIM = 5;

    /** Exponent vectors of the degree-k monomials in 5 variables. */
    static List<int[]> monomials(int k) {
        List<int[]> out = new ArrayList<>();
        addMonomials(k, 0, new int[DIM], out);
        return out;
    }

    private static void addMonomials(int left, int var, int[] exps, List<int[]> out) {
        if (var == DIM - 1) {
            exps[var] = left;
            out.add(exps.clone());
            return;
        }
        for (int e = left; e >= 0; e--) {
            exps[var] = e;
            addMonomials(left - e, var + 1, exps, out);
        }
    }

    /** Points uniform on S^9 with weight 1 and their degree-k monomials as sections. */
    static WeightedSectionSource projectiveSpace(int k, SplittableRandom rng) {
        List<int[]> basis = monomials(k);
        return (count, sections, weights) -> {
            double[] z = new double[2 * DIM];
            for (int i = 0; i < count; i++) {
                double norm = 0;
                for (int j = 0; j < z.length; j++) { z[j] = gaussian(rng); norm += z[j] * z[j]; }
                norm = Math.sqrt(norm);
                for (int j = 0; j < z.length; j++) z[j] /= norm;
                for (int a = 0; a < basis.size(); a++) {
                    double re = 1, im = 0;
                    int[] e = basis.get(a);
                    for (int v = 0; v < DIM; v++) {
                        for (int p = 0; p < e[v]; p++) {
                            double r = re * z[2 * v] - im * z[2 * v + 1];
                            im = re * z[2 * v + 1] + im * z[2 * v];
                            re = r;
                        }
                    }
                    sections[2 * (i * basis.size() + a)] = re;
                    sections[2 * (i * basis.size() + a) + 1] = im;
                }
                weights[i] = 1;
            }
            return count;
        };
    }

    static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    @Test
    void traceOfTTimesHTransposeIsTheBasisSize() {
        int n = 15;
        SplittableRandom rng = new SplittableRandom(11);
        double[] h = randomPositiveDefinite(n, rng);
        BalancingOperator op = new BalancingOperator(h);
        double[] s = new double[2 * n * 500];
        double[] w = new double[500];
        projectiveSpace(2, rng).sample(500, s, w);
        for (int i = 0; i < w.length; i++) w[i] = 0.5 + rng.nextDouble();   // any positive weights
        op.accumulate(s, w, 500);
        double[] t = op.operator();
        double re = 0, im = 0;   // tr(T H^T) = Σ_ab T_ab H_ab
        for (int i = 0; i < t.length; i += 2) {
            re += t[i] * h[i] - t[i + 1] * h[i + 1];
            im += t[i] * h[i + 1] + t[i + 1] * h[i];
        }
        assertEquals(n, re, 1e-10 * n);
        assertEquals(0, im, 1e-10 * n);
    }

    @Test
    void fubiniStudyIsBalancedOnProjectiveSpace() {
        int k = 2;
        List<int[]> basis = monomials(k);
        int n = basis.size();
        double[] balanced = new DonaldsonBalancing(6, 40_000)
                .balance(ComplexMatrices.identity(n), projectiveSpace(k, new SplittableRandom(5)), null);
        double max = 0;
        for (int[] e : basis) {
            double m = factorial(k);
            for (int x : e) m /= factorial(x);
            max = Math.max(max, m);
        }
        for (int a = 0; a < n; a++) {
            double expected = factorial(k);
            for (int x : basis.get(a)) expected /= factorial(x);
            expected /= max;
            // MC error of a diagonal entry with 40k points is about 1%; allow 5%.
            assertEquals(expected, balanced[2 * (a * n + a)], 0.05 * expected, "diagonal entry " + a);
            for (int b = 0; b < n; b++) {
                if (b != a) assertTrue(Math.hypot(balanced[2 * (a * n + b)], balanced[2 * (a * n + b) + 1]) < 0.03);
            }
        }
    }

    @Test
    void balancedMatrixIsAFixedPointOfTheOperatorOnAFixedSample() {
        int k = 2, count = 3000;
        int n = monomials(k).size();
        double[] s = new double[2 * n * count];
        double[] w = new double[count];
        projectiveSpace(k, new SplittableRandom(21)).sample(count, s, w);
        int[] cursor = {0};
        WeightedSectionSource replay = (c, sections, weights) -> {   // the same points every iteration, in order
            System.arraycopy(s, 2 * n * cursor[0], sections, 0, 2 * n * c);
            System.arraycopy(w, cursor[0], weights, 0, c);
            cursor[0] = (cursor[0] + c) % count;
            return c;
        };
        double[] h = new DonaldsonBalancing(60, count).balance(ComplexMatrices.identity(n), replay, null);
        BalancingOperator op = new BalancingOperator(h);
        op.accumulate(s, w, count);
        double[] next = op.balancedUpdate();   // not normalised: the scale is part of the fixed point
        double scale = 1 / ComplexMatrices.maxModulus(h);
        double worst = 0;
        for (int i = 0; i < h.length; i++) worst = Math.max(worst, Math.abs(next[i] * scale - h[i] * scale));
        assertTrue(worst < 1e-9, "T(H_bal) differs from H_bal by " + worst);
        // ... and the unnormalised update agrees with H itself up to the overall scale, which it fixes:
        assertEquals(1, ComplexMatrices.maxModulus(next), 1e-9);
    }

    @Test
    void nonFiniteWeightsCountAsZeroAndBadDenominatorsAreSkipped() {
        int n = 2;
        double[] h = {1, 0, 0, 0, 0, 0, 1, 0};
        BalancingOperator op = new BalancingOperator(h);
        double[] s = {1, 0, 0, 1, /* point 2 */ 1, 0, 0, 0, /* point 3: s = 0, den = 0 */ 0, 0, 0, 0};
        op.accumulate(s, new double[] {2, Double.NaN, 1}, 3);
        assertEquals(3, op.points());
        assertEquals(1, op.zeroedWeights());
        assertEquals(1, op.skippedPoints());
        double[] t = op.operator();   // one point s = (1, i), den = 2, w = 2: T = (2/2)·s s̄^T·(2/2)
        assertEquals(1, t[0], 1e-15);
        assertEquals(0, t[2], 1e-15);
        assertEquals(-1, t[3], 1e-15);
        assertEquals(1, t[6], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> op.accumulate(s, new double[] {1}, 3));
        assertThrows(IllegalStateException.class, () -> new BalancingOperator(h).operator());
    }

    static double[] randomPositiveDefinite(int n, SplittableRandom rng) {
        double[] m = new double[2 * n * n];
        for (int i = 0; i < m.length; i++) m[i] = rng.nextDouble(-0.3, 0.3);
        for (int a = 0; a < n; a++) m[2 * (a * n + a)] += 2;
        // H = M M^†
        double[] mDagger = ComplexMatrices.transpose(m);
        for (int i = 1; i < mDagger.length; i += 2) mDagger[i] = -mDagger[i];
        return ComplexMatrices.hermitianPart(ComplexMatrices.multiply(m, mDagger));
    }
}
