package org.physlab.imnn.fisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegularisationTest {
    private final Regularisation tutorial = new Regularisation(10, 0.1);

    @Test
    void alphaForLambda10Epsilon01IsLn11Over01() {
        assertEquals(Math.log(1.1) / 0.1, tutorial.alpha(), 1e-13);
        assertEquals(0.9531017980, tutorial.alpha(), 1e-10);
    }

    @Test
    void theCouplingIsAboutOneAtEpsilonAndLambdaFarAway() {
        assertEquals(10 * 1.1 / (10 * 1.1 + 0.1), tutorial.strength(0.1), 1e-13);
        assertEquals(0.99099, tutorial.strength(0.1), 1e-5);
        assertEquals(0.0, tutorial.strength(0), 0.0);
        assertEquals(0.09995, tutorial.strength(0.01), 1e-5);
        assertEquals(7.2174, tutorial.strength(1), 1e-4);
        assertEquals(9.3082, tutorial.strength(2), 1e-4);
        assertEquals(9.9830, tutorial.strength(5), 1e-4);
        assertEquals(10.0, tutorial.strength(125), 1e-9);
    }

    @Test
    void theDerivativeOfTheCouplingMatchesFiniteDifferences() {
        for (double l : new double[] {0.0, 0.05, 0.1, 0.7, 3, 12}) {
            double h = 1e-6;
            double fd = (tutorial.strength(l + h) - tutorial.strength(Math.max(0, l - h))) / (l + h - Math.max(0, l - h));
            assertEquals(fd, tutorial.strengthDerivative(l), 1e-6 * Math.max(1, Math.abs(fd)), "at " + l);
        }
    }

    @Test
    void nonPositiveLambdaOrEpsilonIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Regularisation(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Regularisation(-1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Regularisation(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new Regularisation(10, -0.1));
    }
}
