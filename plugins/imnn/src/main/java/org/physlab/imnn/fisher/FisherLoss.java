package org.physlab.imnn.fisher;

import static org.physlab.imnn.fisher.SmallMatrix.add;
import static org.physlab.imnn.fisher.SmallMatrix.frobeniusNorm;
import static org.physlab.imnn.fisher.SmallMatrix.inverse;
import static org.physlab.imnn.fisher.SmallMatrix.minusIdentity;
import static org.physlab.imnn.fisher.SmallMatrix.multiply;
import static org.physlab.imnn.fisher.SmallMatrix.scale;
import static org.physlab.imnn.fisher.SmallMatrix.transpose;

/**
 * The IMNN loss Λ = −ln|F| + r(Λ₂)·Λ₂ of a set of summaries xⁱ (n_s of them) and their derivatives
 * Dⁱ = ∂xⁱ/∂θ (n_d of them), with μ = mean x, C = unbiased covariance, ∂μ/∂θ = mean D, F = (∂μ/∂θ) C⁻¹
 * (∂μ/∂θ)ᵀ and Λ₂ = ‖C − I‖_F + ‖C⁻¹ − I‖_F; and its closed-form gradient with respect to every xⁱ and
 * Dⁱ (the gradient flows through r too). Everything in double precision.
 */
public final class FisherLoss {
    private final FisherSummary summary;
    private final double detC;
    private final double detInvC;
    private final double lambda2;
    private final double r;
    private final double loss;
    private final double[][] x;
    private final int nDerivatives;
    private final Regularisation regularisation;
    private final double normC;
    private final double normInvC;

    private FisherLoss(FisherSummary summary, double[][] x, int nDerivatives, Regularisation regularisation) {
        this.summary = summary;
        this.x = x;
        this.nDerivatives = nDerivatives;
        this.regularisation = regularisation;
        this.detC = SmallMatrix.determinant(summary.covariance());
        this.detInvC = SmallMatrix.determinant(summary.inverseCovariance());
        this.normC = frobeniusNorm(minusIdentity(summary.covariance()));
        this.normInvC = frobeniusNorm(minusIdentity(summary.inverseCovariance()));
        this.lambda2 = normC + normInvC;
        this.r = regularisation.strength(lambda2);
        double detF = summary.detF();
        this.loss = -Math.signum(detF) * Math.log(Math.abs(detF)) + r * lambda2;
    }

    /**
     * Evaluates the statistics and the loss.
     *
     * @param thetaFid       fiducial parameters
     * @param summaries      xⁱ as {@code [simulation][summary]}, at least n_summaries + 1 of them
     * @param derivatives    Dⁱ as {@code [simulation][param][summary]}
     * @param regularisation λ and ε of the covariance penalty
     * @throws IllegalArgumentException if there are too few simulations for an invertible covariance
     * @throws ArithmeticException      if C or F is singular or a value is not finite
     */
    public static FisherLoss evaluate(double[] thetaFid, double[][] summaries, double[][][] derivatives,
                                      Regularisation regularisation) {
        int ns = summaries.length;
        int nd = derivatives.length;
        if (ns == 0 || nd == 0) throw new IllegalArgumentException("no simulations");
        int s = summaries[0].length;
        int p = thetaFid.length;
        if (ns < s + 1) {
            throw new IllegalArgumentException("the covariance of " + s + " summaries needs at least " + (s + 1)
                    + " simulations, got " + ns);
        }
        double[] mean = new double[s];
        for (double[] xi : summaries) {
            for (int a = 0; a < s; a++) {
                if (!Double.isFinite(xi[a])) throw new ArithmeticException("a summary is not finite: " + xi[a]);
                mean[a] += xi[a];
            }
        }
        for (int a = 0; a < s; a++) mean[a] /= ns;
        double[][] cov = new double[s][s];
        for (double[] xi : summaries) {
            for (int a = 0; a < s; a++) {
                double da = xi[a] - mean[a];
                for (int b = a; b < s; b++) cov[a][b] += da * (xi[b] - mean[b]);
            }
        }
        for (int a = 0; a < s; a++) {
            for (int b = a; b < s; b++) {
                cov[a][b] /= ns - 1;
                cov[b][a] = cov[a][b];
            }
        }
        double[][] dmu = new double[p][s];
        for (double[][] di : derivatives) {
            for (int k = 0; k < p; k++) {
                for (int a = 0; a < s; a++) {
                    if (!Double.isFinite(di[k][a])) throw new ArithmeticException("a summary derivative is not finite: " + di[k][a]);
                    dmu[k][a] += di[k][a];
                }
            }
        }
        for (int k = 0; k < p; k++) for (int a = 0; a < s; a++) dmu[k][a] /= nd;
        double[][] invC = inverse(cov);
        double[][] fisher = multiply(multiply(dmu, invC), transpose(dmu));
        double[][] invF = inverse(fisher);
        FisherSummary summary = new FisherSummary(thetaFid.clone(), mean, cov, invC, dmu, fisher, invF);
        return new FisherLoss(summary, summaries, nd, regularisation);
    }

