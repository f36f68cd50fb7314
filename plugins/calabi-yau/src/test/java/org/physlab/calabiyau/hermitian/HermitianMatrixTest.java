package org.physlab.calabiyau.hermitian;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HermitianMatrixTest {

    @Test
    void positiveDefinitenessByCholesky() {
        // [[2, 1−i], [1+i, 2]] has eigenvalues 2 ± √2 > 0; [[1, 2i], [−2i, 1]] has eigenvalues −1 and 3
        assertTrue(HermitianMatrix.of(2, new double[] {2, 1, 1, 2}, new double[] {0, -1, 1, 0}).isPositiveDefinite());
        assertFalse(HermitianMatrix.of(2, new double[] {1, 0, 0, 1}, new double[] {0, 2, -2, 0}).isPositiveDefinite());
        assertTrue(HermitianMatrix.identity(35).isPositiveDefinite());
    }

    @Test
    void timesConjugateMultipliesByTheConjugateVector() {
        HermitianMatrix h = HermitianMatrix.of(2, new double[] {2, 1, 1, 2}, new double[] {0, -1, 1, 0});
        double[] out = new double[4];
        h.timesConjugate(new double[] {0, 1, 1, 0}, out);   // v = (i, 1), conj v = (−i, 1)
        // row 0: 2·(−i) + (1−i)·1 = 1 − 3i; row 1: (1+i)(−i) + 2 = 3 − i
        assertTrue(Math.abs(out[0] - 1) + Math.abs(out[1] + 3) + Math.abs(out[2] - 3) + Math.abs(out[3] + 1) < 1e-15);
    }

    @Test
    void rejectsNonHermitianWrongSizeAndNonFinite() {
        assertThrows(IllegalArgumentException.class,
                () -> HermitianMatrix.of(2, new double[] {1, 2, 3, 1}, new double[4]));
        assertThrows(IllegalArgumentException.class, () -> HermitianMatrix.of(2, new double[3], new double[4]));
        assertThrows(IllegalArgumentException.class,
                () -> HermitianMatrix.of(1, new double[] {Double.NaN}, new double[1]));
    }
}
