package org.physlab.oscillator.duffing;

/**
 * The steady state of the linear (epsilon = 0) driven oscillator: a Lorentzian in the detuning.
 * Setting dz/dt = 0 in dz/dt = (-i(omega0 - omega) - gamma/2) z + i F gives
 * <pre>
 *   z = i F / ( i (omega0 - omega) + gamma/2 ),     |z| = F / sqrt( (omega - omega0)^2 + gamma^2 / 4 )
 * </pre>
 * A sweep follows it when it is slow compared with the relaxation rate gamma/2 and the drive is weak
 * enough that epsilon |z|^2 is negligible against gamma/2.
 */
public final class LinearResponse {
    private LinearResponse() { }

    /** |z| of the steady state at drive frequency {@code omega}. */
    public static double amplitude(double omega0, double gamma, double force, double omega) {
        double detuning = omega - omega0;
        return Math.abs(force) / Math.sqrt(detuning * detuning + 0.25 * gamma * gamma);
    }

    /**
     * {@link #amplitude} at every sample of a sweep (ignoring epsilon), taken at the drive frequency of
     * the sample's own time t_k + dt, i.e. omega(t_k) + rate * dt.
     */
    public static double[] alongSweep(DuffingParameters p, FrequencySweep sweep) {
        double[] out = new double[sweep.steps()];
        double shift = sweep.rate() * sweep.dt();
        for (int k = 0; k < out.length; k++) {
            out[k] = amplitude(p.omega0(), p.gamma(), p.force(), sweep.frequencyAt(k) + shift);
        }
        return out;
    }
}
