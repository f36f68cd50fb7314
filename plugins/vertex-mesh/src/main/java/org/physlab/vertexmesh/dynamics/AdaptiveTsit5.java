package org.physlab.vertexmesh.dynamics;

/**
 * Tsit5 with step-size control: a step is accepted when the RMS over components of
 * err_i / (atol + rtol·max(|y_i|, |y_new,i|)) is at most 1; the next step is
 * h·min(5, max(0.2, 0.9·err^(−1/5))). The last step is shortened to land exactly on the end time.
 */
public final class AdaptiveTsit5 {
    /** What an adaptive integration did. */
    public record Statistics(int acceptedSteps, int rejectedSteps, double lastStepSize) { }

    /** Called after every accepted step with the time reached and the state (a view). */
    @FunctionalInterface
    public interface StepListener {
        void accepted(int step, double t, double[] y);
    }

    private final double relativeTolerance;
    private final double absoluteTolerance;
    private final Tsit5 tsit5;
    private final double[] start;

    public AdaptiveTsit5(int dimension, double relativeTolerance, double absoluteTolerance) {
        if (!(relativeTolerance > 0) || !(absoluteTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be positive, got rtol=" + relativeTolerance + ", atol=" + absoluteTolerance);
        }
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
        this.tsit5 = new Tsit5(dimension);
        this.start = new double[dimension];
    }

    /**
     * Integrates y in place from t = 0 to {@code duration}, starting with step {@code firstStep}.
     *
     * @throws IllegalStateException if the step size underflows or more than {@code maxSteps} steps are needed
     */
    public Statistics integrate(OdeSystem f, double[] y, double duration, double firstStep, int maxSteps, StepListener listener) {
        if (!(duration > 0) || !(firstStep > 0)) throw new IllegalArgumentException("duration and first step must be positive");
        double t = 0, h = Math.min(firstStep, duration);
        int accepted = 0, rejected = 0;
        while (t < duration) {
            if (accepted + rejected >= maxSteps) {
                throw new IllegalStateException("adaptive Tsit5 needed more than " + maxSteps + " steps to reach t = " + duration
                        + " (at t = " + t + ", step " + h + ")");
            }
            boolean last = t + h >= duration;
            double hStep = last ? duration - t : h;
            System.arraycopy(y, 0, start, 0, y.length);
            tsit5.step(f, y, hStep);
            double[] err = tsit5.lastErrorEstimate();
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                double scale = absoluteTolerance + relativeTolerance * Math.max(Math.abs(start[i]), Math.abs(y[i]));
                double r = err[i] / scale;
                sum += r * r;
            }
            double norm = Math.sqrt(sum / y.length);
            if (!Double.isFinite(norm)) norm = Double.POSITIVE_INFINITY;
            double factor = norm == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(norm, -0.2)));
            if (norm <= 1) {
                t = last ? duration : t + hStep;
                accepted++;
                if (listener != null) listener.accepted(accepted, t, y);
                h = hStep * factor;
            } else {
                System.arraycopy(start, 0, y, 0, y.length);
                tsit5.reset();
                rejected++;
                h = hStep * factor;
                if (h < 1e-14 * Math.max(1, duration)) {
                    throw new IllegalStateException("adaptive Tsit5 step size underflow at t = " + t + " (the state is blowing up or the ODE is too stiff)");
                }
            }
        }
        return new Statistics(accepted, rejected, h);
    }
}
