package org.physlab.calabiyau.hermitian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.metric.AlgebraicMetric;
import org.physlab.calabiyau.metric.SigmaAccuracy;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

class InvariantHermitianTest {

    @Test
    void degreeThreeHasThreeOrbitTypesOfSizesFiveTwentyAndTen() {
        MonomialBasis b = MonomialBasis.full(3);
        List<int[]> types = b.orbitTypes();
        assertEquals(3, types.size());
        assertArrayEquals(new int[] {3}, types.get(0));
        assertArrayEquals(new int[] {2, 1}, types.get(1));
        assertArrayEquals(new int[] {1, 1, 1}, types.get(2));
        HermitianMatrix h = InvariantHermitian.diagonalByOrbit(b, 1, 2, 3);
        double trace = 0;
        for (int a = 0; a < 35; a++) trace += h.get(a, a).re();
        assertEquals(5 * 1 + 20 * 2 + 10 * 3, trace, 1e-12);
        assertEquals(0, h.get(0, 1).abs());
    }

    /** §12.4: the σ-optimal invariant H (ratios to the z_i^3 entry) beats H = I at ψ = 0 and ψ = 10. */
    @Test
    void optimalOrbitRatiosOfTheReferenceImproveSigma() {
        MonomialBasis b = MonomialBasis.full(3);
        double[][] cases = {  // psi, ratio z^2 z, ratio z z z, reference sigma (H = I reference)
                {0, 0.896, 0.952, 0.0276},      // H = I: 0.033
                {10, 1.188, 7.06, 0.099}};      // H = I: 0.57
        for (double[] c : cases) {
            Sample sample = new LineSampler(new DworkQuintic(Complex.real(c[0]))).sample(8000, 31);
            double optimal = SigmaAccuracy.of(new AlgebraicMetric(b, InvariantHermitian.diagonalByOrbit(b, 1, c[1], c[2])), sample).sigma();
            double identity = SigmaAccuracy.of(AlgebraicMetric.identity(3), sample).sigma();
            assertEquals(c[3], optimal, 0.15 * c[3], "sigma of the optimal invariant H at psi = " + c[0]);
            assertTrue(optimal < identity, "optimal " + optimal + " < identity " + identity);
        }
    }

    @Test
    void rejectsWrongCountsNonPositiveValuesAndHighDegrees() {
        assertThrows(IllegalArgumentException.class, () -> InvariantHermitian.diagonalByOrbit(MonomialBasis.full(3), 1, 2));
        assertThrows(IllegalArgumentException.class, () -> InvariantHermitian.diagonalByOrbit(MonomialBasis.full(2), 1, -2));
        assertThrows(IllegalArgumentException.class, () -> InvariantHermitian.diagonalByOrbit(MonomialBasis.full(5), 1, 1, 1, 1, 1, 1, 1));
    }
}
