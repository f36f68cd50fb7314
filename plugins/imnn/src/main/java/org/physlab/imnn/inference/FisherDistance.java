package org.physlab.imnn.inference;

/**
 * The Fisher-scaled distance between two parameter estimates, ρ = √((θ̂ − θ̂_t)ᵀ F (θ̂ − θ̂_t)) (imnn's
 * {@code ApproximateBayesianComputation} with {@code F} given). It measures separation in units of
 * the expected error: ρ = 1 is one standard deviation of the Gaussian approximation along any direction.
 * It only makes sense for summaries that are parameter estimates (e.g. QML estimates).
 */
public final class FisherDistance {

    private final double[][] fisher;

    /** @throws IllegalArgumentException if F is not symmetric positive definite */
    public FisherDistance(double[][] fisher) {
        LinearAlgebra.cholesky(fisher);   // validates positive definiteness
        this.fisher = new double[fisher.length][];
        for (int i = 0; i < fisher.length; i++) this.fisher[i] = fisher[i].clone();
    }

    /** ρ(a, b). */
    public double between(double[] a, double[] b) {
        if (a.length != fisher.length || b.length != fisher.length) {
            throw new IllegalArgumentException("estimates have " + a.length + " and " + b.length
                    + " entries, the Fisher matrix " + fisher.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
        return Math.sqrt(Math.max(0, LinearAlgebra.quadraticForm(fisher, d)));
    }
}