    /** μ, C, C⁻¹, ∂μ/∂θ, F and F⁻¹. */
    public FisherSummary summary() { return summary; }

    /** det F. */
    public double detF() { return summary.detF(); }

    /** det C. */
    public double detC() { return detC; }

    /** det C⁻¹. */
    public double detInvC() { return detInvC; }

    /** Λ₂ = ‖C − I‖_F + ‖C⁻¹ − I‖_F. */
    public double lambda2() { return lambda2; }

    /** r(Λ₂). */
    public double r() { return r; }

    /** Λ = −ln|F| + r(Λ₂)·Λ₂. */
    public double loss() { return loss; }

    /** ∂Λ/∂xⁱ and ∂Λ/∂Dⁱ (the latter is the same for every simulation i). */
    public Gradient gradient() {
        double[][] c = summary.covariance();
        double[][] invC = summary.inverseCovariance();
        double[][] dmu = summary.meanDerivative();          // [param][summary] = Mᵀ
        double[][] gF = scale(-Math.signum(summary.detF()), transpose(summary.inverseFisher()));
        double[][] gFsym = add(gF, transpose(gF));
        // ∂Λ/∂(∂μ/∂θ) in the [param][summary] layout: (G_F + G_Fᵀ)·Mᵀ·C⁻¹
        double[][] gDmu = multiply(multiply(gFsym, dmu), invC);
        double sPenalty = r + lambda2 * regularisation.strengthDerivative(lambda2);
        double[][] gInvC = multiply(multiply(transpose(dmu), gF), dmu);
        if (normInvC > 0) gInvC = add(gInvC, scale(sPenalty / normInvC, minusIdentity(invC)));
        double[][] gC = scale(-1, multiply(multiply(transpose(invC), gInvC), transpose(invC)));
        if (normC > 0) gC = add(gC, scale(sPenalty / normC, minusIdentity(c)));
        double[][] gCsym = add(gC, transpose(gC));
        int ns = x.length;
        int s = summary.mean().length;
        double[] mean = summary.mean();
        double[][] gx = new double[ns][s];
        double[] centred = new double[s];
        for (int i = 0; i < ns; i++) {
            for (int a = 0; a < s; a++) centred[a] = x[i][a] - mean[a];
            for (int a = 0; a < s; a++) {
                double v = 0;
                for (int b = 0; b < s; b++) v += gCsym[a][b] * centred[b];
                gx[i][a] = v / (ns - 1);
            }
        }
        return new Gradient(gx, scale(1.0 / nDerivatives, gDmu));
    }

    /**
     * The loss gradient.
     *
     * @param summaries  ∂Λ/∂xⁱ, {@code [simulation][summary]}
     * @param derivative ∂Λ/∂Dⁱ, {@code [param][summary]}, the same for each of the n_d simulations
     */
    public record Gradient(double[][] summaries, double[][] derivative) { }
}
