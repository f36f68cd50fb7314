package org.physlab.oscillator.experiments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.FieldError;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.oscillator.data.ForceSweepImages;
import org.physlab.oscillator.duffing.DuffingBatch;
import org.physlab.oscillator.duffing.DuffingParameters;
import org.physlab.oscillator.duffing.DuffingSolver;
import org.physlab.oscillator.duffing.FrequencySweep;
import org.physlab.oscillator.duffing.LinearResponse;

/**
 * {@code oscillator.response}: the response |z| of a driven Duffing oscillator to a frequency sweep,
 * for one drive force or a family of forces (then also as a frequency × force map). Defaults are the
 * lecture's demonstration: omega0 0, gamma 0.5, epsilon 0.03, force 2, sweep -4 → 4 in t = 200 with
 * 400 steps, z0 = 0.01i, whose response peaks at |z| ≈ 7.899 at sample 298 before jumping down.
 */
public final class ResponseExperiment implements Experiment {
    public static final String ID = "oscillator.response";

    /** At most this many curves are drawn in the line chart of a family (the map shows them all). */
    static final int MAX_LINES = 10;

    @Override
    public ExperimentDescriptor descriptor() {
        ParameterSchema.Builder schema = ParameterSchema.builder()
                .group(OscillatorParameters.PHYSICS)
                .add(Parameter.real("omega0").defaultValue(0.0).help("resonance frequency omega0"))
                .add(Parameter.real("gamma").defaultValue(0.5).min(0).help("damping rate gamma (amplitude decays at gamma/2)"))
                .add(Parameter.real("epsilon").defaultValue(0.03).help("Duffing nonlinearity: the resonance shifts by epsilon |z|^2"))
                .add(Parameter.reals("force").defaultValue("2.0").minLength(1).check(OscillatorParameters::intervalProblem)
                        .help("drive force; two values low,high give a family of forceCount forces"))
                .add(Parameter.integer("forceCount").defaultValue(1).range(1, 2000)
                        .help("number of forces in a family (1 for a single sweep)"));
        OscillatorParameters.addInitialAmplitude(schema, 0.0, 0.01, "the lecture's demo starts at 0.01i");
        OscillatorParameters.addSweep(schema);
        schema.constraint(p -> OscillatorParameters.memoryProblem("forceCount", p.getInt("forceCount"), p.getInt("steps")));
        schema.constraint(ResponseExperiment::forceProblem);
        return ExperimentDescriptor.builder(ID)
                .title("Duffing oscillator: response to a frequency sweep")
                .description("Integrates dz/dt = (-i(omega0 - omega(t)) - gamma/2) z - i epsilon |z|^2 z + i F with RK4 "
                        + "while the drive frequency omega(t) sweeps linearly, and plots |z| against omega: the tilted "
                        + "Duffing resonance and its jump. A force range gives a family of sweeps and the "
                        + "frequency x force map. The response.csv artifact can be fed to oscillator.predict.")
                .reference(OscillatorParameters.LECTURE)
                .parameters(schema.build())
                .build();
    }

