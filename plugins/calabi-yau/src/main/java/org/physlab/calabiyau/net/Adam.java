package org.physlab.calabiyau.net;

/**
 * Adam (Kingma &amp; Ba 2015) exactly as optax applies it (spec §13.8): m ← b1 m + (1−b1) g,
 * v ← b2 v + (1−b2) g², θ ← θ − lr · m̂ / (sqrt(v̂) + eps) with bias-corrected m̂, v̂; no weight decay. The rate
 * lr of the t-th update (t = 0 first) comes from a {@link LearningRateSchedule} (optax's scale_by_schedule).
 */
public final class Adam {
    private final LearningRateSchedule schedule;
    private final double beta1, beta2, epsilon;
    private final double[] m, v;
    private int t;

    /** optax defaults: b1 = 0.9, b2 = 0.999, eps = 1e-8. */
    public Adam(int parameterCount, double learningRate) {
        this(parameterCount, learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(int parameterCount, double learningRate, double beta1, double beta2, double epsilon) {
        this(parameterCount, LearningRateSchedule.constant(learningRate), beta1, beta2, epsilon);
    }

    /** optax defaults (b1 = 0.9, b2 = 0.999, eps = 1e-8) with a scheduled learning rate. */
    public Adam(int parameterCount, LearningRateSchedule schedule) {
        this(parameterCount, schedule, 0.9, 0.999, 1e-8);
    }

    public Adam(int parameterCount, LearningRateSchedule schedule, double beta1, double beta2, double epsilon) {
        if (schedule == null) throw new IllegalArgumentException("Adam needs a learning-rate schedule");
        this.schedule = schedule;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        m = new double[parameterCount];
        v = new double[parameterCount];
    }

    /** Applies one update to {@code parameters} in place. */
    public void step(double[] parameters, double[] gradient) {
        if (parameters.length != m.length || gradient.length != m.length) {
            throw new IllegalArgumentException("expected " + m.length + " parameters and gradients");
        }
        double learningRate = schedule.rate(t);
        t++;
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < m.length; i++) {
            double g = gradient[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            parameters[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
        }
    }

    /** Number of updates applied so far. */
    public int steps() {
        return t;
    }
}
