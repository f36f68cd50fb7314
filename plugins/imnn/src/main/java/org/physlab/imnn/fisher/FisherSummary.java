package org.physlab.imnn.fisher;

/**
 * The Gaussian-likelihood statistics of a set of summaries at the fiducial parameters, frozen after
 * fitting for quasi-maximum-likelihood estimates: θ̂ = θ_fid + F⁻¹·(∂μ/∂θ)·C⁻¹·(x − μ).
 *
 * @param thetaFid          fiducial parameters
 * @param mean              μ, mean of the summaries
 * @param covariance        C, unbiased covariance of the summaries
 * @param inverseCovariance C⁻¹
 * @param meanDerivative    ∂μ/∂θ as {@code [param][summary]}
 * @param fisher            F = (∂μ/∂θ) C⁻¹ (∂μ/∂θ)ᵀ, {@code [param][param]}
 * @param inverseFisher     F⁻¹
 */
public record FisherSummary(double[] thetaFid, double[] mean, double[][] covariance, double[][] inverseCovariance,
                            double[][] meanDerivative, double[][] fisher, double[][] inverseFisher) {

    /** det F. */
    public double detF() {
        return SmallMatrix.determinant(fisher);
    }
}
