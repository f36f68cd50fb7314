package org.physlab.oscillator.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class ForceSweepCnnTest {

    private static final int[] CHANNELS = {30, 30, 30, 10};
    private static final int[] DENSE = {50};

    private static ParameterNetwork lectureCnn(Precision precision) {
        return ParameterNetwork.create(ForceSweepCnn.configuration(50, 50, CHANNELS, DENSE, 1e-3, precision, 5), new int[] {3, 50, 50});
    }

    @Test
    void theLecturesNetworkHas22013Parameters() {
        assertEquals(22_013, lectureCnn(Precision.FLOAT32).parameterCount());
        List<ForceSweepCnn.LayerCount> rows = ForceSweepCnn.parameterCounts(50, 50, CHANNELS, DENSE);
        // the notebook's printout: conv kernels [810, 8100, 8100, 2700], biases [30,30,30,10], dense [2000, 150] + [50, 3]
        assertArrayEquals(new long[] {810, 8100, 8100, 2700, 2000, 150}, rows.stream().mapToLong(ForceSweepCnn.LayerCount::weights).toArray());
        assertArrayEquals(new long[] {30, 30, 30, 10, 50, 3}, rows.stream().mapToLong(ForceSweepCnn.LayerCount::biases).toArray());
        assertEquals(22_013, rows.stream().mapToLong(ForceSweepCnn.LayerCount::total).sum());
    }

    @Test
    void validStride2ConvolutionsShrink50To2AndTanhFollowsEachOne() {
        assertArrayEquals(new int[] {50, 24, 11, 5, 2}, ForceSweepCnn.spatialSizes(50, 4));
        ParameterNetwork net = lectureCnn(Precision.FLOAT64);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, 50, 50).muli(4);
        List<INDArray> acts = net.network().feedForward(x, false);
        long[][] shapes = {{2, 30, 24, 24}, {2, 30, 11, 11}, {2, 30, 5, 5}, {2, 10, 2, 2}, {2, 50}, {2, 3}};
        for (int i = 0; i < shapes.length; i++) assertArrayEquals(shapes[i], acts.get(i + 1).shape(), "layer " + i);
        for (int i = 0; i < 4; i++) {
            ConvolutionLayer conv = (ConvolutionLayer) net.network().getLayerWiseConfigurations().getConf(i).getLayer();
            assertInstanceOf(ActivationTanH.class, conv.getActivationFn(), "conv layer " + i + " ends in tanh");
            assertArrayEquals(new int[] {3, 3}, conv.getKernelSize());
            assertArrayEquals(new int[] {2, 2}, conv.getStride());
            assertArrayEquals(new int[] {0, 0}, conv.getPadding());
            // inputs of size ~4 drive the pre-activations far beyond 1; tanh bounds them
            double max = acts.get(i + 1).amaxNumber().doubleValue();
            assertTrue(max <= 1.0 && max > 0.5, "conv layer " + i + " activations up to " + max);
        }
    }

    @Test
    void flatteningIsTheRowMajorReshapeOfChannelRowColumn() {
        ParameterNetwork net = lectureCnn(Precision.FLOAT64);
        assertNotNull(net.network().getLayerWiseConfigurations().getInputPreProcess(4));
        assertEquals(CnnToFeedForwardPreProcessor.class, net.network().getLayerWiseConfigurations().getInputPreProcess(4).getClass());
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 3, 50, 50);
        List<INDArray> acts = net.network().feedForward(x, false);
        INDArray flat = acts.get(4).reshape('c', 3, 40);            // jnp.reshape(x, [-1]) per sample
        INDArray dense = Transforms.tanh(flat.mmul(net.network().getParam("4_W")).addiRowVector(net.network().getParam("4_b")));
        assertEquals(0.0, dense.sub(acts.get(5)).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void kernelsStartAsNormalOverSqrtOfInputChannelsOnly() {
        ParameterNetwork net = lectureCnn(Precision.FLOAT32);
        // DL4J's own fan-in would be C_in * 9; the lecture divides by sqrt(C_in) only
        assertEquals(1 / Math.sqrt(3), CurveMlpTest.std(net.network().getParam("0_W")), 0.04);
        assertEquals(1 / Math.sqrt(30), CurveMlpTest.std(net.network().getParam("1_W")), 0.006);
        assertEquals(1 / Math.sqrt(30), CurveMlpTest.std(net.network().getParam("3_W")), 0.012);
        assertEquals(1 / Math.sqrt(40), CurveMlpTest.std(net.network().getParam("4_W")), 0.01);
        assertEquals(0.0, net.network().getParam("1_b").amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void imagesTooSmallForTheConvolutionsAreExplained() {
        assertNull(ForceSweepCnn.geometryProblem(31, 31, 4));
        String problem = ForceSweepCnn.geometryProblem(30, 50, 4);
        assertNotNull(problem);
        assertTrue(problem.contains("at least 31 pixels"), problem);
    }
}
