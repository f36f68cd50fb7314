package org.physlab.oscillator.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.physlab.oscillator.data.CurveBatch;

class CurveMlpTest {

    static double std(INDArray a) {
        double[] v = a.castTo(DataType.DOUBLE).data().asDouble();
        double m = 0, s = 0;
        for (double x : v) m += x;
        m /= v.length;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / v.length);
    }

    @Test
    void weightsStartAsNormalOverSqrtFanInAndBiasesAtZero() {
        ParameterNetwork net = ParameterNetwork.create(CurveMlp.configuration(50, new int[] {100}, 1e-3, 0, Precision.FLOAT32, 1), new int[] {50});
        assertEquals(50 * 100 + 100 + 100 * 3 + 3, net.parameterCount());
        // 5000 draws: the sample standard deviation is within 1.5% of the true one
        assertEquals(1 / Math.sqrt(50), std(net.network().getParam("0_W")), 0.01);
        assertEquals(1 / Math.sqrt(100), std(net.network().getParam("1_W")), 0.01);
        assertEquals(0.0, net.network().getParam("0_b").amaxNumber().doubleValue(), 0.0);
        assertEquals(0.0, net.network().getParam("1_b").amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void lossIsTheSquaredErrorSummedOverTheThreeParametersPerSample() {
        MultiLayerConfiguration conf = CurveMlp.configuration(8, new int[] {16}, 1e-3, 0, Precision.FLOAT64, 3);
        OutputLayer out = (OutputLayer) conf.getConf(1).getLayer();
        assertInstanceOf(LossL2.class, out.getLossFn());
        Adam adam = (Adam) ((BaseLayer) conf.getConf(0).getLayer()).getIUpdater();
        assertEquals(1e-3, adam.getLearningRate(), 0.0);
        assertEquals(0.9, adam.getBeta1(), 0.0);
        assertEquals(0.999, adam.getBeta2(), 0.0);
        assertEquals(1e-8, adam.getEpsilon(), 0.0);

        ParameterNetwork net = ParameterNetwork.create(conf, new int[] {8});
        SplittableRandom r = new SplittableRandom(4);
        double[] x = new double[5 * 8];
        double[] y = new double[5 * 3];
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble();
        for (int i = 0; i < y.length; i++) y[i] = r.nextDouble();
        CurveBatch batch = new CurveBatch(5, new int[] {8}, x, y);
        double[] before = net.predict(batch);
        double expected = 0;
        for (int i = 0; i < y.length; i++) expected += (before[i] - y[i]) * (before[i] - y[i]);
        expected /= 5;
        assertEquals(expected, net.fit(batch), 1e-12 * expected, "fit reports the loss before its update");
        assertEquals(expected, Evaluation.of(before, y).loss(), 1e-12 * expected);
    }

    @Test
    void rejectsImpossibleShapes() {
        assertThrows(IllegalArgumentException.class, () -> CurveMlp.configuration(1, new int[] {10}, 1e-3, 0, Precision.FLOAT32, 1));
        assertThrows(IllegalArgumentException.class, () -> CurveMlp.configuration(50, new int[0], 1e-3, 0, Precision.FLOAT32, 1));
        assertThrows(IllegalArgumentException.class, () -> CurveMlp.configuration(50, new int[] {10}, 1e-3, 1.0, Precision.FLOAT32, 1));
    }
}
