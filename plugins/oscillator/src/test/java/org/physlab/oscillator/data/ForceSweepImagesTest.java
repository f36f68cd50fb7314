package org.physlab.oscillator.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.oscillator.duffing.DuffingBatch;
import org.physlab.oscillator.duffing.DuffingParameters;
import org.physlab.oscillator.duffing.DuffingSolver;
import org.physlab.oscillator.duffing.FrequencySweep;
import org.physlab.oscillator.resize.JaxResize;

class ForceSweepImagesTest {

    private static final ParameterPrior FIXED = new ParameterPrior(new ParameterPrior.Interval(0.3, 0.3),
            new ParameterPrior.Interval(0.8, 0.8), new ParameterPrior.Interval(0.1, 0.1));

    @Test
    void anImageHoldsCubicResizedResponsesAndTheCoordinateChannels() {
        DuffingSolver solver = new DuffingSolver(FrequencySweep.LECTURE);
        ForceSweepImages images = new ForceSweepImages(FIXED, 0.1, 2.0, 50, solver, 50, 0.0, 0, 0.01);
        CurveBatch batch = images.next(new SplittableRandom(1), 1);
        assertArrayEquals(new int[] {3, 50, 50}, batch.shape());
        double[] img = batch.inputs();
        JaxResize cubic = JaxResize.of(400, 50, JaxResize.Method.CUBIC);
        double[] forces = ForceSweepImages.linspace(0.1, 2.0, 50);
        double[] omegas = ForceSweepImages.linspace(-4, 4, 50);
        for (int r : new int[] {0, 17, 49}) {
            double[] abs = solver.amplitudes(DuffingBatch.of(new DuffingParameters(0.3, 0.8, 0.1, forces[r])), 0, 0.01);
            assertArrayEquals(cubic.apply(abs), java.util.Arrays.copyOfRange(img, r * 50, r * 50 + 50), 1e-12, "row " + r);
            for (int c = 0; c < 50; c++) {
                assertEquals(omegas[c], img[2500 + r * 50 + c], 0.0);
                assertEquals(forces[r], img[5000 + r * 50 + c], 0.0);
            }
        }
        assertEquals(2.0, forces[49], 0.0);
        assertEquals(0.1 + 1.9 / 49, forces[1], 1e-15);
    }

    @Test
    void noiseGoesOnTheResponseChannelOnly() {
        DuffingSolver solver = new DuffingSolver(FrequencySweep.LECTURE, 2);
        CurveBatch clean = new ForceSweepImages(FIXED, 0.1, 2.0, 50, solver, 50, 0.0, 0, 0.01).next(new SplittableRandom(4), 3);
        CurveBatch noisy = new ForceSweepImages(FIXED, 0.1, 2.0, 50, solver, 50, 0.5, 0, 0.01).next(new SplittableRandom(4), 3);
        double sq = 0;
        int count = 0;
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 7500; i++) {
                double d = noisy.inputs()[s * 7500 + i] - clean.inputs()[s * 7500 + i];
                if (i < 2500) {
                    sq += d * d;
                    count++;
                } else {
                    assertEquals(0.0, d, 0.0, "coordinate channels stay clean");
                }
            }
        }
        assertEquals(0.5, Math.sqrt(sq / count), 0.01);
    }
}
