package org.physlab.autoencoder.nets;

import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.physlab.autoencoder.nets.layers.LayerStack;

/**
 * The shape of an autoencoder: an encoder network from the input (a row of {@link #inputSize()} values in
 * [0, 1]) to {@link #encoderOutputs()} numbers (the code z for an AE; mu and log sigma^2 for a VAE), and a
 * decoder network from z to one logit per input. Sigmoid and binary cross-entropy are applied by the
 * trainer on the logits (numerically stable form), so both networks end in a linear layer and train
 * with external errors.
 *
 * <p>Two families, as in Schneider's talk:
 * <ul>
 * <li>{@link #dense}: Dense layers with leaky ReLU (slope 0.2, TensorFlow's default; DL4J's own default is
 *     0.01) down to a linear latent layer, and the mirror image up to a linear output. The talk's SLM
 *     network is {@code dense(kind, 330, {32, 16, 8, 4}, 2)}.</li>
 * <li>{@link #mnistConv}: encoder Conv 64 3x3 same - MaxPool 2 - Conv 64 3x3 valid - MaxPool 2 - Conv 64
 *     3x3 valid - Flatten 1024 - Dense latent (AE, 76,546 parameters for latent 2) or 2 x latent (VAE,
 *     78,596); decoder Dense 3136 - reshape 64x7x7 - Deconv 64 3x3 stride 2 same (14x14) - Deconv 64 3x3
 *     stride 2 same (28x28) - Deconv 1 3x3 same (83,841). ReLU on hidden layers.</li>
 * </ul>
 * Float32, Glorot-uniform weights and zero biases (Keras' defaults), Adam. The dense networks are DL4J
 * {@code MultiLayerNetwork}s; the convolutional ones are {@link LayerStack}s of hand-written layers (im2col +
 * OpenBLAS sgemm), about ten times faster per epoch than DL4J 1.0.0-M2.1's convolution layers on the CPU.
 */
public final class AutoencoderArchitecture {
    /** Leaky ReLU slope of the talk's dense networks (tf.nn.leaky_relu's default alpha). */
    public static final double LEAKY_SLOPE = 0.2;
    public static final int MNIST_SIDE = 28;

    private enum Family { DENSE, MNIST_CONV }

    private final Family family;
    private final AutoencoderKind kind;
    private final int inputSize;
    private final int[] hidden;
    private final int latent;

    private AutoencoderArchitecture(Family family, AutoencoderKind kind, int inputSize, int[] hidden, int latent) {
        this.family = family;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.latent = latent;
        if (latent < 1) throw new IllegalArgumentException("latent dimension must be at least 1, got " + latent);
    }

    /**
     * Dense encoder inputSize - hidden[0] - ... - hidden[n-1] - latent and its mirror.
     *
     * @param hidden hidden widths of the encoder, e.g. {32, 16, 8, 4}
     */
    public static AutoencoderArchitecture dense(AutoencoderKind kind, int inputSize, int[] hidden, int latent) {
        if (inputSize < 1) throw new IllegalArgumentException("input size must be at least 1, got " + inputSize);
        for (int h : hidden) if (h < 1) throw new IllegalArgumentException("hidden widths must be positive: " + Arrays.toString(hidden));
        return new AutoencoderArchitecture(Family.DENSE, kind, inputSize, hidden.clone(), latent);
    }

    /** The talk's SLM network: input - 32 - 16 - 8 - 4 - 2 and mirror. */
    public static AutoencoderArchitecture talkDense(AutoencoderKind kind, int inputSize) {
        return dense(kind, inputSize, new int[] {32, 16, 8, 4}, 2);
    }

    /** The talk's convolutional network on 28 x 28 grey images. */
    public static AutoencoderArchitecture mnistConv(AutoencoderKind kind, int latent) {
        return new AutoencoderArchitecture(Family.MNIST_CONV, kind, MNIST_SIDE * MNIST_SIDE, new int[0], latent);
    }

    public AutoencoderKind kind() {
        return kind;
    }

    public int inputSize() {
        return inputSize;
    }

    public int latent() {
        return latent;
    }

    public boolean convolutional() {
        return family == Family.MNIST_CONV;
    }

