package org.physlab.oscillator.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.oscillator.ReferenceData;
import org.physlab.oscillator.duffing.DuffingSolver;
import org.physlab.oscillator.duffing.FrequencySweep;

class ResponseCurvesTest {

    private static ParameterPrior fixed(double omega0, double gamma, double epsilon) {
        return new ParameterPrior(new ParameterPrior.Interval(omega0, omega0), new ParameterPrior.Interval(gamma, gamma),
                new ParameterPrior.Interval(epsilon, epsilon));
    }

    @Test
    void aTrainingCurveIsTheResizedResponseOfTheLecture() {
        ResponseCurves curves = new ResponseCurves(fixed(-0.7, 0.6, 0.15), 1.0, new DuffingSolver(FrequencySweep.LECTURE), 50, 0, 0, 0);
        CurveBatch batch = curves.next(new SplittableRandom(1), 2);
        double[] expected = ReferenceData.doubles(ReferenceData.rk4Anchors().get("train_curve_w0=-0.7_g=0.6_e=0.15")
                .get("resized50_linear_antialias"));
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(batch.inputs(), 0, 50), 2e-10);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(batch.inputs(), 50, 100), 2e-10);
        assertArrayEquals(new double[] {-0.7, 0.6, 0.15}, java.util.Arrays.copyOfRange(batch.targets(), 0, 3), 0.0);
    }

    @Test
    void parametersAreDrawnUniformlyFromTheLecturesRanges() {
        ResponseCurves curves = new ResponseCurves(ParameterPrior.LECTURE, 1.0, new DuffingSolver(FrequencySweep.LECTURE), 50, 0, 0, 0);
        CurveBatch batch = curves.next(new SplittableRandom(5), 2000);
        double[][] bounds = {{-1, 1}, {0.5, 1.5}, {0, 0.15}};
        for (int p = 0; p < 3; p++) {
            double[] v = batch.target(p);
            double mean = java.util.Arrays.stream(v).average().orElseThrow();
            for (double x : v) assertTrue(x >= bounds[p][0] && x < bounds[p][1]);
            double width = bounds[p][1] - bounds[p][0];
            // mean of 2000 uniform draws: standard error width/sqrt(12*2000) ~ 0.0065 width
            assertEquals((bounds[p][0] + bounds[p][1]) / 2, mean, 0.03 * width, ParameterPrior.NAMES.get(p));
        }
    }

    @Test
    void noiseIsGaussianWithTheRequestedWidthAndAddedAfterResizing() {
        ParameterPrior prior = fixed(0.2, 1.0, 0.1);
        DuffingSolver solver = new DuffingSolver(FrequencySweep.LECTURE);
        CurveBatch clean = new ResponseCurves(prior, 1.0, solver, 50, 0, 0, 0).next(new SplittableRandom(2), 200);
        CurveBatch noisy = new ResponseCurves(prior, 1.0, solver, 50, 0.3, 0, 0).next(new SplittableRandom(2), 200);
        double sum = 0, sq = 0;
        int n = clean.inputs().length;
        for (int i = 0; i < n; i++) {
            double d = noisy.inputs()[i] - clean.inputs()[i];
            sum += d;
            sq += d * d;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(0.3, Math.sqrt(sq / n), 0.01);
    }

    @Test
    void theSameRandomStreamGivesTheSameBatch() {
        ResponseCurves curves = new ResponseCurves(ParameterPrior.LECTURE, 1.0, new DuffingSolver(FrequencySweep.LECTURE), 50, 0.1, 0, 0);
        CurveBatch a = curves.next(new SplittableRandom(9), 8);
        CurveBatch b = curves.next(new SplittableRandom(9), 8);
        CurveBatch c = curves.next(new SplittableRandom(10), 8);
        assertArrayEquals(a.inputs(), b.inputs(), 0.0);
        assertFalse(java.util.Arrays.equals(a.inputs(), c.inputs()));
    }

    @Test
    void rejectsFewerThanTwoBinsAndEmptyRanges() {
        DuffingSolver solver = new DuffingSolver(FrequencySweep.LECTURE);
        assertThrows(IllegalArgumentException.class, () -> new ResponseCurves(ParameterPrior.LECTURE, 1, solver, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ParameterPrior.Interval(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new ParameterPrior(new ParameterPrior.Interval(0, 1),
                new ParameterPrior.Interval(-0.5, 1), new ParameterPrior.Interval(0, 0.1)));
    }
}
