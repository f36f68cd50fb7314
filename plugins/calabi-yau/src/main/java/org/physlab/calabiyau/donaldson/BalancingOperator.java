package org.physlab.calabiyau.donaldson;

/**
 * Donaldson's T-operator (S. K. Donaldson, "Some numerical results in complex differential geometry",
 * 2005; Douglas, Karp, Lukic, Reinbacher, J. Math. Phys. 49 (2008) 032302) estimated by Monte Carlo in
 * the s^T H s̄ convention of the algebraic metric:
 *
 * <pre>
 *   T_ab(H) = (N / Vol) · mean_i [ s_a(z_i) conj(s_b(z_i)) w_i / (s(z_i)^T H conj(s(z_i))) ],
 *   H_new   = (T^{-1})^T,
 * </pre>
 *
 * with w the Monte-Carlo weights of the sample (density of |Ω|² over the sampling density) and Vol their
 * mean, so that tr(T H^T) = N exactly and a balanced H is a true fixed point H = (T(H)^{-1})^T.
 * The transpose (not the conjugate transpose) belongs to the s^T H s̄ convention.
 *
 * <p>One instance accumulates one step: call {@link #accumulate} for every batch of points, then
 * {@link #balancedUpdate}. Points with a non-finite weight contribute nothing (their weight is taken
 * as 0, as upstream does); points where s^T H s̄ is not a positive finite number are skipped and counted.
 */
public final class BalancingOperator {
    private final int basisSize;
    private final double[] h;
    private final double[] sum;          // Σ_i s_a conj(s_b) w_i / den_i, interleaved N×N
    private final double[] hConjS;       // scratch: y_a = Σ_b H_ab conj(s_b)
    private long points;
    private double weightSum;
    private long zeroedWeights;
    private long skippedPoints;

    /**
     * @param h the current H (N×N Hermitian positive definite, interleaved row-major); it is not modified
     */
    public BalancingOperator(double[] h) {
        this.basisSize = ComplexMatrices.order(h);
        this.h = h.clone();
        this.sum = new double[h.length];
        this.hConjS = new double[2 * basisSize];
    }

    /** N, the number of sections. */
    public int basisSize() {
        return basisSize;
    }

    /**
     * Adds a batch of points.
     *
     * @param sections the N section values of each point, point-major interleaved complex:
     *                 s_a(z_i) = sections[2(i N + a)] + i·sections[2(i N + a) + 1]
     * @param weights  the Monte-Carlo weight of each point
     * @param count    the number of points to use (the first {@code count} of the arrays)
     */
    public void accumulate(double[] sections, double[] weights, int count) {
        int n = basisSize;
        if (count < 0 || sections.length < 2L * n * count || weights.length < count) {
            throw new IllegalArgumentException("a batch of " + count + " points needs " + 2L * n * count
                    + " section values and " + count + " weights, got " + sections.length + " and " + weights.length);
        }
        for (int i = 0; i < count; i++) {
            int off = 2 * i * n;
            double w = weights[i];
            points++;
            if (!Double.isFinite(w)) { zeroedWeights++; continue; }
            // y = H conj(s); den = s^T y (real for Hermitian H)
            double den = 0;
            for (int a = 0; a < n; a++) {
                double yr = 0, yi = 0;
                int row = 2 * a * n;
                for (int b = 0; b < n; b++) {
                    double hr = h[row + 2 * b], hi = h[row + 2 * b + 1];
                    double sr = sections[off + 2 * b], si = -sections[off + 2 * b + 1];
                    yr += hr * sr - hi * si;
                    yi += hr * si + hi * sr;
                }
                hConjS[2 * a] = yr;
                hConjS[2 * a + 1] = yi;
                den += sections[off + 2 * a] * yr - sections[off + 2 * a + 1] * yi;
            }
            if (!(den > 0) || !Double.isFinite(den)) { skippedPoints++; continue; }
            weightSum += w;
            double f = w / den;
            for (int a = 0; a < n; a++) {
                double ar = sections[off + 2 * a] * f, ai = sections[off + 2 * a + 1] * f;
                int row = 2 * a * n;
                for (int b = 0; b < n; b++) {
                    double br = sections[off + 2 * b], bi = -sections[off + 2 * b + 1];
                    sum[row + 2 * b] += ar * br - ai * bi;
                    sum[row + 2 * b + 1] += ar * bi + ai * br;
                }
            }
        }
    }

    /** Points offered so far (including zeroed and skipped ones). */
    public long points() {
        return points;
    }

    /** Points whose weight was not finite and counted as 0. */
    public long zeroedWeights() {
        return zeroedWeights;
    }

    /** Points skipped because s^T H s̄ was not positive and finite. */
    public long skippedPoints() {
        return skippedPoints;
    }

    /**
     * T(H) = (N / Vol) · mean[s s̄^T w / den] with Vol = mean of the weights, Hermitised against rounding.
     *
     * @throws IllegalStateException if no point with positive weight was accumulated
     */
    public double[] operator() {
        long used = points - zeroedWeights;
        if (used == 0 || !(weightSum > 0)) {
            throw new IllegalStateException("the T-operator needs points with positive weight; got " + points
                    + " points, " + zeroedWeights + " with non-finite weight, " + skippedPoints + " skipped");
        }
        // mean over the points with finite weight, divided by Vol = weightSum / used: the counts cancel.
        double scale = basisSize / weightSum;
        double[] t = new double[sum.length];
        for (int i = 0; i < t.length; i++) t[i] = sum[i] * scale;
        return ComplexMatrices.hermitianPart(t);
    }

    /** The update H_new = (T(H)^{-1})^T, Hermitised against rounding (not normalised). */
    public double[] balancedUpdate() {
        return ComplexMatrices.hermitianPart(ComplexMatrices.transpose(ComplexMatrices.inverse(operator())));
    }
}