    /** Outputs of the encoder: latent for an AE, 2 x latent (mu, then log sigma^2) for a VAE. */
    public int encoderOutputs() {
        return kind == AutoencoderKind.VAE ? 2 * latent : latent;
    }

    /** A one-line description, e.g. {@code dense 330-32-16-8-4-2 (VAE: mu, log sigma^2) and mirror}. */
    public String describe() {
        String head = kind == AutoencoderKind.VAE ? " (VAE head: mu and log sigma^2, " + encoderOutputs() + " outputs)" : "";
        if (family == Family.DENSE) {
            StringBuilder s = new StringBuilder("dense ").append(inputSize);
            for (int h : hidden) s.append('-').append(h);
            return s.append('-').append(latent).append(head).append(" and mirror, leaky ReLU 0.2, sigmoid + BCE").toString();
        }
        return "conv 28x28 - conv64 same - pool - conv64 valid - pool - conv64 valid - dense " + latent + head
                + "; dense 3136 - 64x7x7 - deconv64/2 - deconv64/2 - deconv1, ReLU, sigmoid + BCE";
    }

    private static NeuralNetConfiguration.ListBuilder base(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0.0)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .cacheMode(CacheMode.NONE)
                .list();
    }

    /** The dense encoder's DL4J configuration: input row -> z (AE) or (mu, log sigma^2) (VAE), linear last layer. */
    public MultiLayerConfiguration encoderConfiguration(long seed, double learningRate) {
        NeuralNetConfiguration.ListBuilder b = base(seed, learningRate);
        if (family == Family.DENSE) {
            int nIn = inputSize;
            for (int h : hidden) {
                // a = leaky_relu(W a + b), slope 0.2 for negative arguments
                b.layer(new DenseLayer.Builder().nIn(nIn).nOut(h).activation(new ActivationLReLU(LEAKY_SLOPE)).build());
                nIn = h;
            }
            b.layer(new DenseLayer.Builder().nIn(nIn).nOut(encoderOutputs()).activation(Activation.IDENTITY).build());
            return b.setInputType(InputType.feedForward(inputSize)).build();
        }
        throw new UnsupportedOperationException("the convolutional networks are LayerStacks, not DL4J configurations");
    }

    /** The dense decoder's DL4J configuration: z -> one logit per input, linear last layer. */
    public MultiLayerConfiguration decoderConfiguration(long seed, double learningRate) {
        NeuralNetConfiguration.ListBuilder b = base(seed, learningRate);
        if (family == Family.DENSE) {
            int nIn = latent;
            for (int i = hidden.length - 1; i >= 0; i--) {
                b.layer(new DenseLayer.Builder().nIn(nIn).nOut(hidden[i]).activation(new ActivationLReLU(LEAKY_SLOPE)).build());
                nIn = hidden[i];
            }
            b.layer(new DenseLayer.Builder().nIn(nIn).nOut(inputSize).activation(Activation.IDENTITY).build());
            return b.setInputType(InputType.feedForward(latent)).build();
        }
        throw new UnsupportedOperationException("the convolutional networks are LayerStacks, not DL4J configurations");
    }

    /** Freshly initialised encoder and decoder; the decoder's weights come from a seed derived from {@code seed}. */
    public Networks initialise(long seed, double learningRate) {
        long decoderSeed = seed * 0x9E3779B97F4A7C15L + 1;
        if (family == Family.MNIST_CONV) {
            return new Networks(LayerStack.mnistEncoder(encoderOutputs(), seed, learningRate),
                    LayerStack.mnistDecoder(latent, decoderSeed, learningRate));
        }
        MultiLayerNetwork encoder = new MultiLayerNetwork(encoderConfiguration(seed, learningRate));
        encoder.init();
        MultiLayerNetwork decoder = new MultiLayerNetwork(decoderConfiguration(decoderSeed, learningRate));
        decoder.init();
        return new Networks(new Dl4jCodingNetwork(encoder), new Dl4jCodingNetwork(decoder));
    }

    /** The two halves of an autoencoder. */
    public record Networks(CodingNetwork encoder, CodingNetwork decoder) {
        public long encoderParameters() {
            return encoder.parameterCount();
        }

        public long decoderParameters() {
            return decoder.parameterCount();
        }
    }
}
