package org.physlab.oscillator.nets;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.physlab.oscillator.data.CurveBatch;

/** {@link Engine#DL4J}: DL4J trains the network ({@link ParameterNetwork#fit}). */
public final class Dl4jTrainer implements NetworkTrainer {
    private final ParameterNetwork network;
    private final Precision precision;

    public Dl4jTrainer(ParameterNetwork network, Precision precision) {
        this.network = network;
        this.precision = precision;
    }

    @Override
    public Engine engine() {
        return Engine.DL4J;
    }

    @Override
    public Precision precision() {
        return precision;
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
        return network.network().params().castTo(DataType.DOUBLE).dup().data().asDouble();
    }

    @Override
    public void setParameters(double[] values) {
        if (values.length != network.parameterCount()) {
            throw new IllegalArgumentException("expected " + network.parameterCount() + " parameters, got " + values.length);
        }
        network.network().setParams(Nd4j.create(values, new long[] {1, values.length}, DataType.DOUBLE).castTo(precision.dataType()));
    }

    @Override
    public ParameterNetwork toModel() {
        return network;
    }
}
