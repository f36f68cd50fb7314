package org.physlab.autoencoder.nets;

/**
 * How an autoencoder is trained: Adam with {@code learningRate} on shuffled mini-batches for {@code epochs}
 * passes over the data. The loss per example is
 * <pre>
 *   L = reconstructionWeight * sum_pixels BCE(x, sigmoid(logits)) + klWeight * KL(q(z|x) || N(0, 1)),
 *   KL = 1/2 * sum_j (sigma_j^2 + mu_j^2 - 1 - log sigma_j^2)
 * </pre>
 * averaged over the batch (KL only for a VAE). The talk's SLM VAE uses alpha * 330 * mean(BCE) + KL
 * averaged over the latent dimensions, i.e. reconstructionWeight = alpha = 0.2 and klWeight = 1/latent.
 * {@code noise} > 0 trains a denoising autoencoder: the encoder sees clip(x + noise * N(0, 1), 0, 1) and
 * the loss compares with the clean x.
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double reconstructionWeight,
                              double klWeight, double noise) {
    public TrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        if (!(reconstructionWeight > 0) || !Double.isFinite(reconstructionWeight)) {
            throw new IllegalArgumentException("reconstructionWeight must be positive, got " + reconstructionWeight);
        }
        if (!(klWeight >= 0) || !Double.isFinite(klWeight)) throw new IllegalArgumentException("klWeight must be >= 0, got " + klWeight);
        if (!(noise >= 0) || !Double.isFinite(noise)) throw new IllegalArgumentException("noise must be >= 0, got " + noise);
    }

    /** Keras' defaults: Adam 1e-3, batch 128, weights 1, no noise. */
    public static TrainingOptions of(int epochs) {
        return new TrainingOptions(epochs, 128, 1e-3, 1.0, 1.0, 0.0);
    }

    public TrainingOptions withBatchSize(int b) {
        return new TrainingOptions(epochs, b, learningRate, reconstructionWeight, klWeight, noise);
    }

    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(epochs, batchSize, lr, reconstructionWeight, klWeight, noise);
    }

    public TrainingOptions withReconstructionWeight(double w) {
        return new TrainingOptions(epochs, batchSize, learningRate, w, klWeight, noise);
    }

    public TrainingOptions withKlWeight(double w) {
        return new TrainingOptions(epochs, batchSize, learningRate, reconstructionWeight, w, noise);
    }

    public TrainingOptions withNoise(double n) {
        return new TrainingOptions(epochs, batchSize, learningRate, reconstructionWeight, klWeight, n);
    }
}
