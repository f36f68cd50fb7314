package org.physlab.oscillator.nets.plain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.physlab.oscillator.data.CurveBatch;
import org.physlab.oscillator.nets.Precision;

class PlainNetworkTest {

    static final AdamSettings ADAM = AdamSettings.of(1e-3);

    /** A batch of random inputs in [0, 2) and random targets of the lecture's scale. */
    static CurveBatch randomBatch(int size, int[] shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int per = 1;
        for (int s : shape) per *= s;
        double[] x = new double[size * per];
        double[] y = new double[size * 3];
        for (int i = 0; i < x.length; i++) x[i] = 2 * r.nextDouble();
        for (int i = 0; i < y.length; i++) y[i] = r.nextDouble(-1, 1);
        return new CurveBatch(size, shape, x, y);
    }

    /**
     * Compares every parameter's analytic gradient with the central difference
     * (L(p + h) - L(p - h)) / 2h of the float64 loss.
     *
     * @return how many parameters were checked
     */
    static int checkGradients(PlainNetwork<?> net, CurveBatch batch, double h, double relative) {
        double loss = net.lossAndGradients(batch, false);
        List<double[]> analytic = new ArrayList<>();
        for (int layer = 0; layer < net.layerCount(); layer++) {
            analytic.add(net.gradients(layer, false));
            analytic.add(net.gradients(layer, true));
        }
        int checked = 0;
        for (int layer = 0; layer < net.layerCount(); layer++) {
            for (int kind = 0; kind < 2; kind++) {
                boolean biases = kind == 1;
                double[] values = net.values(layer, biases);
                double[] expected = analytic.get(2 * layer + kind);
                for (int i = 0; i < values.length; i++) {
                    double keep = values[i];
                    values[i] = keep + h;
                    net.setValues(layer, biases, values);
                    double up = net.lossAndGradients(batch, false);
                    values[i] = keep - h;
                    net.setValues(layer, biases, values);
                    double down = net.lossAndGradients(batch, false);
                    values[i] = keep;
                    net.setValues(layer, biases, values);
                    double numeric = (up - down) / (2 * h);
                    double a = expected[i];
                    // relative to the larger of the two; components near zero are held to the difference's rounding
                    double allowed = relative * Math.max(Math.abs(a), Math.abs(numeric)) + 1e-10 * loss;
                    assertTrue(Math.abs(a - numeric) <= allowed, String.format(
                            "layer %d %s[%d]: analytic %.12g, central difference %.12g", layer, biases ? "b" : "W", i, a, numeric));
                    checked++;
                }
            }
        }
        return checked;
    }

    @Test
    void mlpGradientsMatchCentralDifferences() {
        PlainNetwork<?> net = PlainNetwork.mlp(Precision.FLOAT64, 6, new int[] {5, 4}, 0, ADAM, new SplittableRandom(1));
        int checked = checkGradients(net, randomBatch(4, new int[] {6}, 2), 1e-5, 1e-6);
        assertEquals(6 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3, checked);
    }

    @Test
    void cnnGradientsMatchCentralDifferences() {
        // a 15 x 13 image: 15 -> 7 -> 3 rows, 13 -> 6 -> 2 columns; unequal sides catch row/column mix-ups
        PlainNetwork<?> net = PlainNetwork.cnn(Precision.FLOAT64, 15, 13, new int[] {4, 2}, new int[] {5}, ADAM, new SplittableRandom(3));
        assertArrayEquals(new long[] {4, 3, 3, 3}, net.weightShape(0));
        assertArrayEquals(new long[] {2, 4, 3, 3}, net.weightShape(1));
        assertArrayEquals(new long[] {2 * 3 * 2, 5}, net.weightShape(2));
        int checked = checkGradients(net, randomBatch(3, new int[] {3, 15, 13}, 4), 1e-5, 1e-6);
        assertEquals(net.parameterCount(), checked);
    }

    @Test
    void theLecturesCnnHas22013ParametersAndShrinks50To2() {
        PlainNetwork<?> net = PlainNetwork.cnn(Precision.FLOAT32, 50, 50, new int[] {30, 30, 30, 10}, new int[] {50}, ADAM,
                new SplittableRandom(1));
        assertEquals(22_013, net.parameterCount());
        assertArrayEquals(new long[] {10 * 2 * 2, 50}, net.weightShape(4), "dense input 10 channels x 2 x 2");
    }

