package org.physlab.imnn.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DenseNetworkTest {
    private static final int[] WIDTHS = {10, 16, 16, 2};

    private static double[][] gaussian(SplittableRandom rng, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] r : m) for (int j = 0; j < cols; j++) r[j] = rng.nextGaussian();
        return m;
    }

    @Test
    void glorotNormalWeightsHaveTheirStandardDeviationAndStayWithinTwoSigma() {
        DenseNetwork net = DenseNetwork.initialised(new int[] {128, 128, 2}, DataType.DOUBLE, new SplittableRandom(1));
        INDArray w = net.parameters().get(0);
        double sd = Math.sqrt(2.0 / 256);
        assertEquals(sd, w.stdNumber().doubleValue(), 0.03 * sd);
        assertTrue(w.amaxNumber().doubleValue() <= 2 * sd / 0.87962566103423978 + 1e-12);
        assertEquals(0.01, net.parameters().get(1).stdNumber().doubleValue(), 0.004, "biases N(0, 0.01²)");
        assertEquals(128 * 128 + 128 + 128 * 2 + 2, net.parameterCount());
    }

    @Test
    void theTangentsAreTheInputJacobianTimesTheDirections() {
        SplittableRandom rng = new SplittableRandom(2);
        DenseNetwork net = DenseNetwork.initialised(WIDTHS, DataType.DOUBLE, rng);
        int n = 5;
        double[][] data = gaussian(rng, n, 10);
        double[][] directions = gaussian(rng, 2 * n, 10);   // P = 2 blocks of n rows
        INDArray out = net.forwardWithTangents(net.rows(data), net.rows(directions)).output();
        INDArray plain = net.forward(net.rows(data));
        double h = 1e-6;
        for (int p = 0; p < 2; p++) {
            double[][] up = new double[n][10];
            double[][] down = new double[n][10];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 10; j++) {
                    up[i][j] = data[i][j] + h * directions[p * n + i][j];
                    down[i][j] = data[i][j] - h * directions[p * n + i][j];
                }
            }
            INDArray fd = net.forward(net.rows(up)).sub(net.forward(net.rows(down))).divi(2 * h);
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < 2; s++) {
                    assertEquals(plain.getDouble(i, s), out.getDouble(i, s), 1e-13, "the data rows are the plain outputs");
                    assertEquals(fd.getDouble(i, s), out.getDouble(n + p * n + i, s), 1e-7, "J·t, block " + p + " row " + i);
                }
            }
        }
    }

    @Test
    void backwardGivesTheParameterGradientOfSummariesAndTangents() {
        SplittableRandom rng = new SplittableRandom(3);
        DenseNetwork net = DenseNetwork.initialised(WIDTHS, DataType.DOUBLE, rng);
        int n = 4;
        INDArray data = net.rows(gaussian(rng, n, 10));
        INDArray tangents = net.rows(gaussian(rng, 2 * n, 10));
        INDArray weightsOfOutputs = net.rows(gaussian(rng, 3 * n, 2));
        // the scalar L = Σ weightsOfOutputs ⊙ (summaries and tangents)
        List<INDArray> grads = net.backward(net.forwardWithTangents(data, tangents), weightsOfOutputs);
        double h = 1e-6;
        List<INDArray> params = net.parameters();
        for (int k = 0; k < params.size(); k++) {
            INDArray p = params.get(k);
            for (long e = 0; e < p.length(); e += Math.max(1, p.length() / 7)) {
                double keep = p.getDouble(e);
                p.putScalar(e, keep + h);
                double up = net.forwardWithTangents(data, tangents).output().mul(weightsOfOutputs).sumNumber().doubleValue();
                p.putScalar(e, keep - h);
                double down = net.forwardWithTangents(data, tangents).output().mul(weightsOfOutputs).sumNumber().doubleValue();
                p.putScalar(e, keep);
                double fd = (up - down) / (2 * h);
                assertEquals(fd, grads.get(k).getDouble(e), 1e-6 * Math.max(1, Math.abs(fd)), "parameter array " + k + " element " + e);
            }
        }
    }

    @Test
    void backwardOfIndependentRowsIsTheGradientOfTheirWeightedSum() {
        SplittableRandom rng = new SplittableRandom(4);
        DenseNetwork net = DenseNetwork.initialised(WIDTHS, DataType.DOUBLE, rng);
        INDArray rows = net.rows(gaussian(rng, 6, 10));
        INDArray w = net.rows(gaussian(rng, 6, 2));
        List<INDArray> grads = net.backward(net.forwardIndependent(rows), w);
        INDArray b = net.parameters().get(5);
        double h = 1e-6;
        for (int e = 0; e < 2; e++) {
            double keep = b.getDouble(e);
            b.putScalar(e, keep + h);
            double up = net.forward(rows).mul(w).sumNumber().doubleValue();
            b.putScalar(e, keep - h);
            double down = net.forward(rows).mul(w).sumNumber().doubleValue();
            b.putScalar(e, keep);
            assertEquals((up - down) / (2 * h), grads.get(5).getDouble(e), 1e-7);
            assertEquals(w.getColumn(e).sumNumber().doubleValue(), grads.get(5).getDouble(e), 1e-12, "output bias: Σ of its column");
        }
    }

    @Test
    void adamTakesABiasCorrectedFirstStepOfTheLearningRate() {
        INDArray w = Nd4j.create(new double[] {1.0, -2.0}, new long[] {1, 2}, DataType.DOUBLE);
        Adam adam = new Adam(1e-3);
        adam.step(List.of(w), List.of(Nd4j.create(new double[] {0.5, -3.0}, new long[] {1, 2}, DataType.DOUBLE)), 0);
        // first step: m̂ = g, v̂ = g², so Δw = −η·g/(|g| + ε)
        assertEquals(1.0 - 1e-3 * 0.5 / (0.5 + 1e-8), w.getDouble(0), 1e-12);
        assertEquals(-2.0 + 1e-3 * 3 / (3 + 1e-8), w.getDouble(1), 1e-12);
        adam.step(List.of(w), List.of(Nd4j.create(new double[] {0.5, -3.0}, new long[] {1, 2}, DataType.DOUBLE)), 1);
        assertEquals(1.0 - 2e-3 * 0.5 / (0.5 + 1e-8), w.getDouble(0), 1e-11, "a constant gradient moves η per step");
    }
}
