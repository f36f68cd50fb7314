package org.physlab.oscillator.duffing;

/**
 * The physical parameters of one driven Duffing oscillator in the rotating frame:
 * <pre>
 *   dz/dt = ( -i(omega0 - omega(t)) - gamma/2 ) z - i epsilon |z|^2 z + i force
 * </pre>
 *
 * @param omega0  resonance frequency (in the frame of the drive sweep)
 * @param gamma   energy damping rate, at least 0 (the amplitude decays at gamma/2)
 * @param epsilon Kerr (Duffing) nonlinearity: the resonance shifts by epsilon |z|^2
 * @param force   drive strength
 */
public record DuffingParameters(double omega0, double gamma, double epsilon, double force) {
    public DuffingParameters {
        requireFinite("omega0", omega0);
        requireFinite("gamma", gamma);
        requireFinite("epsilon", epsilon);
        requireFinite("force", force);
        if (gamma < 0) throw new IllegalArgumentException("gamma must be at least 0, got " + gamma);
    }

    private static void requireFinite(String name, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(name + " must be a finite number, got " + v);
    }

    /** The same oscillator driven with another force. */
    public DuffingParameters withForce(double newForce) {
        return new DuffingParameters(omega0, gamma, epsilon, newForce);
    }
}
