package org.physlab.autoencoder.nets;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A trained autoencoder: encode rows to latent codes (the mean of q(z|x) for a VAE), decode codes to
 * probabilities in [0, 1], and held-out losses. Inference runs in chunks of {@value #CHUNK} rows.
 */
public final class TrainedAutoencoder {
    static final int CHUNK = 500;

    private final AutoencoderArchitecture architecture;
    private final AutoencoderArchitecture.Networks networks;
    private final double[] epochReconstruction;
    private final double[] epochKl;

    TrainedAutoencoder(AutoencoderArchitecture architecture, AutoencoderArchitecture.Networks networks,
                       double[] epochReconstruction, double[] epochKl) {
        this.architecture = architecture;
        this.networks = networks;
        this.epochReconstruction = epochReconstruction;
        this.epochKl = epochKl;
    }

    public AutoencoderArchitecture architecture() {
        return architecture;
    }

    /** The encoder and decoder. */
    public AutoencoderArchitecture.Networks networks() {
        return networks;
    }

    /** Mean training reconstruction loss (BCE summed over inputs) of each epoch, during that epoch. */
    public double[] epochReconstructionLoss() {
        return epochReconstruction.clone();
    }

    /** Mean training KL of each epoch (zeros for an AE). */
    public double[] epochKl() {
        return epochKl.clone();
    }

    /** Latent codes: z for an AE, the mean mu of q(z|x) for a VAE. Rows = examples. */
    public double[][] encode(float[][] x) {
        return encodeDistribution(x).mean();
    }

    /** Mean and log-variance of q(z|x); the log-variance is null for an AE. */
    public Codes encodeDistribution(float[][] x) {
        int n = AutoencoderTrainer.checkRows(x, architecture.inputSize(), "inputs to encode");
        int k = architecture.latent();
        double[][] mean = new double[n][];
        double[][] logVar = architecture.kind() == AutoencoderKind.VAE ? new double[n][] : null;
        for (int from = 0; from < n; from += CHUNK) {
            int size = Math.min(CHUNK, n - from);
            INDArray h = networks.encoder().output(AutoencoderTrainer.toMatrix(x, from, size, architecture.inputSize()));
            double[][] rows = h.toDoubleMatrix();
            for (int i = 0; i < size; i++) {
                mean[from + i] = java.util.Arrays.copyOfRange(rows[i], 0, k);
                if (logVar != null) logVar[from + i] = java.util.Arrays.copyOfRange(rows[i], k, 2 * k);
            }
        }
        return new Codes(mean, logVar);
    }

    /** Decoded probabilities sigmoid(decoder(z)), one row of inputSize values per code. */
    public float[][] decode(double[][] z) {
        int n = z.length;
        float[][] out = new float[n][];
        for (int from = 0; from < n; from += CHUNK) {
            int size = Math.min(CHUNK, n - from);
            for (int i = 0; i < size; i++) {
                if (z[from + i].length != architecture.latent()) {
                    throw new IllegalArgumentException("code " + (from + i) + " has " + z[from + i].length + " values, the latent space has " + architecture.latent());
                }
            }
            INDArray logits = logits(AutoencoderTrainer.toMatrix(z, from, size, architecture.latent()), size);
            float[][] p = Transforms.sigmoid(logits, false).toFloatMatrix();
            System.arraycopy(p, 0, out, from, size);
        }
        return out;
    }

    /** decode(encode(x)): the reconstruction through the mean code. */
    public float[][] reconstruct(float[][] x) {
        return decode(encode(x));
    }

    /**
     * Held-out losses through the mean code: the mean over rows of the BCE summed over inputs, and of the KL
     * term (0 for an AE).
     */
    public Evaluation evaluate(float[][] x) {
        int n = AutoencoderTrainer.checkRows(x, architecture.inputSize(), "inputs to evaluate");
        int k = architecture.latent();
        double rec = 0;
        double kl = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int size = Math.min(CHUNK, n - from);
            INDArray batch = AutoencoderTrainer.toMatrix(x, from, size, architecture.inputSize());
            INDArray h = networks.encoder().output(batch);
            INDArray mu = h.get(NDArrayIndex.all(), NDArrayIndex.interval(0, k));
            if (architecture.kind() == AutoencoderKind.VAE) {
                kl += Losses.klDivergence(mu, h.get(NDArrayIndex.all(), NDArrayIndex.interval(k, 2 * k)));
            }
            rec += Losses.binaryCrossEntropyFromLogits(batch, logits(mu.dup(), size));
        }
        return new Evaluation(rec / n, kl / n);
    }

    private INDArray logits(INDArray z, int size) {
        return networks.decoder().output(z).reshape('c', size, architecture.inputSize());
    }

    /** Mean and log sigma^2 of q(z|x) per row (logVar null for an AE). */
    public record Codes(double[][] mean, double[][] logVar) { }

    /** Mean losses per example: BCE summed over the inputs, and KL summed over latent dimensions. */
    public record Evaluation(double reconstructionLoss, double klLoss) { }
}
