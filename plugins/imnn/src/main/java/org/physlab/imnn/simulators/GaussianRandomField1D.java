package org.physlab.imnn.simulators;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.physlab.imnn.fisher.Compressor;

/**
 * A periodic 1-D Gaussian random field of N points with a power-law power spectrum
 * P(k) = A·k^(−B), amplitude A and slope B, θ = (A, B) — the one-dimensional counterpart of the
 * power-law fields of Charnock, Lavaux and Wandelt 2018 and Makinen et al. 2021.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Grid points j = 0..N−1 with unit spacing; the field is periodic with length N.</li>
 *   <li>DFT: δ̃_m = Σ_j δ_j e^{−2πi·m·j/N}; wavenumber k_m = 2π·m/N (radians per grid step), so
 *       0 &lt; k ≤ π.</li>
 *   <li>Normalisation: ⟨|δ̃_m|²⟩ = N·P(k_m) for every m ≠ 0. The mean mode m = 0 is zero.</li>
 * </ul>
 * A field is built directly as a sum of its independent real degrees of freedom:
 * <pre>δ_j = Σ_{0&lt;m&lt;N/2} √(2P(k_m)/N)·(z_m^c cos(k_m j) + z_m^s sin(k_m j)) + [N even] √(P(π)/N)·z_{N/2}·(−1)^j</pre>
 * with independent z ~ N(0, 1), drawn in that order (cosine then sine for m = 1, 2, …, then the
 * Nyquist mode): N − 1 draws per simulation. Then δ̃_m = (N/2)(a_m − i b_m) for the cosine and sine
 * coefficients a, b, which gives the normalisation above.
 *
 * <h2>Derivatives</h2>
 * Each degree of freedom scales with √P, so with the same draws
 * ∂δ/∂A = δ/(2A) and ∂δ/∂B = Σ_dof (−½ ln k_m) × (that degree of freedom's contribution).
 *
 * <h2>Fisher information</h2>
 * The N − 1 real degrees of freedom y are independent, zero-mean Gaussian with variances v ∝ P(k_m);
 * each contributes ½ ∂_a ln v ∂_b ln v, so
 * F_ab = Σ_{0&lt;m&lt;N/2} ∂_a ln P_m ∂_b ln P_m + [N even] ½ ∂_a ln P_{N/2} ∂_b ln P_{N/2}
 * (a complex mode counts once with weight 1, the real Nyquist mode with ½), with ∂_A ln P = 1/A and
 * ∂_B ln P = −ln k. {@link #scoreCompressor} gives the score summaries that reach it.
 */
public final class GaussianRandomField1D implements Simulator {

    private final int n;
    private final double[] fiducial;
    private final int dof;
    private final double[] logK;          // per degree of freedom
    private final double[] varianceShare; // v = share · P(k): 2/N paired, 1/N Nyquist
    private final double[][] basis;       // [dof][point]

    /** A field of {@code points} points at the fiducial (A, B) = (1, 0.5). */
    public GaussianRandomField1D(int points) {
        this(points, new double[] {1.0, 0.5});
    }

    /**
     * @param points   N, at least 4
     * @param fiducial (A, B) with A &gt; 0
     */
    public GaussianRandomField1D(int points, double[] fiducial) {
        if (points < 4 || points > 4096) throw new IllegalArgumentException("a field needs 4 to 4096 points, got " + points);
        checkTheta(fiducial);
        this.n = points;
        this.fiducial = fiducial.clone();
        this.dof = points - 1;
        this.logK = new double[dof];
        this.varianceShare = new double[dof];
        this.basis = new double[dof][points];
        int d = 0;
        for (int m = 1; 2 * m < points; m++) {
            double k = 2 * Math.PI * m / points;
            for (int part = 0; part < 2; part++, d++) {
                logK[d] = Math.log(k);
                varianceShare[d] = 2.0 / points;
                for (int j = 0; j < points; j++) {
                    long phase = ((long) m * j) % points;   // exact reduction keeps the tables accurate
                    double angle = 2 * Math.PI * phase / points;
                    basis[d][j] = part == 0 ? Math.cos(angle) : Math.sin(angle);
                }
            }
        }
        if (points % 2 == 0) {
            logK[d] = Math.log(Math.PI);
            varianceShare[d] = 1.0 / points;
            for (int j = 0; j < points; j++) basis[d][j] = (j % 2 == 0) ? 1 : -1;
            d++;
        }
        if (d != dof) throw new AssertionError("counted " + d + " degrees of freedom, expected " + dof);
    }

