package org.physlab.calabiyau.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constantRateNeverChanges() {
        LearningRateSchedule s = LearningRateSchedule.constant(1e-3);
        assertEquals(1e-3, s.rate(0), 0.0);
        assertEquals(1e-3, s.rate(12345), 0.0);
    }

    @Test
    void cosineFallsFromTheRateToZeroOverTheSteps() {
        LearningRateSchedule s = LearningRateSchedule.cosine(2e-3, 100);
        assertEquals(2e-3, s.rate(0), 0.0);
        assertEquals(1e-3, s.rate(50), 1e-18, "half way: half the rate");
        assertEquals(2e-3 * 0.5 * (1 + Math.cos(Math.PI / 4)), s.rate(25), 1e-18);
        assertEquals(2e-3 * 0.5 * (1 + Math.cos(Math.PI * 0.99)), s.rate(99), 1e-18);
        assertEquals(0, s.rate(100), 1e-18);
        assertEquals(0, s.rate(150), 1e-18, "stays at 0 after the steps");
        for (int t = 1; t <= 100; t++) assertEquals(true, s.rate(t) < s.rate(t - 1), "decreasing at " + t);
    }

    @Test
    void exponentialMultipliesByTheDecayEveryStep() {
        LearningRateSchedule s = LearningRateSchedule.exponential(1e-2, 0.9);
        assertEquals(1e-2, s.rate(0), 0.0);
        assertEquals(9e-3, s.rate(1), 1e-17);
        assertEquals(1e-2 * Math.pow(0.9, 10), s.rate(10), 1e-17);
        assertEquals(1e-2, LearningRateSchedule.exponential(1e-2, 1).rate(1000), 0.0);
    }

    @Test
    void adamTakesItsStepsAtTheScheduledRate() {
        // Adam's first update moves every parameter by lr·g/(|g| + eps) ≈ lr·sign(g): the schedule's rate
        LearningRateSchedule s = LearningRateSchedule.exponential(0.1, 0.5);
        Adam adam = new Adam(1, s);
        double[] theta = {0};
        adam.step(theta, new double[] {3});
        assertEquals(-0.1, theta[0], 1e-8);
        Adam constant = new Adam(1, 0.1);
        double[] same = {0};
        constant.step(same, new double[] {3});
        assertEquals(theta[0], same[0], 0.0, "the first update is at the schedule's initial rate");
        adam.step(theta, new double[] {3});   // same gradient again: m̂/sqrt(v̂) = 1, so the step is the rate 0.05
        assertEquals(-0.15, theta[0], 1e-8);
    }

    @Test
    void rejectsSchedulesThatCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(1e-3, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.exponential(1e-3, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.exponential(1e-3, 1.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(1e-3).rate(-1));
    }
}
