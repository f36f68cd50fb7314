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
import org.physlab.oscillator.data.CurveBatch;
import org.physlab.oscillator.data.ForceSweepImages;
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
import org.physlab.oscillator.nets.CurveMlp;
import org.physlab.oscillator.nets.Engine;
import org.physlab.oscillator.nets.ForceSweepCnn;
import org.physlab.oscillator.nets.NetworkTrainer;
import org.physlab.oscillator.nets.Precision;
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
 * Sections: simulation, engines, mlp-default, mlp-2000, overfitting, early-stopping, cnn-2000, determinism; on request
 * also cnn-noiseless and cnn-2000-dl4j (the 2000-batch CNN trained by DL4J: over 3 minutes).
 * Full-length runs use the default engine (plain Java) and, where it takes seconds, DL4J as well for the ratio.
 */
public final class OscillatorBench {

    private static final List<String> ALL = List.of("simulation", "engines", "mlp-default", "mlp-2000", "overfitting",
            "early-stopping", "cnn-2000", "determinism");

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
                case "engines" -> bench.engines();
                case "mlp-default" -> bench.mlpDefault();
                case "mlp-2000" -> bench.mlp2000();
                case "overfitting" -> bench.overfitting();
                case "early-stopping" -> bench.earlyStopping();
                case "cnn-2000" -> bench.cnn(2000, Map.of(), "cnn-2000");
                case "cnn-noiseless" -> bench.cnn(2000, Map.of("noise", 0.0), "cnn-noiseless");
                case "cnn-2000-dl4j" -> bench.cnnDl4j(2000);
                case "determinism" -> bench.determinism();
                default -> throw new IllegalArgumentException("unknown section " + s + "; known: " + ALL
                        + ", cnn-noiseless and cnn-2000-dl4j");
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

    // ---- training engines: one step on identical batches ---------------------------------------

    /** Wall and CPU milliseconds per training step of each engine, and their ratio. */
    private void engines() {
        ResponseCurves curves = new ResponseCurves(ParameterPrior.LECTURE, 1.0, new DuffingSolver(FrequencySweep.LECTURE), 50, 0, 0, 0);
        CurveBatch curves32 = curves.next(new SplittableRandom(3), 32);
        CurveBatch curves16 = curves32.slice(0, 16);
        ForceSweepImages images = new ForceSweepImages(ParameterPrior.LECTURE, 0.1, 2.0, 50, new DuffingSolver(FrequencySweep.LECTURE),
                50, 0.5, 0, 0.01);
        CurveBatch images16 = images.next(new SplittableRandom(4), 16);
        for (Precision precision : Precision.values()) {
            compareEngines("MLP [50,100,3], batch 32 (curve-mlp)", precision, 400, 100,
                    e -> CurveMlp.trainer(e, 50, new int[] {100}, 1e-3, 0, precision, 1, new SplittableRandom(1)), curves32);
            compareEngines("MLP [50,100,3], batch 16 (overfitting)", precision, 400, 100,
                    e -> CurveMlp.trainer(e, 50, new int[] {100}, 1e-3, 0, precision, 1, new SplittableRandom(1)), curves16);
            compareEngines("CNN [3,30,30,30,10]+[40,50,3], batch 16 (image-cnn)", precision, 100, 15,
                    e -> ForceSweepCnn.trainer(e, 50, 50, new int[] {30, 30, 30, 10}, new int[] {50}, 1e-3, precision, 1,
                            new SplittableRandom(1)), images16);
        }
    }

    private static void compareEngines(String what, Precision precision, int javaSteps, int dl4jSteps,
                                       java.util.function.Function<Engine, NetworkTrainer> make, CurveBatch batch) {
        double[][] ms = new double[2][];
        for (Engine engine : List.of(Engine.JAVA, Engine.DL4J)) {
            NetworkTrainer trainer = make.apply(engine);
            int steps = engine == Engine.JAVA ? javaSteps : dl4jSteps;
            for (int i = 0; i < Math.max(5, steps / 5); i++) trainer.fit(batch);     // warm-up: JIT, buffers, workspaces
            ms[engine.ordinal()] = stepMs(trainer, batch, steps);
        }
        double[] j = ms[Engine.JAVA.ordinal()];
        double[] d = ms[Engine.DL4J.ordinal()];
        System.out.printf(Locale.ROOT, "%s, %s: java %.3f ms/step (CPU %.3f), dl4j %.3f ms/step (CPU %.3f): java %.1fx faster (CPU %.1fx)%n",
                what, precision.label(), j[0], j[1], d[0], d[1], d[0] / j[0], d[1] / j[1]);
    }

    /** {wall, CPU of this thread} milliseconds per step. */
    private static double[] stepMs(NetworkTrainer trainer, CurveBatch batch, int steps) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) trainer.fit(batch);
        return new double[] {(System.nanoTime() - t0) / 1e6 / steps, (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / steps};
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
        Timed d = run(new CurveMlpExperiment(), Map.of("batches", 2000, "engine", "dl4j"), 7);
        compare("curve-mlp 2000 batches", t, d);
    }

    /** Prints both engines' wall and CPU times of the same experiment and their ratio. */
    private static void compare(String what, Timed java, Timed dl4j) {
        System.out.printf(Locale.ROOT, "%s: java %.2f s (CPU %.2f s), dl4j %.2f s (CPU %.2f s): java %.1fx faster (CPU %.1fx)%n", what,
                java.wallSeconds, java.cpuSeconds, dl4j.wallSeconds, dl4j.cpuSeconds, dl4j.wallSeconds / java.wallSeconds,
                dl4j.cpuSeconds / java.cpuSeconds);
    }

    private void overfitting() throws Exception {
        Timed t = run(new OverfittingExperiment(), Map.of(), 42);
        Map<String, Double> m = t.summary.metrics();
        verdict(m.get("finalTrainLoss") < m.get("finalFreshLoss"), String.format(Locale.ROOT,
                "overfitting: training-set loss %.5f below fresh-data loss %.5f", m.get("finalTrainLoss"), m.get("finalFreshLoss")));
        verdict(t.wallSeconds < 5, String.format(Locale.ROOT, "overfitting 1000 epochs in %.2f s (< 5 s; lecture, JAX: 7 s)", t.wallSeconds));
        Timed d = run(new OverfittingExperiment(), Map.of("engine", "dl4j"), 42);
        compare("overfitting 1000 epochs", t, d);
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

    private void cnnDl4j(int batches) throws Exception {
        Timed t = run(new ImageCnnExperiment(), Map.of("batches", batches, "engine", "dl4j"), 7);
        System.out.printf(Locale.ROOT, "image-cnn %d batches trained by DL4J: %.1f s wall, %.1f s CPU; final loss %.4f%n", batches,
                t.wallSeconds, t.cpuSeconds, t.summary.metrics().get("finalLoss"));
    }

    private void determinism() throws Exception {
        for (String engine : List.of("java", "dl4j")) {
            Summary a = run(new CurveMlpExperiment(), Map.of("batches", 200, "engine", engine), 7).summary;
            Summary b = run(new CurveMlpExperiment(), Map.of("batches", 200, "engine", engine), 7).summary;
            verdict(a.metrics().equals(b.metrics()), "curve-mlp batches=200 seed 7 engine " + engine + " twice: identical summaries");
        }
        run(new ResponseExperiment(), Map.of(), 1);
    }
}
