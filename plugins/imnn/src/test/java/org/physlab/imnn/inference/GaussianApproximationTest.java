package org.physlab.imnn.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianApproximationTest {

    private final double[] estimate = {0.1, 1.2};
    private final double[][] inverseFisher = {{0.1, 0.06}, {0.06, 0.2}};   // correlation ≈ 0.42

    @Test
    void integratesToOneOverAGridCoveringTheGaussian() {
        // ±8σ in each direction
        UniformPrior wide = new UniformPrior(new double[] {0.1 - 8 * Math.sqrt(0.1), 1.2 - 8 * Math.sqrt(0.2)},
                new double[] {0.1 + 8 * Math.sqrt(0.1), 1.2 + 8 * Math.sqrt(0.2)});
        GaussianApproximation g = GaussianApproximation.of(estimate, inverseFisher, wide, 201);
        assertEquals(1.0, g.jointMassOnGrid(0, 1), 1e-6);
        assertEquals(1.0, g.marginalMassOnGrid(0), 1e-6);
        assertEquals(1.0, g.marginalMassOnGrid(1), 1e-6);
        assertEquals(1.0, g.jointMassOnGrid(1, 0), 1e-6);
    }

    @Test
    void aPriorBoxCutThroughTheEstimateHoldsHalfTheMass() {
        UniformPrior half = new UniformPrior(new double[] {0.1 - 3, 1.2 - 5}, new double[] {0.1, 1.2 + 5});
        GaussianApproximation g = GaussianApproximation.of(estimate, inverseFisher, half, 401);
        assertEquals(0.5, g.marginalMassOnGrid(0), 1e-4);
        assertEquals(0.5, g.jointMassOnGrid(0, 1), 1e-4);
        assertEquals(1.0, g.marginalMassOnGrid(1), 1e-4);
    }

    @Test
    void theJointFollowsTheCorrelationOfInverseFisher() {
        UniformPrior box = new UniformPrior(new double[] {-2, -1}, new double[] {2, 3});
        GaussianApproximation g = GaussianApproximation.of(estimate, inverseFisher, box, 5);   // grid steps 1 and 1
        double[][] joint = g.joint(0, 1);                      // [θ₁ index][θ₀ index]; θ₀ ∈ {-2..2}, θ₁ ∈ {-1..3}
        // hand evaluation of the bivariate normal at (θ₀, θ₁) = (1, 2)
        double det = 0.1 * 0.2 - 0.06 * 0.06;
        double dx = 1 - 0.1, dy = 2 - 1.2;
        double q = (0.2 * dx * dx - 2 * 0.06 * dx * dy + 0.1 * dy * dy) / det;
        assertEquals(Math.exp(-q / 2) / (2 * Math.PI * Math.sqrt(det)), joint[3][3], 1e-12);
        // positive correlation: (+,+) more probable than (+,−) at the same distance along the axes
        assertTrue(joint[3][3] > joint[1][3]);
        assertEquals(Math.exp(-0.5 * 0.81 / 0.1) / Math.sqrt(2 * Math.PI * 0.1), g.marginal(0)[3], 1e-12);
    }

    @Test
    void rejectsACovarianceThatIsNotPositiveDefinite() {
        UniformPrior box = new UniformPrior(new double[] {-1, 0}, new double[] {1, 2});
        assertThrows(IllegalArgumentException.class,
                () -> GaussianApproximation.of(estimate, new double[][] {{1, 2}, {2, 1}}, box, 10));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianApproximation.of(new double[] {Double.NaN, 1}, inverseFisher, box, 10));
        assertThrows(IllegalArgumentException.class, () -> GaussianApproximation.of(estimate, inverseFisher, box, 1));
    }
}
