package ${package};

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.FieldError;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;

/**
 * The period of a damped pendulum released from rest, found by integrating its equation of motion
 * with the classical Runge–Kutta method and timing successive upward swings through the vertical.
 *
 * <p>Physlab creates one instance with the public no-argument constructor and runs it many times,
 * possibly concurrently: everything a run needs lives in local variables. The class is listed in
 * {@code src/main/resources/META-INF/services/org.physlab.api.Experiment}; add a line there for
 * every further experiment of this plugin.
 */
public final class DampedPendulum implements Experiment {

    /** Scripts and stored runs call the experiment by this id: keep it once people use it. */
    public static final String ID = "${pluginNamespace}.period";

    /** Standard gravity g in m/s². */
    public static final double GRAVITY = 9.80665;

    /** The trajectory chart keeps at most this many points; longer runs are thinned evenly. */
    private static final int CHART_POINTS = 2000;

    @Override
    public ExperimentDescriptor descriptor() {
        return ExperimentDescriptor.builder(ID)
                .title("Period of a damped pendulum")
                .description("Integrates θ'' = −(g/L)·sin θ − γ·θ' with RK4 from rest at the initial angle, "
                        + "measures the period between upward zero crossings and compares it with the "
                        + "small-angle period 2π·√(L/g), which ignores amplitude and damping.")
                .reference("Pendulum (mechanics): large-amplitude period", "https://en.wikipedia.org/wiki/Pendulum_(mechanics)")
                .reference("Runge–Kutta methods: the classical fourth-order method", "https://en.wikipedia.org/wiki/Runge%E2%80%93Kutta_methods")
                .parameters(ParameterSchema.builder()
                        .group("Pendulum")
                        .add(Parameter.real("length").defaultValue(1.0).range(1e-3, 1e3).unit("m")
                                .help("Distance from the pivot to the bob."))
                        .add(Parameter.real("damping").defaultValue(0.1).range(0, 100).unit("1/s")
                                .help("γ: friction per unit angular velocity; 0 for an ideal pendulum."))
                        .add(Parameter.real("initialAngle").defaultValue(30.0).range(0.1, 179).unit("deg")
                                .help("Angle to the vertical at which the bob is released at rest."))
                        .group("Integration")
                        .add(Parameter.integer("steps").defaultValue(4000).range(10, 10_000_000)
                                .help("Number of RK4 steps; the run covers steps·dt seconds."))
                        .add(Parameter.real("dt").defaultValue(0.005).range(1e-6, 0.1).unit("s")
                                .help("Time step of the integrator."))
                        .constraint(DampedPendulum::timeStepResolvesSwing)
                        .build())
                .build();
    }

    /** RK4 is accurate only with many steps per swing: dt may be at most a fiftieth of the period. */
    private static FieldError timeStepResolvesSwing(Parameters p) {
        double length = p.getDouble("length");
        double maxDt = smallAnglePeriod(length) / 50;
        return p.getDouble("dt") <= maxDt ? null : FieldError.of("dt", String.format(
                "must be at most %.3g s (a fiftieth of the small-angle period) for a %s m pendulum", maxDt, length));
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        double length = p.getDouble("length");
        double damping = p.getDouble("damping");
        double theta0 = Math.toRadians(p.getDouble("initialAngle"));
        int steps = p.getInt("steps");
        double dt = p.getDouble("dt");
        run.log().info("Releasing a %s m pendulum from %s° (damping %s 1/s): %d RK4 steps of %s s",
                length, p.getDouble("initialAngle"), damping, steps, dt);

        double[] state = {theta0, 0.0};                      // θ in rad, ω = dθ/dt in rad/s
        double startEnergy = energyPerMass(state, length);
        List<Double> upwardCrossings = new ArrayList<>();    // times at which θ passes 0 going up

        int stride = (steps + CHART_POINTS) / CHART_POINTS;  // ⌈(steps + 1) / CHART_POINTS⌉ with t = 0
        double[] chartTime = new double[steps / stride + 2];
        double[] chartAngle = new double[chartTime.length];
        int charted = 0;
        chartAngle[charted++] = Math.toDegrees(theta0);
        int reportEvery = Math.max(1, steps / 100);

        for (int step = 1; step <= steps; step++) {
            run.checkCancelled();
            double before = state[0];
            rk4Step(state, length, damping, dt);
            double t = step * dt;
            if (before < 0 && state[0] >= 0) {
                upwardCrossings.add(t - dt * state[0] / (state[0] - before));   // linear interpolation
            }
            run.metric("angle", step, Math.toDegrees(state[0]));
            run.metric("energy", step, energyPerMass(state, length));
            if (step % stride == 0) {
                chartTime[charted] = t;
                chartAngle[charted++] = Math.toDegrees(state[0]);
            }
            if (step % reportEvery == 0 || step == steps) {
                run.progress((double) step / steps, "step " + step + "/" + steps);
            }
        }

        double[] times = Arrays.copyOf(chartTime, charted);
        List<Artifact.Series> series = new ArrayList<>();
        series.add(new Artifact.Series("RK4", times, Arrays.copyOf(chartAngle, charted)));
        double[] linear = smallAngleSolution(theta0, length, damping, times);
        if (linear != null) {
            series.add(new Artifact.Series("small-angle theory", times, linear));
        }
        run.artifact(new Artifact.LineChart("trajectory", "Angle against time", "t [s]", "θ [deg]",
                false, false, series));

        double smallAnglePeriod = smallAnglePeriod(length);
        Summary.Builder summary = Summary.builder();
        if (upwardCrossings.size() >= 2) {
            double first = upwardCrossings.get(0);
            double last = upwardCrossings.get(upwardCrossings.size() - 1);
            double period = (last - first) / (upwardCrossings.size() - 1);
            summary.put("period", period).put("periodRatio", period / smallAnglePeriod);
            run.log().info("Period %.6f s, %.4f times the small-angle period", period, period / smallAnglePeriod);
        } else {
            run.log().warn("Only %d upward swing(s) in %s s: no period measured (overdamped, or too few steps)",
                    upwardCrossings.size(), steps * dt);
        }
        return summary
                .put("smallAnglePeriod", smallAnglePeriod)
                .put("swings", upwardCrossings.size())
                .put("finalAngle", Math.toDegrees(state[0]))
                .put("energyRetained", energyPerMass(state, length) / startEnergy)
                .build();
    }

