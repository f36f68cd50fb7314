package org.physlab.calabiyau.donaldson;

import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.hermitian.HermitianMatrix;

/**
 * The inverse of {@link CholeskyParametrisation#decode}: the N² real parameters (cyjax layout) of a
 * Hermitian positive-definite H, from the factorisation H = M M^† with M upper triangular and a positive
 * real diagonal. This is how a balanced H leaves a run as a reusable artifact.
 */
public final class CholeskyEncoding {
    private CholeskyEncoding() { }

    /**
     * @throws IllegalArgumentException if H is not positive definite (a pivot is not positive)
     */
    public static double[] encode(HermitianMatrix h) {
        int n = h.size();
        double[] hr = h.real(), hi = h.imaginary();
        double[] mr = new double[n * n], mi = new double[n * n];
        // H_ij = Σ_{l ≥ max(i,j)} M_il conj(M_jl); solve from the last column backwards.
        for (int j = n - 1; j >= 0; j--) {
            double d = hr[j * n + j];
            for (int l = j + 1; l < n; l++) d -= mr[j * n + l] * mr[j * n + l] + mi[j * n + l] * mi[j * n + l];
            if (!(d > 0)) {
                throw new IllegalArgumentException("H is not positive definite (pivot " + d + " at " + j + ")");
            }
            double mjj = Math.sqrt(d);
            mr[j * n + j] = mjj;
            for (int i = 0; i < j; i++) {
                double r = hr[i * n + j], s = hi[i * n + j];
                for (int l = j + 1; l < n; l++) {
                    // M_il conj(M_jl)
                    double ar = mr[i * n + l], ai = mi[i * n + l], br = mr[j * n + l], bi = mi[j * n + l];
                    r -= ar * br + ai * bi;
                    s -= ai * br - ar * bi;
                }
                mr[i * n + j] = r / mjj;
                mi[i * n + j] = s / mjj;
            }
        }
        double[] par = new double[n * n];
        int off = n * (n - 1) / 2, k = 0;
        for (int i = 0; i < n; i++) {
            par[i] = mr[i * n + i];
            for (int j = i + 1; j < n; j++) {
                par[n + k] = mr[i * n + j];
                par[n + off + k] = mi[i * n + j];
                k++;
            }
        }
        return par;
    }
}
