package org.physlab.imnn.bench;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physlab.imnn.fit.FitResult;
import org.physlab.imnn.fit.FitSettings;
import org.physlab.imnn.fit.Imnn;
import org.physlab.imnn.fit.IterationStatistics;
import org.physlab.imnn.fit.SimulationSet;
import org.physlab.imnn.fit.TrainingSource;
import org.physlab.imnn.network.Adam;
import org.physlab.imnn.network.DenseNetwork;
import org.physlab.imnn.simulators.GaussianSimulator;

/**
 * Timings and acceptance numbers of the IMNN tutorial (issue #6, spec §8). Sections:
 * {@code layer} (one 128×128 layer product for n_s = 1000 with 2 tangents: ND4J gemm against plain Java
 * loops), {@code iteration} (one fitting iteration: forward with tangents, statistics, backward, Adam,
 * and the validation pass), {@code fit [seeds]} (whole tutorial fits, default seeds 0 1 2, checking
 * stop &lt; 1000, best validation det F in [28, 45], training det F ≤ 56, and |det C − 1| &lt; 0.1 by 100).
 * Run with plugins/imnn/bench.sh.
 */
public final class ImnnBench {
    private static final int[] TUTORIAL = {10, 128, 128, 128, 2};
    private static final GaussianSimulator SIMULATOR = new GaussianSimulator(10);

    public static void main(String[] args) {
        List<String> sections = args.length == 0 ? List.of("layer", "iteration", "fit") : List.of(args[0]);
        System.out.printf(Locale.ROOT, "IMNN bench: %d cores, OMP_NUM_THREADS=%s, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getenv("OMP_NUM_THREADS"), System.getProperty("java.version"));
        if (sections.contains("layer")) layer();
        if (sections.contains("iteration")) iteration();
        if (sections.contains("fit")) {
            long[] seeds = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray()
                    : new long[] {0, 1, 2};
            fits(seeds);
        }
    }

    /** 3000 × 128 times 128 × 128 (data rows and 2 tangent blocks), float: ND4J gemm vs a plain Java i-k-j loop. */
    static void layer() {
        int rows = 3000, k = 128, m = 128;
        SplittableRandom rng = new SplittableRandom(1);
        float[] a = new float[rows * k];
        float[] b = new float[k * m];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = (float) rng.nextGaussian();
        float[] c = new float[rows * m];
        INDArray na = Nd4j.create(a, new long[] {rows, k}, 'c');
        INDArray nb = Nd4j.create(b, new long[] {k, m}, 'c');
        INDArray nc = Nd4j.create(DataType.FLOAT, rows, m);
        double plain = time(50, () -> plainProduct(a, b, c, rows, k, m));
        double nd4j = time(200, () -> Nd4j.gemm(na, nb, nc, false, false, 1.0, 0.0));
        double diff = 0;
        for (int i = 0; i < c.length; i++) diff = Math.max(diff, Math.abs(c[i] - nc.getFloat(i / m, i % m)));
        System.out.printf(Locale.ROOT, "layer product 3000x128 . 128x128 (float): plain Java %.3f ms, ND4J gemm %.3f ms, "
                + "ratio plain/ND4J %.1f (max |difference| %.1e)%n", plain, nd4j, plain / nd4j, diff);
    }

    static void plainProduct(float[] a, float[] b, float[] c, int rows, int k, int m) {
        java.util.Arrays.fill(c, 0);
        for (int i = 0; i < rows; i++) {
            int ci = i * m;
            for (int l = 0; l < k; l++) {
                float v = a[i * k + l];
                int bl = l * m;
                for (int j = 0; j < m; j++) c[ci + j] += v * b[bl + j];
            }
        }
    }

    /** One fitting iteration at n_s = 1000 (training loss and gradient, Adam, validation statistics). */
    static void iteration() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            SimulationSet training = SimulationSet.withDerivatives(SIMULATOR, SIMULATOR.fiducial(), 1000, new SplittableRandom(1), type);
            SimulationSet validation = SimulationSet.withDerivatives(SIMULATOR, SIMULATOR.fiducial(), 1000, new SplittableRandom(2), type);
            for (int chunk : new int[] {0, 100}) {
                Imnn imnn = new Imnn(DenseNetwork.initialised(TUTORIAL, type, new SplittableRandom(3)), new Adam(1e-3));
                FitSettings settings = FitSettings.tutorial().withIterations(0, 20).withChunks(chunk);
                imnn.fit(TrainingSource.fixed(training), validation, settings, null);      // warm-up
                int its = 100;
                long t0 = System.nanoTime();
                imnn.fit(TrainingSource.fixed(training), validation, settings.withIterations(its, its), null);
                double ms = (System.nanoTime() - t0) / 1e6 / its;
                System.out.printf(Locale.ROOT, "one iteration, n_s = 1000, %s, %s: %.2f ms (with validation)%n", type,
                        chunk == 0 ? "unchunked" : "aggregated in chunks of " + chunk, ms);
            }
        }
    }

    /** Whole tutorial fits (float network, gradient variant) checked against spec §8. */
    static void fits(long[] seeds) {
        int pass = 0;
        double total = 0;
        for (long seed : seeds) {
            SplittableRandom root = new SplittableRandom(seed);
            SimulationSet training = SimulationSet.withDerivatives(SIMULATOR, SIMULATOR.fiducial(), 1000, root.split(), DataType.FLOAT);
            SimulationSet validation = SimulationSet.withDerivatives(SIMULATOR, SIMULATOR.fiducial(), 1000, root.split(), DataType.FLOAT);
            Imnn imnn = new Imnn(DenseNetwork.initialised(TUTORIAL, DataType.FLOAT, root.split()), new Adam(1e-3));
            long t0 = System.nanoTime();
            FitResult r = imnn.fit(TrainingSource.fixed(training), validation, FitSettings.tutorial(), null);
            double s = (System.nanoTime() - t0) / 1e9;
            total += s;
            double[] trainDetF = imnn.history().training(IterationStatistics::detF);
            double[] detC = imnn.history().training(IterationStatistics::detC);
            int detCConverged = -1;
            for (int i = 0; i < detC.length; i++) if (Math.abs(detC[i] - 1) < 0.1) { detCConverged = i; break; }
            double trainAtStop = trainDetF[trainDetF.length - 1];
            boolean ok = r.stoppedEarly() && r.iterations() < 1000 && r.maxDetF() >= 28 && r.maxDetF() <= 45 && trainAtStop <= 56
                    && detCConverged >= 0 && detCConverged <= 100;
            if (ok) pass++;
            System.out.printf(Locale.ROOT, "seed %d: %.1f s, %d iterations (%.1f ms each), stopped early %b, best validation det F %.2f "
                    + "at %d, training det F at best %.2f and at stop %.2f, first |det C - 1| < 0.1 at %d, det C(0) %.2e, Λ₂(0) %.1f -> %s%n",
                    seed, s, r.iterations(), 1e3 * s / r.iterations(), r.stoppedEarly(), r.maxDetF(), r.bestIteration(),
                    trainDetF[r.bestIteration()], trainAtStop, detCConverged, detC[0], imnn.history().training().get(0).lambda2(),
                    ok ? "PASS" : "FAIL");
        }
        System.out.printf(Locale.ROOT, "tutorial fits: %d of %d within spec §8, mean %.1f s per fit%n", pass, seeds.length, total / seeds.length);
    }

    private static double time(int reps, Runnable r) {
        for (int i = 0; i < Math.max(3, reps / 10); i++) r.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) r.run();
        return (System.nanoTime() - t0) / 1e6 / reps;
    }
}
