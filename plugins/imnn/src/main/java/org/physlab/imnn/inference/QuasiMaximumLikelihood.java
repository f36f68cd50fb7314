package org.physlab.imnn.inference;

import org.physlab.imnn.fisher.Compressor;
import org.physlab.imnn.fisher.FisherSummary;

/**
 * Quasi-maximum-likelihood (score-compressed) parameter estimates from summaries (Charnock, Lavaux
 * and Wandelt 2018, eq. 9; the imnn package's {@code get_estimate}):
 * <pre>θ̂ = θ_fid + F⁻¹ · (∂μ/∂θ) · C⁻¹ · (x − μ)</pre>
 * with the statistics frozen at the fiducial parameters. The Gaussian approximation of the posterior
 * is then N(θ̂, F⁻¹).
 *
 * <pre>{@code
 * double[] thetaHat = QuasiMaximumLikelihood.estimate(fisher, network.summaries(observed));
 * Compressor estimates = QuasiMaximumLikelihood.compressor(fisher, network); // data → θ̂
 * }</pre>
 */
public final class QuasiMaximumLikelihood {

    private QuasiMaximumLikelihood() { }

    /**
     * θ̂ for one vector of summaries.
     *
     * @throws IllegalArgumentException if {@code summaries} does not have one entry per summary of {@code f}
     */
    public static double[] estimate(FisherSummary f, double[] summaries) {
        int nSummaries = f.mean().length;
        if (summaries.length != nSummaries) {
            throw new IllegalArgumentException("expected " + nSummaries + " summaries, got " + summaries.length);
        }
        double[] centred = new double[nSummaries];
        for (int i = 0; i < nSummaries; i++) {
            if (!Double.isFinite(summaries[i])) throw new IllegalArgumentException("summary " + i + " is " + summaries[i]);
            centred[i] = summaries[i] - f.mean()[i];
        }
        double[] whitened = LinearAlgebra.times(f.inverseCovariance(), centred);     // C⁻¹(x − μ)
        double[] score = LinearAlgebra.times(f.meanDerivative(), whitened);          // (∂μ/∂θ)·C⁻¹(x − μ)
        double[] step = LinearAlgebra.times(f.inverseFisher(), score);
        double[] theta = f.thetaFid().clone();
        for (int a = 0; a < theta.length; a++) theta[a] += step[a];
        return theta;
    }

    /** θ̂ for each row of {@code summaries}. */
    public static double[][] estimates(FisherSummary f, double[][] summaries) {
        double[][] out = new double[summaries.length][];
        for (int i = 0; i < summaries.length; i++) out[i] = estimate(f, summaries[i]);
        return out;
    }

    /** The compressor data → θ̂: the summaries of {@code network} mapped to parameter estimates. */
    public static Compressor compressor(FisherSummary f, Compressor network) {
        return data -> estimate(f, network.summaries(data));
    }

    /** The 1σ error bars √diag(F⁻¹) of the Gaussian approximation. */
    public static double[] standardErrors(FisherSummary f) {
        double[][] inv = f.inverseFisher();
        double[] s = new double[inv.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.sqrt(inv[i][i]);
        return s;
    }
}
