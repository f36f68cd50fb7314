package org.physlab.autoencoder.nets.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The hand-written layers' backward passes against central finite differences of L = sum_i r_i y_i(x, W)
 * for a fixed random r: dL/dW, dL/db and dL/dx, on small shapes (float32, so the step is 1e-2 and the
 * tolerance a few per cent of the largest derivative).
 */
class LayerGradientTest {

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("conv same", (Supplier<Layer>) () -> new Convolution(5, 4, 3, 2, true, Activation.IDENTITY, new SplittableRandom(1))),
                Arguments.of("conv valid", (Supplier<Layer>) () -> new Convolution(5, 6, 2, 3, false, Activation.IDENTITY, new SplittableRandom(2))),
                Arguments.of("transposed conv stride 2", (Supplier<Layer>) () -> new TransposedConvolution(3, 2, 2, 3, 2, Activation.IDENTITY, new SplittableRandom(3))),
                Arguments.of("transposed conv stride 1", (Supplier<Layer>) () -> new TransposedConvolution(4, 3, 3, 1, 1, Activation.IDENTITY, new SplittableRandom(4))),
                Arguments.of("dense", (Supplier<Layer>) () -> new Dense(7, 4, Activation.IDENTITY, new SplittableRandom(5))),
                Arguments.of("max pooling", (Supplier<Layer>) () -> new MaxPooling(4, 6, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void backwardMatchesFiniteDifferences(String name, Supplier<Layer> make) {
        Layer layer = make.get();
        int batch = 2;
        SplittableRandom random = new SplittableRandom(9);
        float[] x = new float[batch * layer.inputSize()];
        for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
        float[] r = new float[batch * layer.outputSize()];
        for (int i = 0; i < r.length; i++) r[i] = (float) random.nextGaussian();
        for (float[][] p : layer.parameters()) {
            for (int i = 0; i < p[0].length; i++) p[0][i] += (float) (0.1 * random.nextGaussian());   // non-zero biases too
        }

        layer.forward(x, batch);
        float[] dx = layer.backward(r.clone(), batch, true).clone();
        double h = 1e-2;
        double scale = 1e-3;
        for (float v : dx) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < x.length; i++) {
            float keep = x[i];
            x[i] = (float) (keep + h);
            double plus = loss(layer, x, r, batch);
            x[i] = (float) (keep - h);
            double minus = loss(layer, x, r, batch);
            x[i] = keep;
            assertEquals((plus - minus) / (2 * h), dx[i], 0.02 * scale, name + ": dL/dx[" + i + "]");
        }
        layer.forward(x, batch);
        layer.backward(r.clone(), batch, false);
        for (float[][] p : layer.parameters()) {
            float[] w = p[0];
            float[] g = p[1].clone();
            double gScale = 1e-3;
            for (float v : g) gScale = Math.max(gScale, Math.abs(v));
            for (int i = 0; i < w.length; i++) {
                float keep = w[i];
                w[i] = (float) (keep + h);
                double plus = loss(layer, x, r, batch);
                w[i] = (float) (keep - h);
                double minus = loss(layer, x, r, batch);
                w[i] = keep;
                assertEquals((plus - minus) / (2 * h), g[i], 0.02 * gScale, name + ": dL/dparam[" + i + "]");
            }
        }
    }

    private static double loss(Layer layer, float[] x, float[] r, int batch) {
        float[] y = layer.forward(x, batch);
        double s = 0;
        for (int i = 0; i < r.length; i++) s += (double) r[i] * y[i];
        return s;
    }

    @Test
    void sameConvolutionKeepsTheSizeAndValidShrinksItByTwo() {
        assertEquals(28 * 28 * 64, new Convolution(28, 28, 1, 64, true, Activation.RELU, new SplittableRandom(1)).outputSize());
        assertEquals(12 * 12 * 64, new Convolution(14, 14, 64, 64, false, Activation.RELU, new SplittableRandom(1)).outputSize());
        assertEquals(14 * 14 * 64, new TransposedConvolution(7, 7, 64, 64, 2, Activation.RELU, new SplittableRandom(1)).outputSize());
    }

    @Test
    void aConvolutionWithACentredUnitKernelCopiesItsInput() {
        Convolution conv = new Convolution(3, 3, 1, 1, true, Activation.IDENTITY, new SplittableRandom(1));
        float[] w = conv.parameters().get(0)[0];
        java.util.Arrays.fill(w, 0f);
        w[4] = 1f;                                  // (ky, kx) = (1, 1): the centre
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertArrayEquals(x, java.util.Arrays.copyOf(conv.forward(x, 1), 9));
    }

    @Test
    void reluZeroesNegativeOutputsAndTheirErrors() {
        Dense d = new Dense(1, 2, Activation.RELU, new SplittableRandom(1));
        float[] w = d.parameters().get(0)[0];
        w[0] = 1f;
        w[1] = -1f;
        assertArrayEquals(new float[] {2f, 0f}, java.util.Arrays.copyOf(d.forward(new float[] {2f}, 1), 2));
        float[] dx = d.backward(new float[] {1f, 1f}, 1, true);
        assertEquals(1f, dx[0]);
        assertTrue(d.parameters().get(0)[1][1] == 0f);
    }

    @Test
    void adamMovesTheStackDownhill() {
        LayerStack stack = new LayerStack(java.util.List.of(new Dense(3, 2, Activation.IDENTITY, new SplittableRandom(3))), 0.05);
        org.nd4j.linalg.api.ndarray.INDArray x = org.nd4j.linalg.factory.Nd4j.create(new float[] {1, -1, 0.5f, 0.2f, 0.3f, -2}, new long[] {2, 3}, 'c');
        double first = 0;
        double last = 0;
        for (int t = 0; t < 200; t++) {
            org.nd4j.linalg.api.ndarray.INDArray y = stack.forward(x);
            double l = y.mul(y).sumNumber().doubleValue();          // L = |y|^2, dL/dy = 2y
            if (t == 0) first = l;
            last = l;
            stack.backward(y.mul(2));
            stack.step(t);
        }
        assertTrue(last < 0.01 * first, "loss " + first + " -> " + last);
    }
}
