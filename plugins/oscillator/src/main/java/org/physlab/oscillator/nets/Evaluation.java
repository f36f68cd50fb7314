package org.physlab.oscillator.nets;

/**
 * How well predicted (omega0, gamma, epsilon) match the truth on a set of samples: the mean squared
 * error of each parameter, their sum (the lecture's loss per sample), and the Pearson correlation of
 * predicted with true values.
 *
 * @param mse         mean over samples of (predicted - true)^2, per parameter
 * @param correlation Pearson correlation per parameter (NaN if either side has no spread)
 */
public record Evaluation(int samples, double[] mse, double[] correlation) {

    /**
     * @param predicted row-major [samples][3]
     * @param truth     row-major [samples][3]
     */
    public static Evaluation of(double[] predicted, double[] truth) {
        if (predicted.length != truth.length || truth.length % 3 != 0 || truth.length == 0) {
            throw new IllegalArgumentException("need matching [samples][3] arrays");
        }
        int n = truth.length / 3;
        double[] mse = new double[3];
        double[] corr = new double[3];
        for (int p = 0; p < 3; p++) {
            double sp = 0, st = 0;
            for (int i = 0; i < n; i++) {
                sp += predicted[i * 3 + p];
                st += truth[i * 3 + p];
            }
            double mp = sp / n, mt = st / n;
            double se = 0, cpt = 0, cpp = 0, ctt = 0, scale = 0;
            for (int i = 0; i < n; i++) {
                double a = predicted[i * 3 + p];
                double b = truth[i * 3 + p];
                se += (a - b) * (a - b);
                cpt += (a - mp) * (b - mt);
                cpp += (a - mp) * (a - mp);
                ctt += (b - mt) * (b - mt);
                scale = Math.max(scale, Math.max(Math.abs(a), Math.abs(b)));
            }
            // spreads at rounding level (a constant column's mean is not exact) count as none
            double noSpread = n * Math.pow(1e-12 * scale, 2);
            mse[p] = se / n;
            // r = cov(pred, true) / (sd(pred) sd(true))
            corr[p] = cpp > noSpread && ctt > noSpread ? cpt / Math.sqrt(cpp * ctt) : Double.NaN;
        }
        return new Evaluation(n, mse, corr);
    }

    /** Sum of the three mean squared errors: the lecture's loss, per sample. */
    public double loss() {
        return mse[0] + mse[1] + mse[2];
    }
}
