package org.physlab.oscillator.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void msePerParameterTheirSumAndCorrelation() {
        double[] truth = {0, 1, 0.1, 1, 1, 0.1, 2, 1, 0.1};
        double[] predicted = {0.5, 1, 0.1, 1.5, 1.2, 0.1, 2.5, 0.8, 0.1};
        Evaluation e = Evaluation.of(predicted, truth);
        assertEquals(0.25, e.mse()[0], 1e-15);
        assertEquals((0 + 0.04 + 0.04) / 3, e.mse()[1], 1e-15);
        assertEquals(0.0, e.mse()[2], 1e-15);
        assertEquals(0.25 + 0.08 / 3, e.loss(), 1e-15);
        assertEquals(1.0, e.correlation()[0], 1e-12, "a constant offset keeps the correlation at 1");
        assertTrue(Double.isNaN(e.correlation()[1]), "a parameter without spread has no correlation");
        assertTrue(Double.isNaN(e.correlation()[2]));
    }
}
