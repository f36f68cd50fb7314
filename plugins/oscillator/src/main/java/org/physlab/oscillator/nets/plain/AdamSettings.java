package org.physlab.oscillator.nets.plain;

/**
 * Adam's settings, applied as optax's {@code adam} does: bias-corrected moments,
 * {@code p -= learningRate * m_hat / (sqrt(v_hat) + epsilon)}.
 */
public record AdamSettings(double learningRate, double beta1, double beta2, double epsilon) {
    public AdamSettings {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam's betas must lie in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon >= 0)) throw new IllegalArgumentException("Adam's epsilon must be at least 0, got " + epsilon);
    }

    /** The lecture's optimiser: {@code optax.adam(learningRate)} with b1 0.9, b2 0.999, eps 1e-8. */
    public static AdamSettings of(double learningRate) {
        return new AdamSettings(learningRate, 0.9, 0.999, 1e-8);
    }

    /** Applies step {@code t} (1, 2, ...) to every parameter tensor. */
    <A> void step(Numerics<A> numerics, java.util.List<ParameterRows<A>> parameters, long t) {
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int k = 0; k < parameters.size(); k++) {
            ParameterRows<A> p = parameters.get(k);
            for (int i = 0; i < p.rows; i++) {
                numerics.adam(p.value[i], p.gradient[i], p.firstMoment[i], p.secondMoment[i], p.columns,
                        learningRate, beta1, beta2, epsilon, c1, c2);
            }
        }
    }
}
