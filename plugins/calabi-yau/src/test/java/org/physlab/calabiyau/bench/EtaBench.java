package org.physlab.calabiyau.bench;

import java.util.Locale;

import java.util.SplittableRandom;

import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.metric.AlgebraicMetric;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

/**
 * Throughput of the numerical core on one thread (run with bench.sh): line-intersection sampling with
 * weights, and η of the algebraic metric with H = I and with a dense random H for section degrees k = 1..4 (N = 5, 15, 35, 70),
 * at the Dwork quintic ψ = 10+3i. Best of several repeats after a warm-up. Not a test.
 */
public final class EtaBench {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        LineSampler sampler = new LineSampler(new DworkQuintic(Complex.of(10, 3)));
        for (int warm = 0; warm < 3; warm++) sampler.sample(n, warm);
        double best = Double.MAX_VALUE;
        Sample sample = null;
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            sample = sampler.sample(n, 100 + r);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "sampling with weights, %d points: %.3f s  (%.0f points/s; volume %.4f)%n",
                n, best, n / best, sample.volume());
        for (int k = 1; k <= 4; k++) {
            time("H = I  ", AlgebraicMetric.identity(k), sample);
            time("dense H", denseMetric(k), sample);
        }
    }

    /** A dense H = M M^† with random upper-triangular M (no zero entries to skip). */
    private static AlgebraicMetric denseMetric(int k) {
        MonomialBasis basis = MonomialBasis.full(k);
        SplittableRandom r = new SplittableRandom(k);
        double[] par = CholeskyParametrisation.initial(basis.size(), 0.1, r);
        for (int i = basis.size(); i < par.length; i++) par[i] = 0.05 * r.nextGaussian();
        return new AlgebraicMetric(basis, CholeskyParametrisation.decode(par));
    }

    private static void time(String label, AlgebraicMetric metric, Sample sample) {
        int n = sample.size();
        int k = metric.basis().degree();
        double sink = 0;
        for (int warm = 0; warm < 3; warm++) sink += metric.eta(sample)[0];
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            sink += metric.eta(sample)[n - 1];
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "eta, %s, k = %d (N = %3d), %d points: %.3f s  (%.0f points/s, %.2f µs/point)  [%.3g]%n",
                label, k, metric.basis().size(), n, best, n / best, best / n * 1e6, sink);
    }
}
