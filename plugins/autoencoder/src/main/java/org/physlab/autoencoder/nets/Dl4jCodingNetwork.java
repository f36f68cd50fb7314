package org.physlab.autoencoder.nets;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A DL4J {@link MultiLayerNetwork} trained with external errors: its own updater (Adam) applies the gradient. */
public final class Dl4jCodingNetwork implements CodingNetwork {
    private final MultiLayerNetwork network;
    private Gradient gradient;

    public Dl4jCodingNetwork(MultiLayerNetwork network) {
        this.network = network;
    }

    /** The DL4J network (e.g. to save it with ModelSerializer or to inspect its layers). */
    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public INDArray output(INDArray input) {
        return network.output(input, false);
    }

    @Override
    public INDArray forward(INDArray input) {
        network.setInput(input);
        List<INDArray> activations = network.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    @Override
    public INDArray backward(INDArray outputError) {
        Pair<Gradient, INDArray> p = network.backpropGradient(outputError, LayerWorkspaceMgr.noWorkspaces());
        gradient = p.getFirst();
        return p.getSecond();
    }

    /** Adam on the gradient (in place; batch size 1 because the errors are already means over the batch), then params -= update. */
    @Override
    public void step(int iteration) {
        if (gradient == null) throw new IllegalStateException("step() before backward()");
        network.getUpdater().update(network, gradient, iteration, 0, 1, LayerWorkspaceMgr.noWorkspaces());
        network.params().subi(gradient.gradient());
        gradient = null;
    }

    @Override
    public long parameterCount() {
        return network.numParams();
    }
}
