package org.physlab.calabiyau.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

class SigmaAccuracyTest {

    @Test
    void constantEtaHasZeroSigma() {
        SigmaAccuracy s = SigmaAccuracy.of(new double[] {2, 2, 2}, new double[] {1, 5, 0.3});
        assertEquals(0, s.sigma(), 1e-15);
        assertEquals(2, s.volumeK() / s.volumeCy(), 1e-15);
    }

    @Test
    void smallExampleByHand() {
        // w = (1, 1), η = (1, 3): volCY = 1, volK = 2, σ = (|1 − 1/2| + |1 − 3/2|)/2 = 0.5
        assertEquals(0.5, SigmaAccuracy.of(new double[] {1, 3}, new double[] {1, 1}).sigma(), 1e-15);
    }

    @Test
    void nonFinitePointsAreSkippedAndCounted() {
        SigmaAccuracy s = SigmaAccuracy.of(new double[] {1, Double.NaN, 3}, new double[] {1, 1, 1});
        assertEquals(0.5, s.sigma(), 1e-15);
        assertEquals(2, s.used());
        assertEquals(1, s.skipped());
        assertThrows(IllegalArgumentException.class, () -> SigmaAccuracy.of(new double[] {Double.NaN}, new double[] {1}));
    }

    /** §12.2 anchors for H = I, k = 3 (reference [R] values, MC noise ≈ ±0.002 at small σ, ±0.01 near 1). */
    @Test
    void identityMetricAtDegreeThreeMatchesTheReferenceAcrossTheModuli() {
        AlgebraicMetric metric = AlgebraicMetric.identity(3);
        double[][] anchors = {  // psi, lower, upper (reference value ± ~4 standard errors at this size)
                {0, 0.026, 0.040},      // 0.0326–0.0333
                {1, 0.080, 0.120},      // 0.099 (conifold: heavy-tailed)
                {10, 0.53, 0.61},       // 0.566–0.573
                {100, 1.13, 1.22}};     // 1.175 / 1.181
        for (double[] a : anchors) {
            Sample sample = new LineSampler(new DworkQuintic(Complex.real(a[0]))).sample(6000, 100 + (long) a[0]);
            double sigma = SigmaAccuracy.of(metric, sample).sigma();
            assertTrue(sigma > a[1] && sigma < a[2], "sigma(psi = " + a[0] + ") = " + sigma);
        }
    }
}
