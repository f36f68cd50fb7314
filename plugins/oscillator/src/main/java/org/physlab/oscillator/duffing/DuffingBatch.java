package org.physlab.oscillator.duffing;

import java.util.List;

/**
 * Parameter sets of many oscillators, stored column-wise (one primitive array per parameter) so the
 * solver can step them all together.
 */
public final class DuffingBatch {
    final double[] omega0;
    final double[] gamma;
    final double[] epsilon;
    final double[] force;

    private DuffingBatch(double[] omega0, double[] gamma, double[] epsilon, double[] force) {
        this.omega0 = omega0;
        this.gamma = gamma;
        this.epsilon = epsilon;
        this.force = force;
    }

    /** A batch with room for {@code size} oscillators, all parameters 0 until {@link #set} fills them. */
    public static DuffingBatch ofSize(int size) {
        if (size < 1) throw new IllegalArgumentException("a batch needs at least one oscillator, got " + size);
        return new DuffingBatch(new double[size], new double[size], new double[size], new double[size]);
    }

    /** A batch holding the given parameter sets in order. */
    public static DuffingBatch of(List<DuffingParameters> parameters) {
        DuffingBatch b = ofSize(parameters.size());
        for (int i = 0; i < parameters.size(); i++) b.set(i, parameters.get(i));
        return b;
    }

    /** A batch of one. */
    public static DuffingBatch of(DuffingParameters parameters) {
        return of(List.of(parameters));
    }

    public int size() {
        return omega0.length;
    }

    /** Stores oscillator {@code i}'s parameters (already checked by {@link DuffingParameters}). */
    public void set(int i, DuffingParameters p) {
        omega0[i] = p.omega0();
        gamma[i] = p.gamma();
        epsilon[i] = p.epsilon();
        force[i] = p.force();
    }

    public DuffingParameters get(int i) {
        return new DuffingParameters(omega0[i], gamma[i], epsilon[i], force[i]);
    }
}
