package org.physlab.autoencoder.slm;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The talk's random comparison models (R. Schneider, Uppsala 2020, session 4 notebook): every charge of
 * L_1..L_4 is round(N(0, sigma)) with sigma the standard deviation of all charges of the SLMs, and
 * L_5 = -(L_1 + ... + L_4) so that c1(V) = 0 like the SLMs. Their norms are then comparable to the SLMs'.
 */
public final class RandomModels {

    private RandomModels() { }

    /**
     * {@code count} random models shaped like {@code slms} (same rank and h11).
     *
     * @throws IllegalArgumentException if {@code slms} is empty or mixes shapes
     */
    public static List<LineBundleSum> like(List<LineBundleSum> slms, int count, RandomGenerator random) {
        if (slms.isEmpty()) throw new IllegalArgumentException("no models to take the charge spread from");
        int rank = slms.get(0).rank(), h = slms.get(0).h11();
        double sum = 0, sumSq = 0;
        long n = 0;
        for (LineBundleSum m : slms) {
            if (m.rank() != rank || m.h11() != h) {
                throw new IllegalArgumentException("models of different shapes: " + rank + " x " + h + " and " + m.rank() + " x " + m.h11());
            }
            for (int[] k : m.charges()) for (int q : k) {
                sum += q;
                sumSq += (double) q * q;
                n++;
            }
        }
        double mean = sum / n;
        double sigma = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        return gaussian(rank, h, sigma, count, random);
    }

    /** {@code count} models with charges round(N(0, sigma)) in the first rank-1 line bundles and c1(V) = 0. */
    public static List<LineBundleSum> gaussian(int rank, int h11, double sigma, int count, RandomGenerator random) {
        if (rank < 2 || h11 < 1) throw new IllegalArgumentException("need rank >= 2 and h11 >= 1, got " + rank + " x " + h11);
        if (!(sigma >= 0)) throw new IllegalArgumentException("sigma must be non-negative, got " + sigma);
        List<LineBundleSum> out = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int[][] q = new int[rank][h11];
            for (int a = 0; a < rank - 1; a++) {
                for (int i = 0; i < h11; i++) {
                    q[a][i] = (int) Math.rint(sigma * random.nextGaussian());
                    q[rank - 1][i] -= q[a][i];
                }
            }
            out.add(LineBundleSum.of(q));
        }
        return out;
    }
}
