package org.physlab.oscillator.duffing;

/**
 * A linear sweep of the drive frequency and the time grid it is sampled on, as in the lecture:
 * <pre>
 *   omega(t) = omegaStart + (omegaStop - omegaStart) / tEnd * t,   t_k = k * dt,   dt = tEnd / (steps - 1)
 * </pre>
 * (the grid is {@code linspace(0, tEnd, steps)}, so dt = 200/399 for the lecture's 400 steps, not 200/400).
 * Sample k of a solution is the state after the RK4 step that starts at t_k, i.e. z(t_k + dt), and is
 * plotted against {@link #frequencyAt(int) omega(t_k)}.
 *
 * @param omegaStart drive frequency at t = 0
 * @param omegaStop  drive frequency at t = tEnd (may be below omegaStart for a downward sweep)
 * @param tEnd       duration of the sweep, positive
 * @param steps      number of RK4 steps and of output samples, at least 2
 */
public record FrequencySweep(double omegaStart, double omegaStop, double tEnd, int steps) {

    /** The lecture's sweep: omega from -4 to 4 in t = 200, 400 steps. */
    public static final FrequencySweep LECTURE = new FrequencySweep(-4, 4, 200, 400);

    public FrequencySweep {
        if (!Double.isFinite(omegaStart) || !Double.isFinite(omegaStop)) {
            throw new IllegalArgumentException("sweep frequencies must be finite");
        }
        if (!(tEnd > 0) || !Double.isFinite(tEnd)) throw new IllegalArgumentException("tEnd must be positive, got " + tEnd);
        if (steps < 2) throw new IllegalArgumentException("a sweep needs at least 2 steps, got " + steps);
    }

    /** The time step dt = tEnd / (steps - 1). */
    public double dt() {
        return tEnd / (steps - 1);
    }

    /** The sweep rate d omega / dt = (omegaStop - omegaStart) / tEnd. */
    public double rate() {
        return (omegaStop - omegaStart) / tEnd;
    }

    /** The drive frequency omega(t_k) at the start of step k, against which sample k is plotted. */
    public double frequencyAt(int k) {
        return omegaStart + rate() * (k * dt());
    }

    /** {@link #frequencyAt(int)} for every sample. */
    public double[] frequencies() {
        double[] w = new double[steps];
        for (int k = 0; k < steps; k++) w[k] = frequencyAt(k);
        return w;
    }
}
