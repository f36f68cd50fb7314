package org.physlab.vertexmesh.meta;

import java.util.Locale;

/**
 * Updates the learned parameters from the meta-gradient, one outer step at a time. Stateful (Adam keeps
 * moment estimates): use one instance per training.
 */
public sealed interface Optimizer permits Optimizer.Sgd, Optimizer.Adam {

    /** θ ← update(θ, dL/dθ), in place. */
    void step(double[] parameters, double[] gradient);

    /** Plain gradient descent θ ← θ − η·∇L, as in the tutorial. */
    static Optimizer sgd(double learningRate) {
        return new Sgd(learningRate);
    }

    /** Adam (Kingma &amp; Ba 2015) with β₁ = 0.9, β₂ = 0.999, ε = 1e−8. */
    static Optimizer adam(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8);
    }

    /** {@code sgd} or {@code adam}, as in the {@code optimizer} parameter. */
    static Optimizer named(String name, double learningRate) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd" -> sgd(learningRate);
            case "adam" -> adam(learningRate);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "' (known: sgd, adam)");
        };
    }

    private static double checkRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be positive and finite, got " + learningRate);
        }
        return learningRate;
    }

    /** Stochastic (here: batch) gradient descent. */
    final class Sgd implements Optimizer {
        private final double learningRate;

        Sgd(double learningRate) {
            this.learningRate = checkRate(learningRate);
        }

        @Override
        public void step(double[] parameters, double[] gradient) {
            for (int i = 0; i < parameters.length; i++) parameters[i] -= learningRate * gradient[i];
        }
    }

    /** Adam: bias-corrected first and second moment estimates scale each parameter's step. */
    final class Adam implements Optimizer {
        private final double learningRate;
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private double[] m;
        private double[] v;
        private int t;

        Adam(double learningRate, double beta1, double beta2, double epsilon) {
            this.learningRate = checkRate(learningRate);
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
        }

        @Override
        public void step(double[] parameters, double[] gradient) {
            if (m == null) {
                m = new double[parameters.length];
                v = new double[parameters.length];
            }
            t++;
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = 1 - Math.pow(beta2, t);
            for (int i = 0; i < parameters.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * gradient[i];
                v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
                parameters[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
            }
        }
    }
}
