package org.physlab.imnn.simulators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.imnn.fisher.SmallMatrix;

class GaussianSimulatorTest {
    private final GaussianSimulator tutorial = new GaussianSimulator(10);

    @Test
    void theFisherInformationOfTenPointsAtTheFiducialIsDiag10And5WithDeterminant50() {
        double[][] f = tutorial.analyticFisher(tutorial.fiducial()).orElseThrow();
        assertArrayEquals(new double[] {10, 0}, f[0], 0.0);
        assertArrayEquals(new double[] {0, 5}, f[1], 0.0);
        assertEquals(50.0, SmallMatrix.determinant(f), 1e-12);
        // F = diag(n/Σ, n/(2Σ²)) elsewhere
        double[][] g = tutorial.analyticFisher(new double[] {3, 2}).orElseThrow();
        assertEquals(5.0, g[0][0], 0.0);
        assertEquals(10.0 / 8, g[1][1], 0.0);
    }

    @Test
    void theSameGeneratorStateGivesTheSameNoiseWithOrWithoutDerivatives() {
        double[] a = new double[10];
        double[] b = new double[10];
        double[][] d = new double[2][10];
        tutorial.simulate(new double[] {0.05, 1.0}, new SplittableRandom(7), a);
        tutorial.simulateWithDerivative(new double[] {0.05, 1.0}, new SplittableRandom(7), b, d);
        assertArrayEquals(a, b, 0.0);
        for (int i = 0; i < 10; i++) {
            assertEquals(1.0, d[0][i], 0.0);
            assertEquals((b[i] - 0.05) / 2, d[1][i], 1e-15, "∂d/∂Σ = (d − μ)/(2Σ)");
        }
    }

    @Test
    void theDerivativeMatchesSeedMatchedFiniteDifferences() {
        double[] theta = {0.3, 1.7};
        double[] out = new double[10];
        double[][] d = new double[2][10];
        tutorial.simulateWithDerivative(theta, new SplittableRandom(3), out, d);
        for (int k = 0; k < 2; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += 1e-6;
            minus[k] -= 1e-6;
            double[] up = new double[10];
            double[] down = new double[10];
            tutorial.simulate(plus, new SplittableRandom(3), up);
            tutorial.simulate(minus, new SplittableRandom(3), down);
            for (int i = 0; i < 10; i++) assertEquals((up[i] - down[i]) / 2e-6, d[k][i], 1e-8);
        }
    }

    @Test
    void aNonPositiveVarianceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> tutorial.simulate(new double[] {0, -1}, new SplittableRandom(1), new double[10]));
        assertThrows(IllegalArgumentException.class, () -> new GaussianSimulator(0));
    }
}
