package org.physlab.autoencoder.latent;

import java.util.SplittableRandom;

/**
 * The silhouette score of labelled points (Rousseeuw 1987): for point i with a(i) the mean Euclidean
 * distance to the other points of its class and b(i) the smallest mean distance to the points of another
 * class, s(i) = (b - a) / max(a, b) (0 for a class of one point); the score is the mean of s(i). Near 1:
 * tight, well separated clusters; near 0: overlapping classes; negative: points sit closer to another class.
 */
public final class Silhouette {
    private Silhouette() { }

    /** The mean silhouette over all points (O(n^2) distances). */
    public static double score(double[][] x, int[] labels) {
        int n = x.length;
        if (labels.length != n) throw new IllegalArgumentException(n + " points but " + labels.length + " labels");
        int classes = 0;
        for (int y : labels) {
            if (y < 0) throw new IllegalArgumentException("labels must be >= 0, got " + y);
            classes = Math.max(classes, y + 1);
        }
        int[] size = new int[classes];
        for (int y : labels) size[y]++;
        int present = 0;
        for (int s : size) if (s > 0) present++;
        if (present < 2) throw new IllegalArgumentException("the silhouette needs points of at least 2 classes");
        double total = 0;
        double[] sum = new double[classes];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(sum, 0);
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double d2 = 0;
                for (int k = 0; k < x[i].length; k++) {
                    double t = x[i][k] - x[j][k];
                    d2 += t * t;
                }
                sum[labels[j]] += Math.sqrt(d2);
            }
            int own = labels[i];
            if (size[own] == 1) continue;                   // s(i) = 0
            double a = sum[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < classes; c++) if (c != own && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
            double m = Math.max(a, b);
            total += m > 0 ? (b - a) / m : 0;
        }
        return total / n;
    }

    /** The silhouette of at most {@code maxPoints} points drawn without replacement with {@code seed}. */
    public static double score(double[][] x, int[] labels, int maxPoints, long seed) {
        if (x.length <= maxPoints) return score(x, labels);
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        SplittableRandom r = new SplittableRandom(seed);
        double[][] xs = new double[maxPoints][];
        int[] ys = new int[maxPoints];
        for (int i = 0; i < maxPoints; i++) {
            int j = i + r.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            xs[i] = x[order[i]];
            ys[i] = labels[order[i]];
        }
        return score(xs, ys);
    }
}
