package org.physlab.calabiyau.donaldson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComplexMatricesTest {

    @Test
    void inverseTimesMatrixIsTheIdentity() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 12;
        double[] m = new double[2 * n * n];
        for (int i = 0; i < m.length; i++) m[i] = rng.nextDouble(-1, 1);
        double[] product = ComplexMatrices.multiply(m, ComplexMatrices.inverse(m));
        double[] id = ComplexMatrices.identity(n);
        for (int i = 0; i < id.length; i++) assertEquals(id[i], product[i], 1e-12, "entry " + i / 2);
    }

    @Test
    void inverseOfATwoByTwoMatchesTheAdjugateFormula() {
        // [[1+i, 2], [i, 3-i]]: det = (1+i)(3-i) - 2i = 4, inverse = [[3-i, -2], [-i, 1+i]] / 4
        double[] m = {1, 1, 2, 0, 0, 1, 3, -1};
        double[] inv = ComplexMatrices.inverse(m);
        double[] expected = {0.75, -0.25, -0.5, 0, 0, -0.25, 0.25, 0.25};
        for (int i = 0; i < 8; i++) assertEquals(expected[i], inv[i], 1e-15);
    }

    @Test
    void singularMatrixIsRejected() {
        double[] m = {1, 1, 2, 2, 1, 1, 2, 2};    // second row equals the first
        assertThrows(ArithmeticException.class, () -> ComplexMatrices.inverse(m));
    }

    @Test
    void transposeHermitianPartAndNormalisation() {
        double[] m = {2, 0, 1, 3, -1, 1, 4, 0};   // [[2, 1+3i], [-1+i, 4]]
        double[] t = ComplexMatrices.transpose(m);
        assertEquals(-1, t[2]);
        assertEquals(1, t[3]);
        double[] h = ComplexMatrices.hermitianPart(m);   // off-diagonal (1+3i + conj(-1+i))/2 = 0 + 1i
        assertEquals(0, h[2], 1e-15);
        assertEquals(1, h[3], 1e-15);
        assertEquals(0, h[4], 1e-15);
        assertEquals(-1, h[5], 1e-15);
        assertEquals(4, ComplexMatrices.maxModulus(h));
        assertEquals(1, ComplexMatrices.normalisedByMaxModulus(h)[6]);
        assertThrows(IllegalArgumentException.class, () -> ComplexMatrices.order(new double[6]));
    }
}
