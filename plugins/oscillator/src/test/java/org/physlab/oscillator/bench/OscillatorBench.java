package org.physlab.oscillator.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.physlab.api.Experiment;
import org.physlab.api.Summary;
import org.physlab.oscillator.data.ParameterPrior;
import org.physlab.oscillator.data.ResponseCurves;
import org.physlab.oscillator.duffing.DuffingBatch;
import org.physlab.oscillator.duffing.DuffingParameters;
import org.physlab.oscillator.duffing.DuffingSolver;
import org.physlab.oscillator.duffing.FrequencySweep;
import org.physlab.oscillator.experiments.CurveMlpExperiment;
import org.physlab.oscillator.experiments.ImageCnnExperiment;
import org.physlab.oscillator.experiments.OverfittingExperiment;
import org.physlab.oscillator.experiments.ResponseExperiment;
import org.physlab.testkit.InMemoryRunContext;

/**
 * Benchmark and acceptance run of the oscillator plugin, from the command line (see the plugin's
 * README): prints simulation and training times separately, ratios against a baseline measured in
 * the same run, and checks the acceptance numbers (printing PASS/MISS, never failing a build).
 *
 * <pre>
 *   plugins/oscillator/bench.sh                 # everything (the 2000-batch CNN takes minutes)
 *   plugins/oscillator/bench.sh simulation mlp  # only some sections
 * </pre>
 * Sections: simulation, mlp-default, mlp-2000, overfitting, early-stopping, cnn-2000, cnn-noiseless, determinism.
 */
public final class OscillatorBench {

    private static final List<String> ALL = List.of("simulation", "mlp-default", "mlp-2000", "overfitting", "early-stopping",
            "cnn-2000", "determinism");

    private final List<String> verdicts = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        List<String> sections = args.length == 0 ? ALL : List.of(args);
        OscillatorBench bench = new OscillatorBench();
        System.out.printf(Locale.ROOT, "Oscillator bench: %d cores, OMP_NUM_THREADS=%s, load average %.2f, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getenv("OMP_NUM_THREADS"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        for (String s : sections) {
            System.out.println();
            System.out.println("== " + s);
            switch (s) {
                case "simulation" -> bench.simulation();
                case "mlp-default" -> bench.mlpDefault();
                case "mlp-2000" -> bench.mlp2000();
                case "overfitting" -> bench.overfitting();
                case "early-stopping" -> bench.earlyStopping();
                case "cnn-2000" -> bench.cnn(2000, Map.of(), "cnn-2000");
                case "cnn-noiseless" -> bench.cnn(2000, Map.of("noise", 0.0), "cnn-noiseless");
                case "determinism" -> bench.determinism();
                default -> throw new IllegalArgumentException("unknown section " + s + "; known: " + ALL + " and cnn-noiseless");
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("== verdicts");
        bench.verdicts.forEach(System.out::println);
    }

    private void verdict(boolean ok, String what) {
        verdicts.add((ok ? "PASS  " : "MISS  ") + what);
        System.out.println((ok ? "PASS  " : "MISS  ") + what);
    }

    // ---- simulation -----------------------------------------------------------------------

    private void simulation() {
        SplittableRandom random = new SplittableRandom(1);
        DuffingParameters[] oscillators = new DuffingParameters[32];
        for (int i = 0; i < 32; i++) {
            oscillators[i] = new DuffingParameters(random.nextDouble(-1, 1), random.nextDouble(0.5, 1.5), random.nextDouble(0, 0.15), 1.0);
        }
        DuffingBatch batch = DuffingBatch.of(List.of(oscillators));
        FrequencySweep sweep = FrequencySweep.LECTURE;
        DuffingSolver single = new DuffingSolver(sweep);
        double javaMs = timeMs(() -> single.amplitudes(batch, 0, 0), 300);
        double nd4jMs = timeMs(() -> Nd4jRk4.amplitudes(oscillators, sweep, 0, 0), 5);
        double[] a = single.amplitudes(batch, 0, 0);
        double[] b = Nd4jRk4.amplitudes(oscillators, sweep, 0, 0);
        double diff = 0;
        for (int i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i] - b[i]));
        System.out.printf(Locale.ROOT, "one training batch, 32 curves x 400 RK4 steps: plain Java %.3f ms, ND4J ops %.1f ms "
                + "(%.0fx slower; same curves to %.1e)%n", javaMs, nd4jMs, nd4jMs / javaMs, diff);
        ResponseCurves curves = new ResponseCurves(ParameterPrior.LECTURE, 1.0, single, 50, 0, 0, 0);
        double withResize = timeMs(() -> curves.next(random, 32), 300);
        System.out.printf(Locale.ROOT, "one training batch including draw and resize to 50 bins: %.3f ms%n", withResize);

