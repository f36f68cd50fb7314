package org.physlab.calabiyau.donaldson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.metric.AlgebraicMetric;
import org.physlab.calabiyau.metric.SigmaAccuracy;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

/**
 * Balanced metrics on the Fermat quintic (ψ = 0), spec §12.5: σ_k of the balanced metric of degree k
 * with cyjax's point counts. Reference: the independent re-implementation [R] 0.375, 0.275, 0.199, 0.140
 * (σ on 2×20k points) and the cyjax notebook plot [N] 0.387, 0.265, 0.205, 0.139. σ is evaluated here on
 * one seeded 20 000-point sample (MC noise ≈ ±0.005); the bands are the [R] value ± 0.015, which also
 * contain [N]. Five iterations instead of ten: from H = I the iteration settles after two or three.
 */
class FermatBalancingTest {
    static final LineSampler FERMAT = new LineSampler(DworkQuintic.fermat());
    static final Sample EVALUATION = FERMAT.sample(20_000, 2026);

    private static final Map<Integer, double[]> BALANCED = new ConcurrentHashMap<>();

    /** The balanced H of degree k (computed once per test class). */
    static double[] balanced(int degree) {
        return BALANCED.computeIfAbsent(degree, k -> {
            MonomialBasis basis = MonomialBasis.full(k);
            DonaldsonBalancing balancing = new DonaldsonBalancing(5, DonaldsonBalancing.cyjaxPointsPerIteration(basis.size()));
            return balancing.balance(ComplexMatrices.identity(basis.size()), new SampledSections(FERMAT, basis, 17 + k), null);
        });
    }

    static double balancedSigma(int degree) {
        MonomialBasis basis = MonomialBasis.full(degree);
        return SigmaAccuracy.of(new AlgebraicMetric(basis, ComplexMatrices.toHermitian(balanced(degree))), EVALUATION).sigma();
    }

    /**
     * Spec §5.3/§12.4: under the symmetries of the Fermat quintic (phases, permutations) distinct degree-3
     * monomials carry distinct characters, so the balanced H is diagonal and constant on the three orbit
     * types z_i^3, z_i^2 z_j, z_i z_j z_l. Measured with these seeds: types ≈ 0.43, 0.68, 0.97 (max 1 after
     * normalisation), spread within a type ≤ 3%, off-diagonal entries ≤ 0.03.
     */
    @Test
    void balancedMetricAtDegreeThreeHasTheSymmetryOfTheFermatQuintic() {
        MonomialBasis basis = MonomialBasis.full(3);
        int n = basis.size();
        double[] h = balanced(3);
        Map<String, List<Double>> byType = new TreeMap<>();
        for (int a = 0; a < n; a++) {
            int[] e = basis.exponents(a);
            Arrays.sort(e);
            byType.computeIfAbsent(Arrays.toString(e), t -> new ArrayList<>()).add(h[2 * (a * n + a)]);
            assertEquals(0, h[2 * (a * n + a) + 1], 1e-12, "the diagonal of a Hermitian matrix is real");
            for (int b = 0; b < n; b++) {
                if (b != a) assertTrue(Math.hypot(h[2 * (a * n + b)], h[2 * (a * n + b) + 1]) < 0.06, "off-diagonal " + a + "," + b);
            }
        }
        // keys sort as [0, 0, 0, 0, 3] (z_i^3), [0, 0, 0, 1, 2] (z_i^2 z_j), [0, 0, 1, 1, 1] (z_i z_j z_l)
        double[] means = new double[3];
        int t = 0;
        for (List<Double> entries : byType.values()) {
            double mean = entries.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            for (double v : entries) assertEquals(mean, v, 0.08 * mean, "one orbit, one value");
            means[t++] = mean;
        }
        assertEquals(List.of(5, 20, 10), byType.values().stream().map(List::size).toList());
        assertTrue(means[0] < means[1] && means[1] < means[2], Arrays.toString(means));
    }

    @Test
    void balancedSigmaDecreasesWithTheDegreeInsideTheReferenceBands() {
        double[] reference = {0.375, 0.275, 0.199, 0.140};
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 1; k <= 4; k++) {
            double sigma = balancedSigma(k);
            assertEquals(reference[k - 1], sigma, 0.015, "balanced σ at k = " + k);
            assertTrue(sigma < previous, "σ must decrease with k");
            previous = sigma;
        }
    }

    @Test
    void theCyjaxPointCountsFollowTheirRecipe() {
        assertEquals(11_000, DonaldsonBalancing.cyjaxPointsPerIteration(5));    // 10050 points → 11 batches
        assertEquals(13_000, DonaldsonBalancing.cyjaxPointsPerIteration(35));   // 12450 → 13
        assertEquals(20_000, DonaldsonBalancing.cyjaxPointsPerIteration(70));   // 19800 → 20
    }

    @Test
    void balancedMetricOnTheQuinticIsAFixedPointOfTheOperator() {
        MonomialBasis basis = MonomialBasis.full(2);
        int n = basis.size(), count = 4000;
        double[] s = new double[2 * n * count];
        double[] w = new double[count];
        int got = new SampledSections(FERMAT, basis, 99).sample(count, s, w);
        assertEquals(count, got);
        int[] cursor = {0};
        WeightedSectionSource replay = (c, sections, weights) -> {
            System.arraycopy(s, 2 * n * cursor[0], sections, 0, 2 * n * c);
            System.arraycopy(w, cursor[0], weights, 0, c);
            cursor[0] = (cursor[0] + c) % count;
            return c;
        };
        double[] h = new DonaldsonBalancing(60, count).balance(ComplexMatrices.identity(n), replay, null);
        BalancingOperator op = new BalancingOperator(h);
        op.accumulate(s, w, count);
        double[] next = op.balancedUpdate();
        double worst = 0;
        for (int i = 0; i < h.length; i++) worst = Math.max(worst, Math.abs(next[i] - h[i]));
        assertTrue(worst < 1e-9, "T(H_bal) differs from H_bal by " + worst);
        // and the balanced H is not the starting point: balancing did something
        assertTrue(ComplexMatrices.maxModulus(subtract(h, ComplexMatrices.identity(n))) > 0.05);
    }

    private static double[] subtract(double[] a, double[] b) {
        double[] d = a.clone();
        for (int i = 0; i < d.length; i++) d[i] -= b[i];
        return d;
    }
}