    // Equation of motion, with ω = dθ/dt, γ the damping rate and g/L = ω₀²:
    //     dθ/dt = ω
    //     dω/dt = −(g/L)·sin θ − γ·ω
    // Classical RK4 for y = (θ, ω), y' = f(y):
    //     k₁ = f(y), k₂ = f(y + dt/2·k₁), k₃ = f(y + dt/2·k₂), k₄ = f(y + dt·k₃)
    //     y ← y + dt/6·(k₁ + 2k₂ + 2k₃ + k₄)           (error per step O(dt⁵))
    // Energy per unit mass: E/m = ½·(L·ω)² + g·L·(1 − cos θ); damping makes it fall monotonically.

    /** Advances {@code y = (θ, ω)} by one RK4 step of length {@code dt}, in place. */
    static void rk4Step(double[] y, double length, double damping, double dt) {
        double theta = y[0];
        double omega = y[1];
        double k1t = omega;
        double k1w = angularAcceleration(theta, omega, length, damping);
        double k2t = omega + dt / 2 * k1w;
        double k2w = angularAcceleration(theta + dt / 2 * k1t, k2t, length, damping);
        double k3t = omega + dt / 2 * k2w;
        double k3w = angularAcceleration(theta + dt / 2 * k2t, k3t, length, damping);
        double k4t = omega + dt * k3w;
        double k4w = angularAcceleration(theta + dt * k3t, k4t, length, damping);
        y[0] = theta + dt / 6 * (k1t + 2 * k2t + 2 * k3t + k4t);
        y[1] = omega + dt / 6 * (k1w + 2 * k2w + 2 * k3w + k4w);
    }

    private static double angularAcceleration(double theta, double omega, double length, double damping) {
        return -GRAVITY / length * Math.sin(theta) - damping * omega;
    }

    static double energyPerMass(double[] y, double length) {
        double speed = length * y[1];
        return 0.5 * speed * speed + GRAVITY * length * (1 - Math.cos(y[0]));
    }

    /** T₀ = 2π·√(L/g): the period of small, undamped swings. */
    public static double smallAnglePeriod(double length) {
        return 2 * Math.PI * Math.sqrt(length / GRAVITY);
    }

    /**
     * The linearised solution (sin θ ≈ θ) from rest in degrees,
     * θ(t) = θ₀·e^(−γt/2)·(cos ω_d t + γ/(2ω_d)·sin ω_d t) with ω_d = √(g/L − γ²/4),
     * or {@code null} when the pendulum is not underdamped and does not swing at all.
     */
    private static double[] smallAngleSolution(double theta0, double length, double damping, double[] times) {
        double omegaSquared = GRAVITY / length - damping * damping / 4;
        if (omegaSquared <= 0) {
            return null;
        }
        double omegaD = Math.sqrt(omegaSquared);
        double[] angle = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            angle[i] = Math.toDegrees(theta0 * Math.exp(-damping * t / 2)
                    * (Math.cos(omegaD * t) + damping / (2 * omegaD) * Math.sin(omegaD * t)));
        }
        return angle;
    }
}
