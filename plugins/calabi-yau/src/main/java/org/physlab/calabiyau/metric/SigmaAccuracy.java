package org.physlab.calabiyau.metric;

import org.physlab.calabiyau.quintic.Sample;

/**
 * The σ accuracy of a metric: the Monte-Carlo estimate of σ = (1/Vol_Ω) ∫_X |1 − η/⟨η⟩| dVol_Ω, with
 * ⟨η⟩ the Ω-weighted mean of η (Douglas, Karp, Lukic, Reinbacher 2006; the estimator of cyjax and
 * cymetric): vol_K = mean(η·w), vol_CY = mean(w), σ = mean(|1 − η·vol_CY/vol_K|·w)/vol_CY.
 * σ = 0 exactly for a Ricci-flat metric. Points with a non-finite η or weight are skipped and counted.
 *
 * @param sigma    the σ estimate
 * @param volumeCy mean weight over the points used (≈ Vol_Ω)
 * @param volumeK  mean η·w over the points used
 * @param used     points that entered the estimate
 * @param skipped  points skipped for a non-finite η or weight
 */
public record SigmaAccuracy(double sigma, double volumeCy, double volumeK, int used, int skipped) {

    /**
     * @throws IllegalArgumentException if the arrays differ in length or no point is usable
     */
    public static SigmaAccuracy of(double[] eta, double[] weights) {
        if (eta.length != weights.length) throw new IllegalArgumentException("one weight per eta value");
        double sw = 0, sew = 0;
        int used = 0;
        for (int i = 0; i < eta.length; i++) {
            if (!usable(eta[i], weights[i])) continue;
            sw += weights[i];
            sew += eta[i] * weights[i];
            used++;
        }
        if (used == 0) throw new IllegalArgumentException("no point with a finite eta and weight");
        double volCy = sw / used, volK = sew / used;
        double acc = 0;
        for (int i = 0; i < eta.length; i++) {
            if (!usable(eta[i], weights[i])) continue;
            acc += Math.abs(1 - eta[i] * volCy / volK) * weights[i];
        }
        return new SigmaAccuracy(acc / used / volCy, volCy, volK, used, eta.length - used);
    }

    /** σ of a metric on a sample. */
    public static SigmaAccuracy of(AlgebraicMetric metric, Sample sample) {
        return of(metric.eta(sample), sample.weights());
    }

    private static boolean usable(double eta, double w) {
        return Double.isFinite(eta) && Double.isFinite(w);
    }
}
