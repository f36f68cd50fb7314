package org.physlab.imnn.fisher;

/**
 * The coupling of the covariance penalty Λ₂ = ‖C − I‖_F + ‖C⁻¹ − I‖_F in the IMNN loss: r(Λ₂) =
 * λΛ₂/(Λ₂ + exp(−αΛ₂)), with α chosen so that r(ε) = λ(1+ε)/(λ(1+ε)+ε), i.e. about 1 where Λ₂ = ε,
 * rising to λ for large Λ₂ (α = −ln(ε(λ−1) + ε²/(1+ε))/ε; ln(1.1)/0.1 for λ = 10, ε = 0.1).
 *
 * @param lambda  strength λ &gt; 0
 * @param epsilon closeness ε &gt; 0 of C to the identity at which the coupling is about 1
 */
public record Regularisation(double lambda, double epsilon) {

    public Regularisation {
        if (!(lambda > 0) || !Double.isFinite(lambda)) throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        double arg = epsilon * (lambda - 1) + epsilon * epsilon / (1 + epsilon);
        if (!(arg > 0)) {
            throw new IllegalArgumentException("lambda = " + lambda + " and epsilon = " + epsilon
                    + " give no real alpha (ε(λ−1) + ε²/(1+ε) must be positive)");
        }
    }

    /** α = −ln(ε(λ−1) + ε²/(1+ε))/ε. */
    public double alpha() {
        return -Math.log(epsilon * (lambda - 1) + epsilon * epsilon / (1 + epsilon)) / epsilon;
    }

    /** r(Λ₂) = λΛ₂/(Λ₂ + exp(−αΛ₂)). */
    public double strength(double lambda2) {
        return lambda * lambda2 / (lambda2 + Math.exp(-alpha() * lambda2));
    }

    /** dr/dΛ₂ = λ·e^{−αΛ₂}(1 + αΛ₂)/(Λ₂ + e^{−αΛ₂})². */
    public double strengthDerivative(double lambda2) {
        double a = alpha();
        double e = Math.exp(-a * lambda2);
        double den = lambda2 + e;
        return lambda * e * (1 + a * lambda2) / (den * den);
    }
}
