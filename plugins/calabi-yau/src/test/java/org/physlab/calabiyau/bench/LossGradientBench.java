package org.physlab.calabiyau.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.loss.EtaVarianceLoss;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

/**
 * The geometric part of one tutorial training step on one thread: the η-variance loss and its closed-form
 * gradient with respect to the 1225 Cholesky parameters (k = 3, N = 35) for 4 values of ψ × 100 points,
 * including the H-independent precomputation (sections, derivatives, Jacobians) but not the sampling or the
 * network. Best of several repeats after a warm-up. Not a test. Arguments: [points per ψ] [degree].
 */
public final class LossGradientBench {

    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int degree = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        MonomialBasis basis = MonomialBasis.full(degree);
        double[] par = CholeskyParametrisation.initial(basis.size(), 1e-3, new SplittableRandom(2));
        Sample[] samples = new Sample[4];
        Complex[] psis = {Complex.of(0.5, 0), Complex.of(3, 4), Complex.of(-6, 2), Complex.of(1, -9)};
        for (int i = 0; i < 4; i++) samples[i] = new LineSampler(new DworkQuintic(psis[i])).sample(points, i);
        double sink = 0, best = Double.MAX_VALUE;
        int steps = 40;
        for (int r = 0; r < 6; r++) {
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                for (Sample sample : samples) sink += new EtaVarianceLoss(basis, sample).evaluate(par).gradient()[0];
            }
            double perStep = (System.nanoTime() - t0) / 1e9 / steps;
            if (r >= 2) best = Math.min(best, perStep);   // the first repeats warm up the JIT
        }
        System.out.printf(Locale.ROOT, "eta-variance loss + gradient, k = %d (N = %d), 4 psi x %d points: %.2f ms per step"
                + " (%.0f steps/s)  [%.3g]%n", degree, basis.size(), points, best * 1e3, 1 / best, sink);
    }
}
