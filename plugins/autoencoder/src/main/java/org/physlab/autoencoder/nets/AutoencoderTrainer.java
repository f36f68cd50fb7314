package org.physlab.autoencoder.nets;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Trains an {@link AutoencoderArchitecture} with Adam on shuffled mini-batches. Encoder and decoder are
 * two DL4J networks joined by hand, which makes the same code serve AE and VAE, dense and convolutional:
 * <pre>
 *   h = encoder(x~)                     x~ = x, or clip(x + noise * N(0,1), 0, 1) when denoising
 *   AE:  z = h          VAE: (mu, logvar) = h,  z = mu + exp(logvar / 2) * eps,  eps ~ N(0, 1)
 *   l = decoder(z)      (logits; p = sigmoid(l))
 *   loss = mean over batch of [ a * sum_i (softplus(l_i) - x_i l_i) + b * 1/2 sum_j (e^logvar_j + mu_j^2 - 1 - logvar_j) ]
 *   dloss/dl = a (p - x) / B;  dz from the decoder's backprop;
 *   dmu = dz + b mu / B;  dlogvar = dz * eps * exp(logvar / 2) / 2 + b (e^logvar - 1) / (2 B)
 * </pre>
 * with a = reconstructionWeight, b = klWeight. The shuffle order, eps and the denoising noise come from the
 * given random stream and the weights from the seed, so training on the CPU is reproducible.
 */
public final class AutoencoderTrainer {
    private AutoencoderTrainer() { }

    /** Trains with a random stream derived from {@code seed}. */
    public static TrainedAutoencoder train(AutoencoderArchitecture architecture, float[][] inputs, TrainingOptions options,
                                           long seed, TrainingListener listener, Runnable checkCancelled) {
        return train(architecture, inputs, options, seed, new SplittableRandom(seed ^ 0x5DEECE66DL), listener, checkCancelled);
    }

