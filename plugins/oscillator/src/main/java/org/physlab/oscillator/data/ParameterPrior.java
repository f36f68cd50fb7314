package org.physlab.oscillator.data;

import java.util.random.RandomGenerator;

/**
 * Where training oscillators come from: omega0, gamma and epsilon drawn independently and uniformly
 * from their intervals (the lecture: omega0 in [-1, 1], gamma in [0.5, 1.5], epsilon in [0, 0.15]).
 * An interval of zero width fixes the parameter.
 */
public record ParameterPrior(Interval omega0, Interval gamma, Interval epsilon) {

    /** The lecture's prior. */
    public static final ParameterPrior LECTURE =
            new ParameterPrior(new Interval(-1, 1), new Interval(0.5, 1.5), new Interval(0, 0.15));

    /** The names of the three inferred parameters, in the order networks output them. */
    public static final java.util.List<String> NAMES = java.util.List.of("omega0", "gamma", "epsilon");

    public ParameterPrior {
        if (gamma.low() < 0) throw new IllegalArgumentException("gamma must be at least 0, got " + gamma.low());
    }

    /** Draws (omega0, gamma, epsilon) into {@code out[offset..offset+2]}, in that order. */
    public void draw(RandomGenerator random, double[] out, int offset) {
        out[offset] = omega0.draw(random);
        out[offset + 1] = gamma.draw(random);
        out[offset + 2] = epsilon.draw(random);
    }

    /** The interval of parameter {@code index} (0 omega0, 1 gamma, 2 epsilon). */
    public Interval interval(int index) {
        return switch (index) {
            case 0 -> omega0;
            case 1 -> gamma;
            case 2 -> epsilon;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    /**
     * A closed interval [low, high].
     */
    public record Interval(double low, double high) {
        public Interval {
            if (!Double.isFinite(low) || !Double.isFinite(high)) throw new IllegalArgumentException("interval bounds must be finite");
            if (high < low) throw new IllegalArgumentException("empty interval [" + low + ", " + high + "]");
        }

        /** A uniform draw: low + (high - low) u, u in [0, 1). */
        public double draw(RandomGenerator random) {
            return high == low ? low : low + (high - low) * random.nextDouble();
        }

        public double width() {
            return high - low;
        }
    }
}
