package org.physlab.vertexmesh.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptimizerTest {

    @Test
    void sgdStepsAgainstTheGradientScaledByTheRate() {
        double[] theta = {0.2, 1.0};
        Optimizer.sgd(1e-2).step(theta, new double[] {-2.4806914752, 0.5});
        assertArrayEquals(new double[] {0.2 + 0.024806914752, 1.0 - 0.005}, theta, 1e-15);
    }

    @Test
    void adamsFirstStepHasTheLengthOfTheRateWhateverTheGradientsScale() {
        for (double g : new double[] {-2.48, 0.05, 300}) {
            double[] theta = {0.2};
            Optimizer.adam(1e-2).step(theta, new double[] {g});
            assertEquals(0.2 - Math.signum(g) * 1e-2, theta[0], 1e-8, "gradient " + g);
        }
    }

    @Test
    void adamMinimisesAQuadratic() {
        Optimizer adam = Optimizer.named("adam", 0.05);
        double[] theta = {3.0, -2.0};
        for (int i = 0; i < 2000; i++) adam.step(theta, new double[] {2 * (theta[0] - 1), 2 * (theta[1] + 0.5)});
        assertArrayEquals(new double[] {1.0, -0.5}, theta, 1e-3);
    }

    @Test
    void unknownNamesAndBadRatesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizer.named("rmsprop", 0.1));
        assertTrue(e.getMessage().contains("sgd, adam"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(0));
        assertThrows(IllegalArgumentException.class, () -> Optimizer.adam(Double.NaN));
    }
}