    private static FieldError forceProblem(Parameters p) {
        int n = p.getDoubles("force").length;
        int count = p.getInt("forceCount");
        if (n == 1 && count > 1) return FieldError.of("forceCount", "a family of forces needs force as a range low,high");
        if (n == 2 && count < 2) return FieldError.of("forceCount", "a force range needs forceCount of at least 2, got " + count);
        return null;
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        FrequencySweep sweep = OscillatorParameters.sweep(p);
        double[] forceRange = p.getDoubles("force");
        double[] forces = forceRange.length == 1 ? forceRange
                : ForceSweepImages.linspace(forceRange[0], forceRange[1], p.getInt("forceCount"));
        DuffingParameters base = new DuffingParameters(p.getDouble("omega0"), p.getDouble("gamma"), p.getDouble("epsilon"), forces[0]);
        DuffingBatch batch = DuffingBatch.ofSize(forces.length);
        for (int i = 0; i < forces.length; i++) batch.set(i, base.withForce(forces[i]));

        run.progress(0, "integrating " + forces.length + " sweep(s)");
        long t0 = System.nanoTime();
        double[] abs;
        try (DuffingSolver solver = new DuffingSolver(sweep, run.compute().javaThreads())) {
            abs = solver.amplitudes(batch, p.getDouble("z0Re"), p.getDouble("z0Im"));
        }
        run.log().info("RK4: %d sweep(s) x %d steps in %.1f ms", forces.length, sweep.steps(), (System.nanoTime() - t0) / 1e6);
        int steps = sweep.steps();
        double[] omegas = sweep.frequencies();

        run.artifact(lineChart(sweep, base, forces, abs, omegas));
        if (forces.length > 1) {
            double[][] map = new double[forces.length][];
            for (int i = 0; i < forces.length; i++) map[i] = java.util.Arrays.copyOfRange(abs, i * steps, (i + 1) * steps);
            run.artifact(new Artifact.Heatmap("response-map", "|z| over drive frequency and force", map,
                    omegas[0], omegas[steps - 1], forces[0], forces[forces.length - 1], "drive frequency ω", "force F", "|z|"));
        }
        run.artifact(csv(forces, abs, steps, omegas));

        // headline numbers for the strongest drive (the last row)
        int last = forces.length - 1;
        int peak = 0;
        for (int k = 1; k < steps; k++) if (abs[last * steps + k] > abs[last * steps + peak]) peak = k;
        run.progress(1, "done");
        return Summary.builder()
                .put("peakAmplitude", abs[last * steps + peak])
                .put("peakIndex", peak)
                .put("peakFrequency", omegas[peak])
                .put("firstAmplitude", abs[last * steps])
                .put("lastAmplitude", abs[last * steps + steps - 1])
                .put("forces", forces.length)
                .build();
    }

    private static Artifact.LineChart lineChart(FrequencySweep sweep, DuffingParameters base, double[] forces, double[] abs,
                                                double[] omegas) {
        int steps = sweep.steps();
        List<Artifact.Series> series = new ArrayList<>();
        int lines = Math.min(MAX_LINES, forces.length);
        for (int l = 0; l < lines; l++) {
            // evenly spaced rows, always including the first and the last force
            int i = lines == 1 ? forces.length - 1 : (int) Math.round(l * (forces.length - 1) / (double) (lines - 1));
            series.add(new Artifact.Series(String.format(Locale.ROOT, "F = %.4g", forces[i]), omegas.clone(),
                    java.util.Arrays.copyOfRange(abs, i * steps, (i + 1) * steps)));
        }
        if (forces.length == 1) {
            series.add(new Artifact.Series("linear steady state (ε = 0)", omegas.clone(),
                    LinearResponse.alongSweep(base.withForce(forces[0]), sweep)));
        }
        return new Artifact.LineChart("response", "Duffing response |z| during the sweep", "drive frequency ω", "|z|",
                false, false, series);
    }

    /** One row per force: the |z| samples; comment lines give the frequencies. Readable by oscillator.predict. */
    private static Artifact.FileArtifact csv(double[] forces, double[] abs, int steps, double[] omegas) {
        StringBuilder b = new StringBuilder();
        b.append("# Duffing response |z|: one row per force, one column per sample\n");
        b.append(String.format(Locale.ROOT, "# drive frequency from %s to %s over %d samples%n", omegas[0], omegas[steps - 1], steps));
        b.append("# forces: ");
        for (int i = 0; i < forces.length; i++) b.append(i == 0 ? "" : ",").append(forces[i]);
        b.append('\n');
        for (int i = 0; i < forces.length; i++) {
            for (int k = 0; k < steps; k++) b.append(k == 0 ? "" : ",").append(abs[i * steps + k]);
            b.append('\n');
        }
        return new Artifact.FileArtifact("response.csv", "Response |z| as CSV (one row per force)", "text/csv",
                "response.csv", b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
