package org.physlab.oscillator.nets;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.physlab.oscillator.nets.plain.AdamSettings;
import org.physlab.oscillator.nets.plain.PlainNetwork;

/**
 * The lecture's convolutional network on force-sweep images: convolutions with 3×3 kernels, stride 2,
 * no padding (VALID: n -> floor((n - 3)/2) + 1, so 50 -> 24 -> 11 -> 5 -> 2 for the default), tanh after
 * every convolution including the last, flattened in (channel, row, column) order, then dense tanh
 * layers and a linear output of (omega0, gamma, epsilon). The default channels [3, 30, 30, 30, 10] and
 * dense [40, 50, 3] have 22,013 trainable parameters.
 *
 * <p>Initialisation as in the lecture: kernels ~ N(0, 1) / sqrt(C_in) (only the input channels, not
 * C_in × 9 as DL4J's fan-in would give), dense weights ~ N(0, 1) / sqrt(fan_in), biases 0. Loss
 * {@link LossL2} and Adam, as for {@link CurveMlp}. Trained by DL4J or by plain Java ({@link Engine});
 * the model is the DL4J network of {@link #configuration} either way.
 */
public final class ForceSweepCnn {
    /** Kernel size and stride of every convolution. */
    public static final int KERNEL = 3;
    public static final int STRIDE = 2;

    private ForceSweepCnn() { }

    /** Size of one spatial axis after a VALID convolution: floor((n - k) / s) + 1, or 0 if n &lt; k. */
    public static int convolvedSize(int n) {
        return n < KERNEL ? 0 : (n - KERNEL) / STRIDE + 1;
    }

    /** The spatial size after each convolution, starting with the input's. */
    public static int[] spatialSizes(int n, int convolutions) {
        int[] s = new int[convolutions + 1];
        s[0] = n;
        for (int i = 1; i <= convolutions; i++) s[i] = convolvedSize(s[i - 1]);
        return s;
    }

    /** Why an image of height × width cannot pass {@code convolutions} layers, or null if it can. */
    public static String geometryProblem(int height, int width, int convolutions) {
        int h = spatialSizes(height, convolutions)[convolutions];
        int w = spatialSizes(width, convolutions)[convolutions];
        if (h >= 1 && w >= 1) return null;
        return "an image of " + height + " x " + width + " shrinks to nothing after " + convolutions
                + " stride-2 3x3 convolutions; each axis needs at least " + (int) (Math.pow(2, convolutions + 1) - 1) + " pixels";
    }

    /**
     * A freshly initialised CNN trained by {@code engine}.
     *
     * @param seed   seeds DL4J's weights ({@link Engine#DL4J})
     * @param random draws the plain-Java network's weights ({@link Engine#JAVA})
     */
    public static NetworkTrainer trainer(Engine engine, int height, int width, int[] channels, int[] dense,
                                         double learningRate, Precision precision, long seed, RandomGenerator random) {
        MultiLayerConfiguration conf = configuration(height, width, channels, dense, learningRate, precision, seed);
        int[] shape = {3, height, width};
        return switch (engine) {
            case DL4J -> new Dl4jTrainer(ParameterNetwork.create(conf, shape), precision);
            case JAVA -> new PlainTrainer(PlainNetwork.cnn(precision, height, width, channels, dense, AdamSettings.of(learningRate), random), conf);
        };
    }

    /**
     * @param channels output channels of each convolution, e.g. [30, 30, 30, 10]
     * @param dense    hidden dense layer sizes after flattening, e.g. [50]
     */
    public static MultiLayerConfiguration configuration(int height, int width, int[] channels, int[] dense,
                                                        double learningRate, Precision precision, long seed) {
        if (channels.length == 0) throw new IllegalArgumentException("the CNN needs at least one convolution");
        String problem = geometryProblem(height, width, channels.length);
        if (problem != null) throw new IllegalArgumentException(problem);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(precision.dataType())
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.NORMAL)
                .biasInit(0.0)
                .convolutionMode(ConvolutionMode.Truncate)   // floor((n-k)/s)+1 = VALID here
                .cacheMode(CacheMode.DEVICE)                 // keeps im2col for backprop: 1.6x faster steps, measured
                .list();
        int cIn = 3;
        for (int c : channels) {
            if (c < 1) throw new IllegalArgumentException("channel counts must be positive");
            // a = tanh(conv(x, K) + b), K ~ N(0,1)/sqrt(C_in)
            layers.layer(new ConvolutionLayer.Builder(KERNEL, KERNEL)
                    .stride(STRIDE, STRIDE)
                    .nIn(cIn)
                    .nOut(c)
                    .activation(Activation.TANH)
                    .weightInit(new NormalDistribution(0.0, 1.0 / Math.sqrt(cIn)))
                    .build());
            cIn = c;
        }
        for (int d : dense) {
            if (d < 1) throw new IllegalArgumentException("dense layer sizes must be positive");
            layers.layer(new DenseLayer.Builder().nOut(d).activation(Activation.TANH).build());
        }
        layers.layer(new OutputLayer.Builder(new LossL2()).nOut(3).activation(Activation.IDENTITY).build());
        // the input type makes DL4J insert the (c, h, w) flattening before the first dense layer
        return layers.setInputType(InputType.convolutional(height, width, 3)).build();
    }

    /** Trainable parameters per layer, as rows (layer, kind, shape, weights, biases). */
    public static List<LayerCount> parameterCounts(int height, int width, int[] channels, int[] dense) {
        List<LayerCount> rows = new ArrayList<>();
        int cIn = 3;
        int h = height;
        int w = width;
        for (int i = 0; i < channels.length; i++) {
            int c = channels[i];
            h = convolvedSize(h);
            w = convolvedSize(w);
            rows.add(new LayerCount("conv" + (i + 1), "conv 3x3/2 " + cIn + "->" + c + ", out " + c + "x" + h + "x" + w,
                    (long) c * cIn * KERNEL * KERNEL, c));
            cIn = c;
        }
        int nIn = cIn * h * w;
        for (int i = 0; i < dense.length; i++) {
            rows.add(new LayerCount("dense" + (i + 1), "dense " + nIn + "->" + dense[i], (long) nIn * dense[i], dense[i]));
            nIn = dense[i];
        }
        rows.add(new LayerCount("output", "dense " + nIn + "->3", (long) nIn * 3, 3));
        return rows;
    }

    /** Trainable parameters of one layer. */
    public record LayerCount(String layer, String description, long weights, long biases) {
        public long total() {
            return weights + biases;
        }
    }
}