    /**
     * @param inputs         rows = examples, each of {@link AutoencoderArchitecture#inputSize()} values in [0, 1]
     * @param seed           seeds the initial weights
     * @param random         shuffles, draws eps (VAE) and the denoising noise
     * @param listener       told the losses of each batch and epoch
     * @param checkCancelled called before each batch; it stops training by throwing (e.g. {@code run::checkCancelled})
     * @throws IllegalStateException if a loss becomes NaN or infinite (training diverged)
     */
    public static TrainedAutoencoder train(AutoencoderArchitecture architecture, float[][] inputs, TrainingOptions options,
                                           long seed, RandomGenerator random, TrainingListener listener, Runnable checkCancelled) {
        int n = checkRows(inputs, architecture.inputSize(), "training inputs");
        AutoencoderArchitecture.Networks nets = architecture.initialise(seed, options.learningRate());
        Step step = new Step(architecture, nets, options);
        int batches = (n + options.batchSize() - 1) / options.batchSize();
        double[] epochReconstruction = new double[options.epochs()];
        double[] epochKl = new double[options.epochs()];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            shuffle(order, random);
            double sumRec = 0;
            double sumKl = 0;
            for (int b = 0; b < batches; b++) {
                checkCancelled.run();
                int from = b * options.batchSize();
                int size = Math.min(options.batchSize(), n - from);
                double[] losses = step.run(inputs, order, from, size, random);
                if (!Double.isFinite(losses[0]) || !Double.isFinite(losses[1])) {
                    throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                            "training diverged at epoch %d, batch %d: reconstruction loss %s, KL %s (try a smaller learning rate than %g)",
                            epoch, b + 1, losses[0], losses[1], options.learningRate()));
                }
                sumRec += losses[0] * size;
                sumKl += losses[1] * size;
                listener.batch(epoch, b + 1, batches, losses[0], losses[1]);
            }
            epochReconstruction[epoch - 1] = sumRec / n;
            epochKl[epoch - 1] = sumKl / n;
            listener.epoch(epoch, sumRec / n, sumKl / n);
        }
        return new TrainedAutoencoder(architecture, nets, epochReconstruction, epochKl);
    }

    static int checkRows(float[][] rows, int width, String what) {
        if (rows == null || rows.length == 0) throw new IllegalArgumentException(what + " are empty");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException(what + ": row " + i + " has " + rows[i].length + " values, the network expects " + width);
            }
        }
        return rows.length;
    }

    private static void shuffle(int[] order, RandomGenerator random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** One Adam step of encoder and decoder on a batch. */
    private static final class Step {
        private final AutoencoderArchitecture architecture;
        private final CodingNetwork encoder;
        private final CodingNetwork decoder;
        private final TrainingOptions options;
        private final boolean variational;
        private final int latent;
        private int iteration;

        Step(AutoencoderArchitecture architecture, AutoencoderArchitecture.Networks nets, TrainingOptions options) {
            this.architecture = architecture;
            this.encoder = nets.encoder();
            this.decoder = nets.decoder();
            this.options = options;
            this.variational = architecture.kind() == AutoencoderKind.VAE;
            this.latent = architecture.latent();
        }

        /** Returns {mean reconstruction BCE, mean KL} of the batch before the update. */
        double[] run(float[][] inputs, int[] order, int from, int size, RandomGenerator random) {
            int d = architecture.inputSize();
            float[] clean = new float[size * d];
            for (int i = 0; i < size; i++) System.arraycopy(inputs[order[from + i]], 0, clean, i * d, d);
            INDArray x = Nd4j.create(clean, new long[] {size, d}, 'c');
            INDArray xIn = x;
            if (options.noise() > 0) {
                float[] noisy = new float[clean.length];
                float s = (float) options.noise();
                for (int i = 0; i < noisy.length; i++) {
                    float v = clean[i] + s * (float) random.nextGaussian();
                    noisy[i] = v < 0 ? 0 : (v > 1 ? 1 : v);
                }
                xIn = Nd4j.create(noisy, new long[] {size, d}, 'c');
            }
            INDArray h = encoder.forward(xIn);
            INDArray z;
            INDArray mu = null;
            INDArray logVar = null;
            INDArray sigma = null;
            INDArray eps = null;
            if (variational) {
                mu = h.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent));
                logVar = h.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent));
                float[] e = new float[size * latent];
                for (int i = 0; i < e.length; i++) e[i] = (float) random.nextGaussian();
                eps = Nd4j.create(e, new long[] {size, latent}, 'c');
                sigma = Transforms.exp(logVar.mul(0.5), false);
                z = mu.add(sigma.mul(eps));                           // z = mu + exp(logvar/2) eps
            } else {
                z = h;
            }
            INDArray logitsOut = decoder.forward(z);
            INDArray logits = logitsOut.reshape('c', size, d);
            double reconstruction = Losses.binaryCrossEntropyFromLogits(x, logits) / size;
            // dloss/dlogits = a (sigmoid(l) - x) / B
            INDArray dLogits = Transforms.sigmoid(logits, true).subi(x).muli(options.reconstructionWeight() / size);
            INDArray dz = decoder.backward(dLogits.reshape('c', logitsOut.shape()));
            double kl = 0;
            INDArray dh;
            if (variational) {
                kl = Losses.klDivergence(mu, logVar) / size;
                double b = options.klWeight() / size;
                INDArray dMu = dz.add(mu.mul(b));
                INDArray dLogVar = dz.mul(eps).muli(sigma).muli(0.5)
                        .addi(Transforms.exp(logVar, true).subi(1.0).muli(0.5 * b));
                dh = Nd4j.concat(1, dMu, dLogVar);
            } else {
                dh = dz;
            }
            encoder.backward(dh);
            decoder.step(iteration);
            encoder.step(iteration);
            iteration++;
            return new double[] {reconstruction, kl};
        }
    }

    static INDArray toMatrix(float[][] rows, int from, int size, int width) {
        float[] flat = new float[size * width];
        for (int i = 0; i < size; i++) System.arraycopy(rows[from + i], 0, flat, i * width, width);
        return Nd4j.create(flat, new long[] {size, width}, 'c');
    }

    static INDArray toMatrix(double[][] rows, int from, int size, int width) {
        float[] flat = new float[size * width];
        for (int i = 0; i < size; i++) for (int j = 0; j < width; j++) flat[i * width + j] = (float) rows[from + i][j];
        return Nd4j.create(flat, new long[] {size, width}, 'c');
    }
}
