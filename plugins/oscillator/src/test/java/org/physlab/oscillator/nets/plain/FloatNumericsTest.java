package org.physlab.oscillator.nets.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatNumericsTest {

    @Test
    void rationalTanhIsAccurateToAFewFloatUlps() {
        double worst = 0;
        for (int i = -300_000; i <= 300_000; i++) {
            float x = i * 1e-4f;
            double exact = Math.tanh(x);
            double error = Math.abs(FloatNumerics.tanh(x) - exact) / Math.max(Math.abs(exact), Float.MIN_NORMAL);
            worst = Math.max(worst, error);
        }
        assertTrue(worst < 4e-7, "worst relative error " + worst + " (float epsilon 1.2e-7)");
        assertEquals(0f, FloatNumerics.tanh(0f));
        assertEquals(1f, FloatNumerics.tanh(1e30f), 3e-7f);
        assertEquals(-FloatNumerics.tanh(0.3f), FloatNumerics.tanh(-0.3f), "odd");
    }

    @Test
    void matrixProductsOnColumnRangesMatchTheDefinition() {
        SplittableRandom r = new SplittableRandom(3);
        int rows = 5, inner = 7, columns = 2500;   // more than one column block
        float[][] a = random(r, rows, inner);
        float[][] at = new float[inner][rows];
        FloatNumerics.INSTANCE.transpose(a, at, rows, inner);
        float[][] x = random(r, inner, columns);
        float[][] y = new float[rows][columns];
        float[][] yt = new float[rows][columns];
        FloatNumerics.INSTANCE.multiplyAdd(a, x, y, rows, inner, 3, 2400);
        FloatNumerics.INSTANCE.transposedMultiplyAdd(at, x, yt, rows, inner, 3, 2400);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double expected = 0;
                if (j >= 3 && j < 2400) for (int k = 0; k < inner; k++) expected += (double) a[i][k] * x[k][j];
                assertEquals(expected, y[i][j], 1e-5, "y[" + i + "][" + j + "]");
                assertEquals(y[i][j], yt[i][j], 0.0f);
            }
        }
    }

    private static float[][] random(SplittableRandom r, int rows, int columns) {
        float[][] m = new float[rows][columns];
        for (float[] row : m) for (int j = 0; j < columns; j++) row[j] = (float) r.nextDouble(-1, 1);
        return m;
    }
}
