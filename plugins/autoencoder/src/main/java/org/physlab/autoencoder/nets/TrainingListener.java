package org.physlab.autoencoder.nets;

/**
 * Told the losses while an autoencoder trains. Losses are means over the examples of the batch (or of the
 * epoch), unweighted: the reconstruction loss is the binary cross-entropy summed over the inputs of one
 * example, the KL term is KL(q(z|x) || N(0, 1)) summed over latent dimensions (0 for a plain AE).
 */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = (epoch, batch, batches, reconstruction, kl) -> { };

    /**
     * @param epoch   1-based epoch
     * @param batch   1-based batch within the epoch
     * @param batches batches per epoch
     */
    void batch(int epoch, int batch, int batches, double reconstructionLoss, double klLoss);

    /** At the end of an epoch: the means over its examples. */
    default void epoch(int epoch, double reconstructionLoss, double klLoss) { }
}
