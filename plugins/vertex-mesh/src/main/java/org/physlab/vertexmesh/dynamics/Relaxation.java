package org.physlab.vertexmesh.dynamics;

import java.util.Objects;
import org.physlab.vertexmesh.energy.TutorialEnergy;

/**
 * Relaxes vertex positions under the tutorial energy: a given number of steps of a {@link Solver}
 * with a given step size (for {@link Solver#TSIT5_ADAPTIVE}: integration to t = steps·stepSize with
 * error control). Every step is checked for NaN/infinite positions, and a blow-up stops the run
 * with a {@link RelaxationDivergedException} naming the step.
 */
public final class Relaxation {

    /** Receives the energy at recorded steps, and a tick every {@link #TICK} steps (for progress and cancellation). */
    public interface Monitor {
        /** The energy after {@code step} steps (step 0 is the start). */
        void record(int step, double time, double energy);

        /** Called every {@link #TICK} steps; may throw to stop the relaxation. */
        default void tick(int step, int steps) { }
    }

    /** How often {@link Monitor#tick} is called. */
    public static final int TICK = 250;

    /** Settings. */
    public record Settings(Solver solver, double ell0, int steps, double stepSize, int recordEvery,
                           double relativeTolerance, double absoluteTolerance) {
        public Settings {
            Objects.requireNonNull(solver, "solver");
            if (!(ell0 > 0) || !Double.isFinite(ell0)) throw new IllegalArgumentException("ℓ₀ must be positive, got " + ell0);
            if (steps < 0) throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
            if (!(stepSize > 0) || !Double.isFinite(stepSize)) throw new IllegalArgumentException("step size must be positive, got " + stepSize);
            if (recordEvery < 1) throw new IllegalArgumentException("recordEvery must be ≥ 1, got " + recordEvery);
        }

        /** Fixed-step settings (tolerances 1e-6 / 1e-9 for the adaptive solver). */
        public static Settings of(Solver solver, double ell0, int steps, double stepSize, int recordEvery) {
            return new Settings(solver, ell0, steps, stepSize, recordEvery, 1e-6, 1e-9);
        }
    }

    /** What a relaxation did: accepted steps (= steps for the fixed-step solvers), rejected ones, time reached. */
    public record Outcome(int acceptedSteps, int rejectedSteps, double time, double finalEnergy) { }

    private Relaxation() { }

    /** Relaxes {@code v} in place. */
    public static Outcome run(TutorialEnergy energy, double[] v, Settings s, Monitor monitor) {
        Objects.requireNonNull(monitor, "monitor");
        int n = energy.dimension();
        if (v.length != n) throw new IllegalArgumentException("positions need " + n + " entries, got " + v.length);
        requireFinite(v, 0, s, "the start");
        monitor.record(0, 0, energy.energy(v, s.ell0()));
        GradientFlow flow = new GradientFlow(energy, s.ell0());
        if (s.solver() == Solver.TSIT5_ADAPTIVE) {
            AdaptiveTsit5 solver = new AdaptiveTsit5(n, s.relativeTolerance(), s.absoluteTolerance());
            double duration = s.steps() * s.stepSize();
            if (s.steps() == 0) return new Outcome(0, 0, 0, energy.energy(v, s.ell0()));
            int[] lastRecorded = {0};
            AdaptiveTsit5.Statistics st;
            try {
                st = solver.integrate(flow, v, duration, s.stepSize(), 50 * s.steps() + 1000, (step, t, y) -> {
                    requireFinite(y, step, s, "accepted step " + step);
                    if (step % s.recordEvery() == 0) {
                        monitor.record(step, t, checkedEnergy(energy, y, step, s));
                        lastRecorded[0] = step;
                    }
                    if (step % TICK == 0) monitor.tick((int) Math.min(s.steps(), Math.round(t / s.stepSize())), s.steps());
                });
            } catch (IllegalStateException e) {
                throw new RelaxationDivergedException(e.getMessage(), -1);
            }
            double e = checkedEnergy(energy, v, st.acceptedSteps(), s);
            if (lastRecorded[0] != st.acceptedSteps()) monitor.record(st.acceptedSteps(), duration, e);
            return new Outcome(st.acceptedSteps(), st.rejectedSteps(), duration, e);
        }
        Stepper stepper = switch (s.solver()) {
            case GD -> new GradientDescent(n);
            case EULER -> new ExplicitEuler(n);
            case RK4 -> new RungeKutta4(n);
            case TSIT5 -> new Tsit5(n);
            case TSIT5_ADAPTIVE -> throw new AssertionError();
        };
        double e = Double.NaN;
        for (int step = 1; step <= s.steps(); step++) {
            stepper.step(flow, v, s.stepSize());
            requireFinite(v, step, s, "step " + step);
            if (step % s.recordEvery() == 0 || step == s.steps()) {
                e = checkedEnergy(energy, v, step, s);
                monitor.record(step, step * s.stepSize(), e);
            }
            if (step % TICK == 0) monitor.tick(step, s.steps());
        }
        if (s.steps() == 0) e = energy.energy(v, s.ell0());
        return new Outcome(s.steps(), 0, s.steps() * s.stepSize(), e);
    }

    private static double checkedEnergy(TutorialEnergy energy, double[] v, int step, Settings s) {
        double e = energy.energy(v, s.ell0());
        if (!Double.isFinite(e)) throw diverged(step, s, "the energy became " + e);
        return e;
    }

    private static void requireFinite(double[] v, int step, Settings s, String where) {
        double sum = 0;
        for (double x : v) sum += x * 0; // NaN·0 and ∞·0 are NaN, finite·0 is 0
        if (sum != 0) {
            if (step == 0) throw new IllegalArgumentException("the start positions are not finite");
            throw diverged(step, s, "the positions became NaN or infinite");
        }
    }

    private static RelaxationDivergedException diverged(int step, Settings s, String what) {
        return new RelaxationDivergedException("relaxation blew up at step " + step + " of " + s.steps() + " (t = "
                + (step * s.stepSize()) + "): " + what + " with solver " + s.solver().id() + " and step size " + s.stepSize()
                + "; use a smaller stepSize (explicit steps are stable only for stepSize·λ_max of the energy's Hessian below"
                + " about 2)", step);
    }
}
