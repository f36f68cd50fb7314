package org.physlab.calabiyau.net;

import java.util.Locale;

/**
 * The learning rate as a function of the step, as optax's schedules define it: the rate of update t
 * (t = 0 for the first update) is
 * <ul>
 *   <li>{@code constant}: lr;</li>
 *   <li>{@code cosine}: lr · ½(1 + cos(π · min(t, T)/T)) — from lr at t = 0 to 0 at t = T (optax
 *       {@code cosine_decay_schedule} with alpha = 0);</li>
 *   <li>{@code exponential}: lr · decay^t (optax {@code exponential_decay} with transition_steps = 1).</li>
 * </ul>
 *
 * @param kind         the shape of the schedule
 * @param learningRate lr, the rate of the first update
 * @param steps        T, the number of updates the cosine decays over (unused by the other kinds)
 * @param decay        the factor per update of {@code exponential} (unused by the other kinds)
 */
public record LearningRateSchedule(Kind kind, double learningRate, int steps, double decay) {

    /** The shapes of schedule. */
    public enum Kind {
        CONSTANT, COSINE, EXPONENTIAL;

        /** The parameter value naming this kind: constant, cosine or exponential. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LearningRateSchedule {
        if (kind == null) throw new IllegalArgumentException("the schedule needs a kind");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be positive and finite, got " + learningRate);
        }
        if (kind == Kind.COSINE && steps < 1) throw new IllegalArgumentException("a cosine schedule needs at least one step, got " + steps);
        if (kind == Kind.EXPONENTIAL && !(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("the decay per step must lie in (0, 1], got " + decay);
        }
    }

    /** The constant rate lr. */
    public static LearningRateSchedule constant(double learningRate) {
        return new LearningRateSchedule(Kind.CONSTANT, learningRate, 1, 1);
    }

    /** The cosine decay from lr to 0 over {@code steps} updates. */
    public static LearningRateSchedule cosine(double learningRate, int steps) {
        return new LearningRateSchedule(Kind.COSINE, learningRate, steps, 1);
    }

    /** lr · decay^t. */
    public static LearningRateSchedule exponential(double learningRate, double decay) {
        return new LearningRateSchedule(Kind.EXPONENTIAL, learningRate, 1, decay);
    }

    /** The rate of update t (0 for the first). */
    public double rate(int t) {
        if (t < 0) throw new IllegalArgumentException("the update index must not be negative, got " + t);
        return switch (kind) {
            case CONSTANT -> learningRate;
            case COSINE -> learningRate * 0.5 * (1 + Math.cos(Math.PI * Math.min(t, steps) / steps));
            case EXPONENTIAL -> learningRate * Math.pow(decay, t);
        };
    }
}
