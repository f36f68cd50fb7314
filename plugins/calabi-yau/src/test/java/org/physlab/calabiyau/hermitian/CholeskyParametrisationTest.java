package org.physlab.calabiyau.hermitian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.complex.Complex;

class CholeskyParametrisationTest {

    @Test
    void specVectorForThreeByThree() {
        HermitianMatrix h = CholeskyParametrisation.decode(new double[] {1, 2, 3, .1, .2, .3, -.1, .05, .4});
        Complex[][] expected = {
                {Complex.of(1.0625, 0), Complex.of(.28, -.265), Complex.of(.6, .15)},
                {Complex.of(.28, .265), Complex.of(4.25, 0), Complex.of(.9, 1.2)},
                {Complex.of(.6, -.15), Complex.of(.9, -1.2), Complex.of(9, 0)}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertTrue(expected[i][j].minus(h.get(i, j)).abs() < 1e-14, "H[" + i + "][" + j + "] = " + h.get(i, j));
            }
        }
        assertTrue(h.isPositiveDefinite());
    }

    @Test
    void factorIsUpperTriangularInRowMajorOrder() {
        double[][] m = CholeskyParametrisation.factor(new double[] {1, 2, 3, .1, .2, .3, -.1, .05, .4});
        assertEquals(.1, m[0][1]);
        assertEquals(-.1, m[1][1]);
        assertEquals(.3, m[0][5]);
        assertEquals(.4, m[1][5]);
        assertEquals(0, m[0][3]);
    }

    @Test
    void initialParametersGiveNearlyTheIdentity() {
        HermitianMatrix exact = CholeskyParametrisation.decode(CholeskyParametrisation.initial(35, 0, null));
        assertTrue(exact.isIdentity());
        HermitianMatrix h = CholeskyParametrisation.decode(
                CholeskyParametrisation.initial(35, 1e-3, new SplittableRandom(1)));
        assertFalse(h.isIdentity());
        for (int i = 0; i < 35; i++) {
            assertTrue(Math.abs(h.get(i, i).re() - 1) < 1e-2);
            assertEquals(0, h.get(i, (i + 1) % 35).abs());
        }
    }

    @Test
    void zeroDiagonalEntryIsNotPositiveDefinite() {
        assertFalse(CholeskyParametrisation.decode(new double[] {1, 0, 3, .1, .2, .3, -.1, .05, .4}).isPositiveDefinite());
    }

    @Test
    void rejectsNonSquareOrNonFiniteParameters() {
        assertThrows(IllegalArgumentException.class, () -> CholeskyParametrisation.decode(new double[8]));
        assertThrows(IllegalArgumentException.class,
                () -> CholeskyParametrisation.decode(new double[] {1, Double.NaN, 1, 0}));
    }
}
