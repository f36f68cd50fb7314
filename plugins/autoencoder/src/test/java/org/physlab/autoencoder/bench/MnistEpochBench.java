package org.physlab.autoencoder.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.physlab.autoencoder.images.ImageDatasets;
import org.physlab.autoencoder.images.ImageSet;
import org.physlab.autoencoder.nets.AutoencoderArchitecture;
import org.physlab.autoencoder.nets.AutoencoderKind;
import org.physlab.autoencoder.nets.AutoencoderTrainer;
import org.physlab.autoencoder.nets.TrainingListener;
import org.physlab.autoencoder.nets.TrainingOptions;

/**
 * One epoch of the talk's convolutional MNIST autoencoder (latent 2, Adam, batch 128) on the 60,000 training
 * images, the target being under 180 s on the 2-core machine.
 *
 * <p>Baseline, measured in the same run: the same network built from DL4J 1.0.0-M2.1's own layers
 * (ConvolutionLayer, SubsamplingLayer, Deconvolution2D, CnnLossLayer with sigmoid + binary cross-entropy)
 * and trained with {@code MultiLayerNetwork.fit} on {@code baselineBatches} batches, extrapolated to an epoch.
 * The printed ratio is how much faster the plugin's hand-written layers (im2col + OpenBLAS sgemm) are.
 *
 * <p>Usage: {@code MnistEpochBench [images=60000] [batchSize=128] [baselineBatches=10]}.
 */
public final class MnistEpochBench {
    public static void main(String[] args) {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int baselineBatches = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        ImageSet train = ImageDatasets.mnist(images, 10).train();
        System.out.printf(Locale.ROOT, "MNIST conv AE (latent 2), %d images, batch %d, OMP_NUM_THREADS=%s, %d cores%n",
                train.size(), batch, System.getenv("OMP_NUM_THREADS"), Runtime.getRuntime().availableProcessors());

        // the plugin's network: a short warm-up, then one full epoch
        AutoencoderArchitecture conv = AutoencoderArchitecture.mnistConv(AutoencoderKind.AE, 2);
        float[][] warm = Arrays.copyOf(train.images(), Math.min(train.size(), 4 * batch));
        AutoencoderTrainer.train(conv, warm, TrainingOptions.of(1).withBatchSize(batch), 1, TrainingListener.NONE, () -> { });
        long t0 = System.nanoTime();
        double[] lastLoss = new double[1];
        AutoencoderTrainer.train(conv, train.images(), TrainingOptions.of(1).withBatchSize(batch), 7, new SplittableRandom(7),
                (epoch, b, perEpoch, rec, kl) -> {
                    lastLoss[0] = rec;
                    if (b % 100 == 0) {
                        System.out.printf(Locale.ROOT, "  batch %d/%d  %.1f s  BCE %.1f%n", b, perEpoch, (System.nanoTime() - t0) / 1e9, rec);
                    }
                }, () -> { });
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perEpoch = seconds * 60_000.0 / train.size();

        // the baseline: DL4J's layers, same architecture, fit() on a few batches
        MultiLayerNetwork dl4j = new MultiLayerNetwork(dl4jConvAutoencoder());
        dl4j.init();
        DataSet first = batchOf(train, 0, batch);
        dl4j.fit(first);                                        // warm-up
        long t1 = System.nanoTime();
        for (int b = 1; b <= baselineBatches; b++) dl4j.fit(batchOf(train, (b * batch) % Math.max(1, train.size() - batch), batch));
        double baselinePerImage = (System.nanoTime() - t1) / 1e9 / (baselineBatches * batch);
        double baselineEpoch = baselinePerImage * 60_000;

        System.out.printf(Locale.ROOT, "plugin layers: %.1f s for %d images (%.0f images/s, last batch BCE %.1f) -> %.1f s per 60k-image epoch (target 180 s: %s)%n",
                seconds, train.size(), train.size() / seconds, lastLoss[0], perEpoch, perEpoch <= 180 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "baseline, DL4J layers + fit(): %.0f images/s over %d batches -> %.1f s per epoch%n",
                1 / baselinePerImage, baselineBatches, baselineEpoch);
        System.out.printf(Locale.ROOT, "speed-up over DL4J's layers: %.1fx%n", baselineEpoch / perEpoch);
    }

    private static DataSet batchOf(ImageSet set, int from, int size) {
        float[] flat = new float[size * 784];
        for (int i = 0; i < size; i++) System.arraycopy(set.images()[from + i], 0, flat, i * 784, 784);
        INDArray x = Nd4j.create(flat, new long[] {size, 784}, 'c');
        return new DataSet(x, x.reshape('c', size, 1, 28, 28));
    }

    /** The talk's conv AE from DL4J layers only (one network; output sigmoid + XENT against the input image). */
    static MultiLayerConfiguration dl4jConvAutoencoder() {
        return new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER_UNIFORM).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(2).activation(Activation.IDENTITY).build())
                .layer(new DenseLayer.Builder().nOut(7 * 7 * 64).activation(Activation.RELU).build())
                .inputPreProcessor(7, new FeedForwardToCnnPreProcessor(7, 7, 64))
                .layer(new Deconvolution2D.Builder(3, 3).stride(2, 2).nOut(64).convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build())
                .layer(new Deconvolution2D.Builder(3, 3).stride(2, 2).nOut(64).convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build())
                .layer(new Deconvolution2D.Builder(3, 3).stride(1, 1).nOut(1).convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build())
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1)).build();
    }
}
