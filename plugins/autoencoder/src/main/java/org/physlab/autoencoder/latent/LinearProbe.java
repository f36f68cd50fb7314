package org.physlab.autoencoder.latent;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A linear probe on latent codes: multinomial logistic regression p(c | z) = softmax(W z' + b), with z' the
 * codes standardised by the training split's mean and standard deviation, fitted by full-batch Adam on
 * the mean cross-entropy plus a small L2 penalty. Deterministic (no randomness in the fit). If a linear
 * read-out of the code predicts the class well, the classes form separate clusters in the latent space.
 */
public final class LinearProbe {
    /** Full-batch Adam iterations, step and L2 weight of the fit. */
    static final int ITERATIONS = 400;
    static final double STEP = 0.05;
    static final double L2 = 1e-4;

    private final int classes;
    private final double[] mean;
    private final double[] scale;
    private final double[][] weights;   // [classes][dim + 1], last column = bias

    private LinearProbe(int classes, double[] mean, double[] scale, double[][] weights) {
        this.classes = classes;
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    /**
     * Fits the probe.
     *
     * @param labels class of each row, 0 .. classes - 1
     */
    public static LinearProbe fit(double[][] x, int[] labels, int classes) {
        int n = x.length;
        if (n == 0) throw new IllegalArgumentException("the probe needs at least one training code");
        if (labels.length != n) throw new IllegalArgumentException(n + " codes but " + labels.length + " labels");
        if (classes < 2) throw new IllegalArgumentException("the probe needs at least 2 classes, got " + classes);
        int d = x[0].length;
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("code " + i + " has " + x[i].length + " values, code 0 has " + d);
            if (labels[i] < 0 || labels[i] >= classes) throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is outside 0.." + (classes - 1));
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) for (int j = 0; j < d; j++) mean[j] += row[j] / n;
        for (double[] row : x) for (int j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
        for (int j = 0; j < d; j++) scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1.0;
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) z[i][j] = (x[i][j] - mean[j]) / scale[j];
            z[i][d] = 1.0;
        }
        double[][] w = new double[classes][d + 1];
        double[][] m1 = new double[classes][d + 1];
        double[][] m2 = new double[classes][d + 1];
        double[][] grad = new double[classes][d + 1];
        double[] p = new double[classes];
        for (int t = 1; t <= ITERATIONS; t++) {
            for (double[] g : grad) Arrays.fill(g, 0);
            // d/dW of mean CE = mean over rows of (softmax(W z) - onehot(c)) z^T
            for (int i = 0; i < n; i++) {
                softmax(w, z[i], p);
                p[labels[i]] -= 1;
                for (int c = 0; c < classes; c++) for (int j = 0; j <= d; j++) grad[c][j] += p[c] * z[i][j] / n;
            }
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j <= d; j++) {
                    double g = grad[c][j] + (j < d ? L2 * w[c][j] : 0);
                    m1[c][j] = 0.9 * m1[c][j] + 0.1 * g;
                    m2[c][j] = 0.999 * m2[c][j] + 0.001 * g * g;
                    w[c][j] -= STEP * (m1[c][j] / c1) / (Math.sqrt(m2[c][j] / c2) + 1e-8);
                }
            }
        }
        return new LinearProbe(classes, mean, scale, w);
    }

    private static void softmax(double[][] w, double[] z, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double s = 0;
            for (int j = 0; j < z.length; j++) s += w[c][j] * z[j];
            p[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < w.length; c++) p[c] /= sum;
    }

    /** The most probable class of each code. */
    public int[] predict(double[][] x) {
        int d = mean.length;
        int[] out = new int[x.length];
        double[] z = new double[d + 1];
        double[] p = new double[classes];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("code " + i + " has " + x[i].length + " values, the probe expects " + d);
            for (int j = 0; j < d; j++) z[j] = (x[i][j] - mean[j]) / scale[j];
            z[d] = 1.0;
            softmax(weights, z, p);
            int best = 0;
            for (int c = 1; c < classes; c++) if (p[c] > p[best]) best = c;
            out[i] = best;
        }
        return out;
    }

    /** Fraction of codes whose predicted class is the label. */
    public double accuracy(double[][] x, int[] labels) {
        int[] predicted = predict(x);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == labels[i]) right++;
        return right / (double) predicted.length;
    }

    /**
     * Shuffles the rows with {@code seed}, fits on the first (1 - testFraction) and scores both parts.
     * The chance level is the share of the test split's most common class.
     */
    public static Result evaluate(double[][] codes, int[] labels, int classes, double testFraction, long seed) {
        int n = codes.length;
        if (labels.length != n) throw new IllegalArgumentException(n + " codes but " + labels.length + " labels");
        if (!(testFraction > 0 && testFraction < 1)) throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        int test = (int) Math.round(n * testFraction);
        if (test < 1 || test > n - 1) throw new IllegalArgumentException(n + " codes are too few to split " + testFraction + " off for testing");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int train = n - test;
        double[][] xTrain = new double[train][];
        int[] yTrain = new int[train];
        double[][] xTest = new double[test][];
        int[] yTest = new int[test];
        for (int i = 0; i < n; i++) {
            if (i < train) {
                xTrain[i] = codes[order[i]];
                yTrain[i] = labels[order[i]];
            } else {
                xTest[i - train] = codes[order[i]];
                yTest[i - train] = labels[order[i]];
            }
        }
        LinearProbe probe = fit(xTrain, yTrain, classes);
        int[] counts = new int[classes];
        for (int y : yTest) counts[y]++;
        int majority = Arrays.stream(counts).max().orElse(0);
        return new Result(probe.accuracy(xTrain, yTrain), probe.accuracy(xTest, yTest), majority / (double) test, train, test);
    }

    /** Accuracies on the two splits and the chance level (majority class share of the test split). */
    public record Result(double trainAccuracy, double testAccuracy, double chanceAccuracy, int trainSize, int testSize) { }
}
