package org.physlab.calabiyau.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.net.Adam;
import org.physlab.calabiyau.net.HNet;
import org.physlab.calabiyau.net.ModuliBatch;

/**
 * Whole tutorial training steps of calabi-yau.moduli-net on one thread: draw 4 ψ (|ψ| ≤ 10) and 100
 * line-intersection points each, η-variance loss and closed-form gradient, back-propagation through the
 * 1 → 100 → 100 → 1225 network and one Adam update (k = 3, N = 35). Best of several repeats after a
 * warm-up; not a test. Target ≥ 40 steps/s. Arguments: [points per ψ] [batch].
 */
public final class TrainingStepBench {

    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        MonomialBasis basis = MonomialBasis.full(3);
        SplittableRandom random = new SplittableRandom(42);
        HNet net = HNet.initial(basis.size(), new int[] {100, 100}, 1e-3, random);
        Adam adam = new Adam(net.parameters().length, 1e-3);
        double sink = 0, best = Double.MAX_VALUE;
        int steps = 40;
        for (int r = 0; r < 6; r++) {
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                ModuliBatch.Evaluation e = ModuliBatch.draw(basis, batch, 10, points, random).evaluate(net);
                adam.step(net.parameters(), e.gradient());
                sink += e.loss();
            }
            double perStep = (System.nanoTime() - t0) / 1e9 / steps;
            if (r >= 2) best = Math.min(best, perStep);   // the first repeats warm up the JIT
        }
        System.out.printf(Locale.ROOT, "moduli-net training step, k = 3 (N = 35), %d psi x %d points, 1-100-100-1225 MLP + Adam:"
                + " %.2f ms per step (%.1f steps/s)  [%.3g]%n", batch, points, best * 1e3, 1 / best, sink);
    }
}
