package org.physlab.autoencoder.nets;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The autoencoder losses, summed over everything they are given (divide by the batch size for means). */
public final class Losses {
    private Losses() { }

    /**
     * Binary cross-entropy of targets x against p = sigmoid(l), from the logits l in the overflow-free form
     * BCE = -x log p - (1 - x) log(1 - p) = max(l, 0) - x l + log(1 + exp(-|l|)).
     */
    public static double binaryCrossEntropyFromLogits(INDArray x, INDArray logits) {
        INDArray t = Transforms.relu(logits, true).subi(x.mul(logits))
                .addi(Transforms.log(Transforms.exp(Transforms.abs(logits, true).negi(), false).addi(1.0), false));
        return t.sumNumber().doubleValue();
    }

    /** KL(N(mu, sigma^2) || N(0, 1)) = 1/2 sum (sigma^2 + mu^2 - 1 - log sigma^2), summed over rows and latent dimensions. */
    public static double klDivergence(INDArray mu, INDArray logVar) {
        INDArray t = Transforms.exp(logVar, true).addi(mu.mul(mu)).subi(1.0).subi(logVar);
        return 0.5 * t.sumNumber().doubleValue();
    }

    /** Binary cross-entropy of targets x against probabilities p (clipped to [1e-7, 1 - 1e-7]), summed. */
    public static double binaryCrossEntropy(float[] x, float[] p) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
            s -= x[i] * Math.log(q) + (1 - x[i]) * Math.log(1 - q);
        }
        return s;
    }

    /**
     * The mean-image baseline: every image of {@code test} "reconstructed" as the mean image of {@code train};
     * returns the mean over the test images of the summed BCE. An autoencoder worth its name beats it.
     */
    public static double meanImageBaseline(float[][] train, float[][] test) {
        int d = train[0].length;
        double[] mean = new double[d];
        for (float[] row : train) for (int i = 0; i < d; i++) mean[i] += row[i];
        float[] p = new float[d];
        for (int i = 0; i < d; i++) p[i] = (float) (mean[i] / train.length);
        double s = 0;
        for (float[] row : test) s += binaryCrossEntropy(row, p);
        return s / test.length;
    }
}
