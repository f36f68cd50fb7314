package org.physlab.oscillator.nets;

import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.physlab.oscillator.nets.plain.AdamSettings;
import org.physlab.oscillator.nets.plain.PlainNetwork;

/**
 * The lecture's multilayer perceptron [bins, hidden…, 3]: tanh on every hidden layer, a linear output
 * of (omega0, gamma, epsilon), weights W ~ N(0, 1) / sqrt(fan_in) ({@link WeightInit#NORMAL}), biases 0,
 * loss = sum over the three outputs of the squared error, averaged over the batch ({@link LossL2};
 * LossMSE would divide by 3 as well), and Adam(learningRate, 0.9, 0.999, 1e-8). Trained by DL4J or by
 * plain Java ({@link Engine}); the model is the DL4J network of {@link #configuration} either way.
 */
public final class CurveMlp {
    private CurveMlp() { }

    /**
     * A freshly initialised MLP trained by {@code engine}.
     *
     * @param seed   seeds DL4J's weights and dropout masks ({@link Engine#DL4J})
     * @param random draws the plain-Java network's weights and dropout masks ({@link Engine#JAVA})
     */
    public static NetworkTrainer trainer(Engine engine, int bins, int[] hidden, double learningRate, double dropout,
                                         Precision precision, long seed, RandomGenerator random) {
        MultiLayerConfiguration conf = configuration(bins, hidden, learningRate, dropout, precision, seed);
        int[] shape = {bins};
        return switch (engine) {
            case DL4J -> new Dl4jTrainer(ParameterNetwork.create(conf, shape), precision);
            case JAVA -> new PlainTrainer(PlainNetwork.mlp(precision, bins, hidden, dropout, AdamSettings.of(learningRate), random), conf);
        };
    }

    /**
     * @param dropout probability of dropping a hidden unit during training (0: none). DL4J applies
     *                dropout to a layer's input, so it is set on every layer after the first.
     * @param seed    seeds the weight initialisation and the dropout masks
     */
    public static MultiLayerConfiguration configuration(int bins, int[] hidden, double learningRate, double dropout,
                                                        Precision precision, long seed) {
        if (bins < 2) throw new IllegalArgumentException("bins must be at least 2, got " + bins);
        if (hidden.length == 0) throw new IllegalArgumentException("the MLP needs at least one hidden layer");
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must lie in [0, 1), got " + dropout);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(precision.dataType())
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.NORMAL)
                .biasInit(0.0)
                .list();
        int nIn = bins;
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) throw new IllegalArgumentException("hidden layer sizes must be positive");
            // h = tanh(W x + b)
            DenseLayer.Builder layer = new DenseLayer.Builder().nIn(nIn).nOut(hidden[i]).activation(Activation.TANH);
            if (i > 0 && dropout > 0) layer.dropOut(1.0 - dropout);   // DL4J takes the retain probability
            layers.layer(layer.build());
            nIn = hidden[i];
        }
        // y = W h + b, loss = (1/batch) sum_samples sum_{3 outputs} (y - target)^2
        OutputLayer.Builder out = new OutputLayer.Builder(new LossL2()).nIn(nIn).nOut(3).activation(Activation.IDENTITY);
        if (dropout > 0) out.dropOut(1.0 - dropout);
        layers.layer(out.build());
        return layers.setInputType(InputType.feedForward(bins)).build();
    }
}