    @Override public int dataSize() { return n; }

    @Override public int parameterCount() { return 2; }

    @Override public List<String> parameterNames() { return List.of("A", "B"); }

    @Override public double[] fiducial() { return fiducial.clone(); }

    /** The power spectrum A·k^(−B). */
    public static double power(double[] theta, double k) {
        return theta[0] * Math.pow(k, -theta[1]);
    }

    @Override
    public void simulate(double[] theta, RandomGenerator rng, double[] out) {
        simulateWithDerivative(theta, rng, out, null);
    }

    @Override
    public void simulateWithDerivative(double[] theta, RandomGenerator rng, double[] out, double[][] derivative) {
        checkTheta(theta);
        if (out.length != n) throw new IllegalArgumentException("output has " + out.length + " points, the field " + n);
        java.util.Arrays.fill(out, 0);
        if (derivative != null) java.util.Arrays.fill(derivative[1], 0);
        for (int d = 0; d < dof; d++) {
            double amplitude = Math.sqrt(varianceShare[d] * theta[0] * Math.exp(-theta[1] * logK[d])) * rng.nextGaussian();
            double[] b = basis[d];
            for (int j = 0; j < n; j++) out[j] += amplitude * b[j];
            if (derivative != null) {
                double slopeAmplitude = -0.5 * logK[d] * amplitude;
                double[] dB = derivative[1];
                for (int j = 0; j < n; j++) dB[j] += slopeAmplitude * b[j];
            }
        }
        if (derivative != null) {
            for (int j = 0; j < n; j++) derivative[0][j] = out[j] / (2 * theta[0]);
        }
    }

    @Override
    public Optional<double[][]> analyticFisher(double[] theta) {
        checkTheta(theta);
        double[][] f = new double[2][2];
        for (int d = 0; d < dof; d++) {
            double[] g = {1 / theta[0], -logK[d]};   // ∂ ln P / ∂(A, B)
            for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) f[a][b] += 0.5 * g[a] * g[b];
        }
        return Optional.of(f);
    }

    /**
     * The score t_a = ∂ ln L/∂θ_a at {@code theta}: t_a = Σ_dof ½ ∂_a ln P (y²/v − 1), with the real
     * Fourier coefficients y recovered from the data (y = (2/N) Σ_j δ_j·basis_j, (1/N) for the Nyquist
     * mode) and v their variance at {@code theta}. These are the ideal summaries: their Fisher
     * information equals {@link #analyticFisher}.
     */
    public Compressor scoreCompressor(double[] theta) {
        checkTheta(theta);
        double[] t = theta.clone();
        return data -> {
            if (data.length != n) throw new IllegalArgumentException("data have " + data.length + " points, the field " + n);
            double[] score = new double[2];
            for (int d = 0; d < dof; d++) {
                double y = 0;
                double[] b = basis[d];
                for (int j = 0; j < n; j++) y += data[j] * b[j];
                y *= varianceShare[d];   // 2/N paired, 1/N Nyquist: the same factors as the variance shares
                double v = varianceShare[d] * t[0] * Math.exp(-t[1] * logK[d]);
                double residual = 0.5 * (y * y / v - 1);
                score[0] += residual / t[0];
                score[1] += -logK[d] * residual;
            }
            return score;
        };
    }

    private static void checkTheta(double[] theta) {
        if (theta == null || theta.length != 2) {
            throw new IllegalArgumentException("θ = (A, B) has 2 entries, got " + (theta == null ? "null" : theta.length));
        }
        if (!(theta[0] > 0) || !Double.isFinite(theta[0])) throw new IllegalArgumentException("the amplitude A must be positive, got " + theta[0]);
        if (!Double.isFinite(theta[1])) throw new IllegalArgumentException("the slope B must be finite, got " + theta[1]);
    }
}
