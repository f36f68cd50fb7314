package org.physlab.imnn.fit;

import org.physlab.imnn.fisher.Regularisation;

/**
 * How one {@link Imnn#fit} runs (spec §4).
 *
 * @param regularisation λ and ε of the covariance penalty
 * @param patience       iterations without a new best det F (after minIterations) before stopping
 * @param minIterations  iterations before patience starts counting (counted strictly after this index)
 * @param maxIterations  hard limit on iterations
 * @param keepBest       keep the weights of the best det F (validation det F when there is a validation set); else the final ones
 * @param nPerChunk      simulations per chunk for the aggregated computation; 0 for one pass over all of them
 */
public record FitSettings(Regularisation regularisation, int patience, int minIterations, int maxIterations, boolean keepBest,
                          int nPerChunk) {
    public FitSettings {
        if (regularisation == null) throw new IllegalArgumentException("no regularisation");
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        if (minIterations < 0) throw new IllegalArgumentException("minIterations must not be negative, got " + minIterations);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        if (nPerChunk < 0) throw new IllegalArgumentException("nPerChunk must not be negative, got " + nPerChunk);
    }

    /** The tutorial's fit: λ = 10, ε = 0.1, patience 10, min 100, max 1000, best weights, no chunks. */
    public static FitSettings tutorial() {
        return new FitSettings(new Regularisation(10, 0.1), 10, 100, 1000, true, 0);
    }

    public FitSettings withChunks(int n) {
        return new FitSettings(regularisation, patience, minIterations, maxIterations, keepBest, n);
    }

    public FitSettings withIterations(int min, int max) {
        return new FitSettings(regularisation, patience, min, max, keepBest, nPerChunk);
    }
}