        // one CNN batch: 16 oscillators x 50 forces
        DuffingBatch images = DuffingBatch.ofSize(800);
        for (int i = 0; i < 800; i++) images.set(i, oscillators[i % 32].withForce(0.1 + 1.9 * (i % 50) / 49.0));
        double oneThread = timeMs(() -> single.amplitudes(images, 0, 0.01), 20);
        int threads = Runtime.getRuntime().availableProcessors();
        try (DuffingSolver parallel = new DuffingSolver(sweep, threads)) {
            double many = timeMs(() -> parallel.amplitudes(images, 0, 0.01), 20);
            double smallParallel = timeMs(() -> parallel.amplitudes(batch, 0, 0), 300);
            System.out.printf(Locale.ROOT, "one CNN batch, 800 curves x 400 steps: 1 thread %.2f ms, %d threads %.2f ms (%.2fx); "
                    + "%.1f ns per oscillator-step on 1 thread%n", oneThread, threads, many, oneThread / many, oneThread * 1e6 / (800 * 400));
            System.out.printf(Locale.ROOT, "32-curve batch on %d threads: %.3f ms (below the %d-step threshold it stays on one)%n",
                    threads, smallParallel, DuffingSolver.PARALLEL_MIN_STEPS);
        }
    }

    private static double timeMs(Runnable r, int reps) {
        for (int i = 0; i < Math.max(3, reps / 5); i++) r.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) r.run();
        return (System.nanoTime() - t0) / 1e6 / reps;
    }

    // ---- experiments ----------------------------------------------------------------------

    private record Timed(Summary summary, double wallSeconds, double cpuSeconds, InMemoryRunContext run) { }

    private static Timed run(Experiment experiment, Map<String, ?> parameters, long seed) throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(experiment, parameters, seed);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Summary s = run.execute();
        Timed t = new Timed(s, (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9, run);
        System.out.printf(Locale.ROOT, "%s %s seed %d: %.2f s wall, %.2f s CPU (all threads)%n", experiment.descriptor().id(),
                parameters, seed, t.wallSeconds, t.cpuSeconds);
        run.logLines().forEach(l -> System.out.println("   " + l));
        s.metrics().forEach((k, v) -> System.out.printf(Locale.ROOT, "   %-24s %.6g%n", k, v));
        return t;
    }

    private void mlpDefault() throws Exception {
        run(new CurveMlpExperiment(), Map.of(), 1);   // warm-up: JIT and ND4J start-up
        Timed t = run(new CurveMlpExperiment(), Map.of(), 7);
        verdict(t.summary.metrics().get("finalLoss") < 0.1,
                String.format(Locale.ROOT, "curve-mlp defaults: final training loss %.4f <~ 0.1 (lecture ~0.05)", t.summary.metrics().get("finalLoss")));
        System.out.printf(Locale.ROOT, "default curve-mlp run (100 batches of 32): %.2f s%n", t.wallSeconds);
    }

    private void mlp2000() throws Exception {
        Timed t = run(new CurveMlpExperiment(), Map.of("batches", 2000), 7);
        Map<String, Double> m = t.summary.metrics();
        verdict(m.get("validationLoss") < 0.02, String.format(Locale.ROOT,
                "curve-mlp 2000 batches: validation loss per sample %.4f < 0.02", m.get("validationLoss")));
        verdict(m.get("correlationOmega0") > 0.95 && m.get("correlationGamma") > 0.95, String.format(Locale.ROOT,
                "curve-mlp 2000 batches: correlation omega0 %.4f, gamma %.4f > 0.95", m.get("correlationOmega0"), m.get("correlationGamma")));
        verdict(t.wallSeconds < 10, String.format(Locale.ROOT, "curve-mlp 2000 batches in %.2f s (< 10 s)", t.wallSeconds));
    }

    private void overfitting() throws Exception {
        Timed t = run(new OverfittingExperiment(), Map.of(), 42);
        Map<String, Double> m = t.summary.metrics();
        verdict(m.get("finalTrainLoss") < m.get("finalFreshLoss"), String.format(Locale.ROOT,
                "overfitting: training-set loss %.5f below fresh-data loss %.5f", m.get("finalTrainLoss"), m.get("finalFreshLoss")));
        verdict(t.wallSeconds < 5, String.format(Locale.ROOT, "overfitting 1000 epochs in %.2f s (< 5 s; lecture, JAX: 7 s)", t.wallSeconds));
    }

    private void earlyStopping() throws Exception {
        Timed t = run(new OverfittingExperiment(), Map.of("validationFraction", 0.25, "patience", 20), 42);
        Map<String, Double> m = t.summary.metrics();
        verdict(m.get("stoppedEarly") == 1.0, String.format(Locale.ROOT, "early stopping stopped after %.0f of 1000 epochs (best epoch %.0f)",
                m.get("epochsRun"), m.get("bestEpoch")));
    }

    private void cnn(int batches, Map<String, ?> extra, String label) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>(extra);
        p.put("batches", batches);
        Timed t = run(new ImageCnnExperiment(), p, 7);
        Map<String, Double> m = t.summary.metrics();
        verdict(m.get("finalLoss") < 0.02 * 1.5, String.format(Locale.ROOT,
                "%s: final training loss %.4f <~ 0.02 (lecture ~1e-2; noise-free ~2e-3); validation %.4f", label,
                m.get("finalLoss"), m.get("validationLoss")));
        verdict(t.wallSeconds < 60, String.format(Locale.ROOT, "%s: %d batches in %.1f s (< 60 s)", label, batches, t.wallSeconds));
    }

    private void determinism() throws Exception {
        Summary a = run(new CurveMlpExperiment(), Map.of("batches", 200), 7).summary;
        Summary b = run(new CurveMlpExperiment(), Map.of("batches", 200), 7).summary;
        verdict(a.metrics().equals(b.metrics()), "curve-mlp batches=200 seed 7 twice: identical summaries");
        run(new ResponseExperiment(), Map.of(), 1);
    }
}