    @Test
    void weightsStartAsNormalOverSqrtFanInAndBiasesAtZero() {
        PlainNetwork<?> net = PlainNetwork.cnn(Precision.FLOAT64, 50, 50, new int[] {30, 30, 30, 10}, new int[] {50}, ADAM,
                new SplittableRandom(7));
        // kernels: 1/sqrt(C_in) only (the lecture), dense: 1/sqrt(fan_in)
        assertEquals(1 / Math.sqrt(3), std(net.values(0, false)), 0.04);
        assertEquals(1 / Math.sqrt(30), std(net.values(1, false)), 0.006);
        assertEquals(1 / Math.sqrt(40), std(net.values(4, false)), 0.01);
        for (int layer = 0; layer < net.layerCount(); layer++) {
            for (double b : net.values(layer, true)) assertEquals(0.0, b);
        }
    }

    static double std(double[] v) {
        double m = 0, s = 0;
        for (double x : v) m += x;
        m /= v.length;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / v.length);
    }

    @Test
    void adamTakesOptaxsFirstStep() {
        // step 1: m_hat = g, v_hat = g^2, so every parameter moves by lr * g / (|g| + eps)
        PlainNetwork<?> net = PlainNetwork.mlp(Precision.FLOAT64, 5, new int[] {4}, 0, new AdamSettings(0.01, 0.9, 0.999, 1e-3),
                new SplittableRandom(5));
        CurveBatch batch = randomBatch(3, new int[] {5}, 6);
        double[] before = net.values(0, false);
        net.lossAndGradients(batch, false);
        double[] g = net.gradients(0, false);
        net.fit(batch);
        double[] after = net.values(0, false);
        for (int i = 0; i < g.length; i++) {
            assertEquals(before[i] - 0.01 * g[i] / (Math.abs(g[i]) + 1e-3), after[i], 1e-15, "weight " + i);
        }
        assertEquals(1, net.steps());
    }

    @Test
    void trainingLowersTheLossOfAFixedBatch() {
        for (Precision p : Precision.values()) {
            PlainNetwork<?> net = PlainNetwork.cnn(p, 31, 31, new int[] {6, 6, 6, 4}, new int[] {8}, AdamSettings.of(1e-2),
                    new SplittableRandom(2));
            CurveBatch batch = randomBatch(4, new int[] {3, 31, 31}, 9);
            double first = net.fit(batch);
            double last = first;
            for (int i = 0; i < 60; i++) last = net.fit(batch);
            assertTrue(last < first / 10, p + ": loss " + first + " -> " + last);
        }
    }

    @Test
    void floatAndDoubleNetworksAgreeToFloatPrecision() {
        PlainNetwork<?> f = PlainNetwork.cnn(Precision.FLOAT32, 31, 35, new int[] {8, 8, 8, 4}, new int[] {10}, ADAM, new SplittableRandom(8));
        PlainNetwork<?> d = PlainNetwork.cnn(Precision.FLOAT64, 31, 35, new int[] {8, 8, 8, 4}, new int[] {10}, ADAM, new SplittableRandom(8));
        d.setParameters(f.parameters());   // the float weights exactly
        CurveBatch batch = randomBatch(5, new int[] {3, 31, 35}, 10);
        double[] pf = f.predict(batch);
        double[] pd = d.predict(batch);
        for (int i = 0; i < pd.length; i++) assertEquals(pd[i], pf[i], 2e-5 * (1 + Math.abs(pd[i])), "prediction " + i);
        double lf = f.lossAndGradients(batch, false);
        double ld = d.lossAndGradients(batch, false);
        assertEquals(ld, lf, 1e-5 * ld);
        for (int layer = 0; layer < d.layerCount(); layer++) {
            double[] gd = d.gradients(layer, false);
            double[] gf = f.gradients(layer, false);
            double scale = 0;
            for (double g : gd) scale = Math.max(scale, Math.abs(g));
            for (int i = 0; i < gd.length; i++) assertEquals(gd[i], gf[i], 1e-4 * scale, "layer " + layer + " gradient " + i);
        }
    }

    @Test
    void predictionsDoNotDependOnTheBatchASampleIsIn() {
        PlainNetwork<?> net = PlainNetwork.cnn(Precision.FLOAT32, 31, 31, new int[] {5, 5, 5, 3}, new int[] {6}, ADAM, new SplittableRandom(4));
        CurveBatch big = randomBatch(70, new int[] {3, 31, 31}, 12);   // more than one predict chunk
        double[] all = net.predict(big);
        double[] three = net.predict(big.slice(65, 68));
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 65 * 3, 68 * 3), three, 0.0);
    }

    @Test
    void theSameStreamGivesTheSameNetworkAndTraining() {
        CurveBatch batch = randomBatch(8, new int[] {12}, 3);
        double[] losses = new double[2];
        double[][] params = new double[2][];
        for (int run = 0; run < 2; run++) {
            PlainNetwork<?> net = PlainNetwork.mlp(Precision.FLOAT32, 12, new int[] {10, 10}, 0.3, ADAM, new SplittableRandom(11));
            for (int i = 0; i < 5; i++) losses[run] = net.fit(batch);
            params[run] = net.parameters();
        }
        assertEquals(losses[0], losses[1], 0.0);
        assertArrayEquals(params[0], params[1], 0.0);
        PlainNetwork<?> other = PlainNetwork.mlp(Precision.FLOAT32, 12, new int[] {10, 10}, 0.3, ADAM, new SplittableRandom(12));
        assertNotEquals(params[0][0], other.parameters()[0]);
    }

    @Test
    void dropoutSilencesHiddenUnitsAndScalesTheKeptOnes() {
        // one sample: a dropped hidden unit gets no gradient in either layer, a kept one carries h / retain
        int bins = 4;
        int hidden = 12;
        PlainNetwork<?> net = PlainNetwork.mlp(Precision.FLOAT64, bins, new int[] {hidden}, 0.5, ADAM, new SplittableRandom(21));
        CurveBatch one = randomBatch(1, new int[] {bins}, 22);
        double loss = net.lossAndGradients(one, true);
        double[] w1 = net.values(0, false);
        double[] b1 = net.values(0, true);
        double[] w2 = net.values(1, false);
        double[] b2 = net.values(1, true);
        double[] g1 = net.gradients(0, false);
        double[] g2 = net.gradients(1, false);
        double[] y = b2.clone();
        int dropped = 0;
        for (int j = 0; j < hidden; j++) {
            boolean rowZero = g2[j * 3] == 0 && g2[j * 3 + 1] == 0 && g2[j * 3 + 2] == 0;
            boolean columnZero = true;
            for (int i = 0; i < bins; i++) columnZero &= g1[i * hidden + j] == 0;
            assertEquals(rowZero, columnZero, "unit " + j + ": both layers see the same mask");
            if (rowZero) {
                dropped++;
                continue;
            }
            double z = b1[j];
            for (int i = 0; i < bins; i++) z += one.inputs()[i] * w1[i * hidden + j];
            for (int o = 0; o < 3; o++) y[o] += Math.tanh(z) / 0.5 * w2[j * 3 + o];
        }
        assertTrue(dropped > 0 && dropped < hidden, dropped + " of " + hidden + " dropped");
        double expected = 0;
        for (int o = 0; o < 3; o++) expected += (y[o] - one.targets()[o]) * (y[o] - one.targets()[o]);
        assertEquals(expected, loss, 1e-12 * expected);
        // inference: no dropout, the same prediction every time
        assertArrayEquals(net.predict(one), net.predict(one), 0.0);
    }

    @Test
    void restoringSavedParametersRestoresThePredictions() {
        PlainNetwork<?> net = PlainNetwork.mlp(Precision.FLOAT32, 10, new int[] {8}, 0, ADAM, new SplittableRandom(2));
        CurveBatch batch = randomBatch(6, new int[] {10}, 1);
        double[] saved = net.parameters();
        double[] before = net.predict(batch);
        for (int i = 0; i < 5; i++) net.fit(batch);
        assertNotEquals(before[0], net.predict(batch)[0]);
        net.setParameters(saved);
        assertArrayEquals(before, net.predict(batch), 0.0);
        assertThrows(IllegalArgumentException.class, () -> net.setParameters(new double[3]));
    }

    @Test
    void inputsOfTheWrongShapeAreRefused() {
        PlainNetwork<?> net = PlainNetwork.mlp(Precision.FLOAT32, 10, new int[] {8}, 0, ADAM, new SplittableRandom(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.fit(randomBatch(2, new int[] {11}, 1)));
        assertTrue(e.getMessage().contains("[11]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlainNetwork.cnn(Precision.FLOAT32, 6, 50, new int[] {3, 3}, new int[] {4}, ADAM,
                new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> PlainNetwork.mlp(Precision.FLOAT32, 10, new int[0], 0, ADAM, new SplittableRandom(1)));
    }
}
