package org.physlab.oscillator.nets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physlab.oscillator.data.CurveBatch;

/**
 * A DL4J network that reads (omega0, gamma, epsilon) off an input (a curve or an image), with the
 * conversions between the plugin's primitive arrays and ND4J.
 *
 * <p>Not thread-safe: train and predict from one thread (DL4J's workspaces are per thread).
 */
public final class ParameterNetwork {
    private final MultiLayerNetwork network;
    private final int[] inputShape;
    private final DataType dataType;

    private ParameterNetwork(MultiLayerNetwork network, int[] inputShape) {
        this.network = network;
        this.inputShape = inputShape.clone();
        this.dataType = network.getLayerWiseConfigurations().getDataType();
    }

    /** A freshly initialised network of the given configuration (seeded by the configuration's seed). */
    public static ParameterNetwork create(MultiLayerConfiguration configuration, int[] inputShape) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration);
        net.init();
        return new ParameterNetwork(net, inputShape);
    }

    /** A network restored from {@link #toBytes()}. */
    public static ParameterNetwork fromBytes(byte[] bytes, int[] inputShape) {
        try {
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
            return new ParameterNetwork(net, inputShape);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the network: " + e.getMessage(), e);
        }
    }

    /** The weights and configuration in DL4J's ModelSerializer format (without the optimiser state). */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public MultiLayerNetwork network() {
        return network;
    }

    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        return network.numParams();
    }

    /**
     * One Adam step on a batch.
     *
     * @return the loss of the batch before the step: sum over the three outputs of the squared error,
     *         averaged over the batch
     */
    public double fit(CurveBatch batch) {
        network.fit(features(batch), labels(batch));
        return network.score();
    }

    /** Predictions (omega0, gamma, epsilon) for every sample, row-major [size][3], in inference mode. */
    public double[] predict(CurveBatch batch) {
        INDArray out = network.output(features(batch), false);
        return out.castTo(DataType.DOUBLE).data().asDouble();
    }

    /** Predictions for one input of {@link #inputShape()}. */
    public double[] predict(double[] input) {
        return predict(new CurveBatch(1, inputShape, input, new double[3]));
    }

    /** The current parameters, flattened (for keeping the best state during early stopping). */
    public INDArray parameters() {
        return network.params().dup();
    }

    /** Restores parameters saved with {@link #parameters()}. */
    public void setParameters(INDArray parameters) {
        network.setParams(parameters);
    }

    private INDArray features(CurveBatch batch) {
        if (!java.util.Arrays.equals(batch.shape(), inputShape)) {
            throw new IllegalArgumentException("input shape " + java.util.Arrays.toString(batch.shape())
                    + " does not fit the network's " + java.util.Arrays.toString(inputShape));
        }
        long[] shape = new long[inputShape.length + 1];
        shape[0] = batch.size();
        for (int i = 0; i < inputShape.length; i++) shape[i + 1] = inputShape[i];
        return array(batch.inputs(), shape);
    }

    private INDArray labels(CurveBatch batch) {
        return array(batch.targets(), new long[] {batch.size(), 3});
    }

    private INDArray array(double[] values, long[] shape) {
        if (dataType == DataType.DOUBLE) return Nd4j.create(values, shape, DataType.DOUBLE);
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return Nd4j.create(f, shape, dataType);
    }
}
