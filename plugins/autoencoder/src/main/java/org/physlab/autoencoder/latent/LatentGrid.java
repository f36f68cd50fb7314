package org.physlab.autoencoder.latent;

import java.util.Arrays;

/**
 * A square grid of latent codes over the plane of the first two latent dimensions, for decoding into the
 * usual "manifold" picture: both axes span the 1st to 99th percentile of the given codes, and the other
 * dimensions (if any) sit at the codes' mean.
 *
 * @param codes    size^2 codes, row-major: code (i, j) at i * size + j, with i counting down from the top
 *                 (largest z2) and j along z1
 * @param z1Range  {min, max} of the first axis
 * @param z2Range  {min, max} of the second axis
 */
public record LatentGrid(int size, double[][] codes, double[] z1Range, double[] z2Range) {

    public static LatentGrid over(double[][] latentCodes, int size) {
        if (size < 2) throw new IllegalArgumentException("a latent grid needs at least 2 x 2 points, got " + size);
        int k = latentCodes[0].length;
        if (k < 2) throw new IllegalArgumentException("a latent grid needs at least 2 latent dimensions, got " + k);
        double[] mean = new double[k];
        for (double[] z : latentCodes) for (int j = 0; j < k; j++) mean[j] += z[j] / latentCodes.length;
        double[] r1 = percentiles(latentCodes, 0);
        double[] r2 = percentiles(latentCodes, 1);
        double[][] codes = new double[size * size][];
        for (int i = 0; i < size; i++) {
            double z2 = r2[1] - (r2[1] - r2[0]) * i / (size - 1);
            for (int j = 0; j < size; j++) {
                double[] z = mean.clone();
                z[0] = r1[0] + (r1[1] - r1[0]) * j / (size - 1);
                z[1] = z2;
                codes[i * size + j] = z;
            }
        }
        return new LatentGrid(size, codes, r1, r2);
    }

    /** The 1st and 99th percentile of dimension {@code dim}. */
    static double[] percentiles(double[][] codes, int dim) {
        double[] v = new double[codes.length];
        for (int i = 0; i < v.length; i++) v[i] = codes[i][dim];
        Arrays.sort(v);
        double lo = v[(int) Math.floor(0.01 * (v.length - 1))];
        double hi = v[(int) Math.ceil(0.99 * (v.length - 1))];
        if (hi <= lo) {
            lo -= 1;
            hi += 1;
        }
        return new double[] {lo, hi};
    }
}
