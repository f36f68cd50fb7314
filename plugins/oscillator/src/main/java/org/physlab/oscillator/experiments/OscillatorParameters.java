package org.physlab.oscillator.experiments;

import java.util.Locale;
import org.physlab.api.FieldError;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.Reference;
import org.physlab.oscillator.data.ParameterPrior;
import org.physlab.oscillator.duffing.FrequencySweep;
import org.physlab.oscillator.nets.Engine;
import org.physlab.oscillator.nets.Precision;

/**
 * The parameters the oscillator experiments share, with the lecture's defaults, and the reading of
 * validated values into the domain types.
 */
final class OscillatorParameters {
    private OscillatorParameters() { }

    /** The lecture every experiment of this plugin implements. */
    static final Reference LECTURE = new Reference(
            "F. Marquardt, Machine Learning Crash Course for Physicists in Three Easy Lessons, ICTP Trieste 2024, "
                    + "lesson 3: a full-fledged application to physics (driven Duffing oscillator)",
            "https://florianmarquardt.github.io/MachineLearningThreeEasyLessons/intro.html");

    static final String PHYSICS = "Physics";
    static final String SWEEP = "Sweep";
    static final String DATA = "Training data";
    static final String NETWORK = "Network";
    static final String TRAINING = "Training";

    /** The longest sweep accepted. */
    static final int MAX_STEPS = 200_000;

    /** At most this many |z| samples are simulated at once (20 M doubles = 160 MB). */
    static final long MAX_SAMPLES_AT_ONCE = 20_000_000L;

    // ---- sweep --------------------------------------------------------------------------

    /** omegaStart, omegaStop, tEnd, steps: the lecture's sweep -4 → 4 over t = 200 in 400 RK4 steps. */
    static void addSweep(ParameterSchema.Builder schema) {
        schema.group(SWEEP)
                .add(Parameter.real("omegaStart").defaultValue(-4.0)
                        .help("drive frequency at the start of the sweep (rotating frame)"))
                .add(Parameter.real("omegaStop").defaultValue(4.0)
                        .help("drive frequency at the end of the sweep; the frequency changes linearly in time"))
                .add(Parameter.real("tEnd").defaultValue(200.0).check(v -> (Double) v > 0 ? null : "must be positive, got " + v)
                        .help("duration of the sweep"))
                .add(Parameter.integer("steps").defaultValue(400).range(2, MAX_STEPS)
                        .help("RK4 steps (= samples) over the sweep; dt = tEnd / (steps - 1)"));
    }

    static FrequencySweep sweep(Parameters p) {
        return new FrequencySweep(p.getDouble("omegaStart"), p.getDouble("omegaStop"), p.getDouble("tEnd"), p.getInt("steps"));
    }

    static void addInitialAmplitude(ParameterSchema.Builder schema, double re, double im, String help) {
        schema.group(PHYSICS)
                .add(Parameter.real("z0Re").defaultValue(re).help("initial amplitude z(0), real part; " + help))
                .add(Parameter.real("z0Im").defaultValue(im).help("initial amplitude z(0), imaginary part"));
    }

    /**
     * A check that {@code curves} trajectories of {@code steps} samples fit in memory at once, naming
     * {@code parameter} (the count to lower) in the error.
     */
    static FieldError memoryProblem(String parameter, long curves, long steps) {
        if (curves * steps <= MAX_SAMPLES_AT_ONCE) return null;
        return FieldError.of(parameter, String.format(Locale.ROOT,
                "%d curves x %d steps = %d samples at once exceed the limit of %d; lower %s or steps",
                curves, steps, curves * steps, MAX_SAMPLES_AT_ONCE, parameter));
    }

    // ---- the prior of the inferred parameters ---------------------------------------------

    /** omega0, gamma, epsilon as intervals [low, high] (one value fixes the parameter). */
    static void addPrior(ParameterSchema.Builder schema) {
        schema.group(DATA)
                .add(Parameter.reals("omega0").defaultValue("-1,1").minLength(1).check(OscillatorParameters::intervalProblem)
                        .help("training oscillators draw omega0 uniformly from this range low,high (one value fixes it)"))
                .add(Parameter.reals("gamma").defaultValue("0.5,1.5").minLength(1).min(0).check(OscillatorParameters::intervalProblem)
                        .help("range of the damping rate gamma (at least 0)"))
                .add(Parameter.reals("epsilon").defaultValue("0,0.15").minLength(1).check(OscillatorParameters::intervalProblem)
                        .help("range of the Duffing nonlinearity epsilon"));
    }

    static ParameterPrior prior(Parameters p) {
        return new ParameterPrior(interval(p.getDoubles("omega0")), interval(p.getDoubles("gamma")),
                interval(p.getDoubles("epsilon")));
    }

    static ParameterPrior.Interval interval(double[] v) {
        return new ParameterPrior.Interval(v[0], v.length == 1 ? v[0] : v[1]);
    }

    /** A range is one value, or two values low,high with high at least low. */
    static String intervalProblem(Object value) {
        double[] v = (double[]) value;
        if (v.length > 2) return "must be a range low,high (or one value), got " + v.length + " values";
        if (v.length == 2 && v[1] < v[0]) {
            return String.format(Locale.ROOT, "is an empty range: high %s is below low %s", v[1], v[0]);
        }
        return null;
    }

    // ---- training -----------------------------------------------------------------------

    static void addNetworkPrecision(ParameterSchema.Builder schema) {
        schema.group(NETWORK)
                .add(Parameter.choice("precision", "float32", "float64")
                        .help("floating-point type of the network (the lecture's JAX default is float32); "
                                + "the simulation always runs in float64"));
    }

    static Precision precision(Parameters p) {
        return Precision.parse(p.getString("precision"));
    }

    /**
     * {@code engine}: plain Java (the default: 17–39 times faster per MLP step and ~8 times per CNN step
     * than DL4J in float32 on the 2-core machine, see the README) or DL4J. The saved model is a DL4J
     * network either way.
     */
    static void addEngine(ParameterSchema.Builder schema) {
        schema.group(NETWORK)
                .add(Parameter.choice("engine", Engine.JAVA.label(), Engine.DL4J.label())
                        .help("what trains the network: plain Java loops (fast for these tiny networks) or DL4J; "
                                + "the saved model is a DL4J network either way"));
    }

    static Engine engine(Parameters p) {
        return Engine.parse(p.getString("engine"));
    }

    static Parameter.Builder learningRate() {
        return Parameter.real("learningRate").defaultValue(1e-3)
                .check(v -> (Double) v > 0 ? null : "must be positive, got " + v)
                .help("Adam step size (beta1 0.9, beta2 0.999, eps 1e-8)");
    }

    static Parameter.Builder noise(double defaultValue, String where) {
        return Parameter.real("noise").defaultValue(defaultValue).min(0)
                .help("standard deviation of Gaussian noise added to " + where + " after resizing");
    }

    static Parameter.Builder bins(String help) {
        return Parameter.integer("bins").defaultValue(50).range(2, 10_000).help(help);
    }
}
