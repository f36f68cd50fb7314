package org.physlab.calabiyau.hermitian;

import org.physlab.calabiyau.complex.Complex;

/**
 * An N×N Hermitian matrix H = Hr + i·Hi (Hr symmetric, Hi antisymmetric), stored as row-major real and
 * imaginary parts. Immutable.
 */
public final class HermitianMatrix {

    private final int n;
    private final double[] re;
    private final double[] im;

    private HermitianMatrix(int n, double[] re, double[] im) {
        this.n = n;
        this.re = re;
        this.im = im;
    }

    public static HermitianMatrix identity(int n) {
        if (n < 1) throw new IllegalArgumentException("matrix size must be at least 1, got " + n);
        double[] re = new double[n * n];
        for (int i = 0; i < n; i++) re[i * n + i] = 1;
        return new HermitianMatrix(n, re, new double[n * n]);
    }

    /**
     * The matrix with the given parts; symmetrised ((H + H^†)/2) after checking that H is Hermitian to
     * 1e-9 relative and finite.
     *
     * @throws IllegalArgumentException if the sizes do not match, an entry is not finite, or H is not Hermitian
     */
    public static HermitianMatrix of(int n, double[] re, double[] im) {
        if (n < 1 || re.length != n * n || im.length != n * n) {
            throw new IllegalArgumentException("a " + n + "x" + n + " matrix needs " + n * n
                    + " real and imaginary parts, got " + re.length + " and " + im.length);
        }
        double scale = 0;
        for (int k = 0; k < n * n; k++) {
            if (!Double.isFinite(re[k]) || !Double.isFinite(im[k])) {
                throw new IllegalArgumentException("H has a non-finite entry at (" + k / n + ", " + k % n + ")");
            }
            scale = Math.max(scale, Math.hypot(re[k], im[k]));
        }
        double[] r = new double[n * n], s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dr = re[i * n + j] - re[j * n + i], di = im[i * n + j] + im[j * n + i];
                if (Math.hypot(dr, di) > 1e-9 * Math.max(scale, Double.MIN_NORMAL)) {
                    throw new IllegalArgumentException("H is not Hermitian: H[" + i + "][" + j + "] != conj(H[" + j + "][" + i + "])");
                }
                r[i * n + j] = 0.5 * (re[i * n + j] + re[j * n + i]);
                s[i * n + j] = 0.5 * (im[i * n + j] - im[j * n + i]);
            }
        }
        return new HermitianMatrix(n, r, s);
    }

    /** H = M M^† for an upper-triangular M given by its real and imaginary parts (row-major). */
    static HermitianMatrix gram(int n, double[] mr, double[] mi) {
        // Hr = Mr Mr^T + Mi Mi^T, Hi = Mi Mr^T − Mr Mi^T
        double[] re = new double[n * n], im = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double r = 0, s = 0;
                for (int l = Math.max(i, j); l < n; l++) {
                    double ar = mr[i * n + l], ai = mi[i * n + l], br = mr[j * n + l], bi = mi[j * n + l];
                    r += ar * br + ai * bi;
                    s += ai * br - ar * bi;
                }
                re[i * n + j] = r;
                im[i * n + j] = s;
                re[j * n + i] = r;
                im[j * n + i] = -s;
            }
        }
        return new HermitianMatrix(n, re, im);
    }

    public int size() {
        return n;
    }

    public Complex get(int i, int j) {
        return new Complex(re[i * n + j], im[i * n + j]);
    }

    /** Real parts, row-major (a copy). */
    public double[] real() {
        return re.clone();
    }

    /** Imaginary parts, row-major (a copy). */
    public double[] imaginary() {
        return im.clone();
    }

    /** Whether H is the identity exactly. */
    public boolean isIdentity() {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (re[i * n + j] != (i == j ? 1 : 0) || im[i * n + j] != 0) return false;
            }
        }
        return true;
    }

    /**
     * out = H · conj(v) for a complex N-vector v of pairs (out: N pairs).
     */
    public void timesConjugate(double[] v, double[] out) {
        for (int a = 0; a < n; a++) {
            double r = 0, s = 0;
            int row = a * n;
            for (int b = 0; b < n; b++) {
                double hr = re[row + b], hi = im[row + b], vr = v[2 * b], vi = -v[2 * b + 1];
                r += hr * vr - hi * vi;
                s += hr * vi + hi * vr;
            }
            out[2 * a] = r;
            out[2 * a + 1] = s;
        }
    }

    /**
     * out = H · conj(V) for an N×c complex matrix V (row-major pairs, out likewise): c products with one
     * pass over H, the kernel of the metric's ψ, ψ_i and ψ_{i j̄}.
     */
    public void timesConjugate(double[] v, int columns, double[] out) {
        int c2 = 2 * columns;
        double[] acc = new double[c2];
        for (int a = 0; a < n; a++) {
            java.util.Arrays.fill(acc, 0);
            int row = a * n;
            for (int b = 0; b < n; b++) {
                double hr = re[row + b], hi = im[row + b];
                if (hr == 0 && hi == 0) continue;
                int vb = b * c2;
                for (int c = 0; c < c2; c += 2) {
                    double vr = v[vb + c], vi = -v[vb + c + 1];
                    acc[c] += hr * vr - hi * vi;
                    acc[c + 1] += hr * vi + hi * vr;
                }
            }
            System.arraycopy(acc, 0, out, a * c2, c2);
        }
    }

    /** Whether H is positive definite: a complex Cholesky factorisation succeeds with diagonal &gt; 1e-12·max|H_ii|. */
    public boolean isPositiveDefinite() {
        double[] lr = new double[n * n], li = new double[n * n];
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, re[i * n + i]);
        if (!(scale > 0)) return false;
        for (int j = 0; j < n; j++) {
            double d = re[j * n + j];
            for (int l = 0; l < j; l++) d -= lr[j * n + l] * lr[j * n + l] + li[j * n + l] * li[j * n + l];
            if (!(d > 1e-12 * scale)) return false;
            double djj = Math.sqrt(d);
            lr[j * n + j] = djj;
            for (int i = j + 1; i < n; i++) {
                // L_ij = (H_ij − Σ_l L_il conj(L_jl)) / L_jj
                double r = re[i * n + j], s = im[i * n + j];
                for (int l = 0; l < j; l++) {
                    double ar = lr[i * n + l], ai = li[i * n + l], br = lr[j * n + l], bi = -li[j * n + l];
                    r -= ar * br - ai * bi;
                    s -= ar * bi + ai * br;
                }
                lr[i * n + j] = r / djj;
                li[i * n + j] = s / djj;
            }
        }
        return true;
    }

    /** This matrix scaled by s. */
    public HermitianMatrix times(double s) {
        double[] r = re.clone(), i = im.clone();
        for (int k = 0; k < r.length; k++) {
            r[k] *= s;
            i[k] *= s;
        }
        return new HermitianMatrix(n, r, i);
    }
}
