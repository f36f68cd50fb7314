package org.physlab.oscillator.nets;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.physlab.oscillator.data.CurveBatch;
import org.physlab.oscillator.nets.plain.PlainNetwork;

/**
 * {@link Engine#JAVA}: a {@link PlainNetwork} trains; {@link #toModel()} copies its weights into a
 * fresh DL4J network of the same configuration, so saved models stay DL4J networks.
 */
public final class PlainTrainer implements NetworkTrainer {
    private final PlainNetwork<?> network;
    private final MultiLayerConfiguration configuration;

    /** @param configuration the DL4J configuration of the same network, for {@link #toModel()} */
    public PlainTrainer(PlainNetwork<?> network, MultiLayerConfiguration configuration) {
        this.network = network;
        this.configuration = configuration;
    }

    public PlainNetwork<?> network() {
        return network;
    }

    @Override
    public Engine engine() {
        return Engine.JAVA;
    }

    @Override
    public Precision precision() {
        return network.precision();
    }

    @Override
    public long parameterCount() {
        return network.parameterCount();
    }

    @Override
    public double fit(CurveBatch batch) {
        return network.fit(batch);
    }

    @Override
    public double[] predict(CurveBatch batch) {
        return network.predict(batch);
    }

    @Override
    public double[] parameters() {
        return network.parameters();
    }

    @Override
    public void setParameters(double[] values) {
        network.setParameters(values);
    }

    @Override
    public ParameterNetwork toModel() {
        ParameterNetwork model = ParameterNetwork.create(configuration, network.inputShape());
        Dl4jWeights.copy(network, model.network());
        return model;
    }
}
