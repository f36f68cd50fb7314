package org.physlab.calabiyau.donaldson;

import org.physlab.calabiyau.hermitian.HermitianMatrix;

/**
 * Square complex matrices stored row-major as interleaved (re, im) pairs in one flat {@code double[]}:
 * entry (a, b) of an n×n matrix is {@code m[2(a n + b)] + i m[2(a n + b) + 1]}. The few dense operations
 * the balancing iteration needs (inverse, transpose, Hermitian part, max-modulus normalisation), written
 * in plain Java: the sizes (n ≤ 210) are far below the point where a BLAS call would pay off.
 */
public final class ComplexMatrices {
    private ComplexMatrices() { }

    /** The n×n identity. */
    public static double[] identity(int n) {
        double[] m = new double[2 * n * n];
        for (int a = 0; a < n; a++) m[2 * (a * n + a)] = 1;
        return m;
    }

    /** The interleaved form of a Hermitian matrix. */
    public static double[] of(HermitianMatrix h) {
        double[] re = h.real(), im = h.imaginary();
        double[] m = new double[2 * re.length];
        for (int i = 0; i < re.length; i++) {
            m[2 * i] = re[i];
            m[2 * i + 1] = im[i];
        }
        return m;
    }

    /**
     * The Hermitian matrix stored in {@code m}.
     *
     * @throws IllegalArgumentException if m is not Hermitian (to 1e-9 relative) or has a non-finite entry
     */
    public static HermitianMatrix toHermitian(double[] m) {
        int n = order(m);
        double[] re = new double[n * n], im = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            re[i] = m[2 * i];
            im[i] = m[2 * i + 1];
        }
        return HermitianMatrix.of(n, re, im);
    }

    /** The order n of a square matrix stored in {@code m}, checking that the length is 2n². */
    public static int order(double[] m) {
        int n = (int) Math.round(Math.sqrt(m.length / 2.0));
        if (2 * n * n != m.length) {
            throw new IllegalArgumentException("a complex square matrix needs 2n² doubles, got " + m.length);
        }
        return n;
    }

    /** The plain transpose m^T (no conjugation). */
    public static double[] transpose(double[] m) {
        int n = order(m);
        double[] t = new double[m.length];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                t[2 * (b * n + a)] = m[2 * (a * n + b)];
                t[2 * (b * n + a) + 1] = m[2 * (a * n + b) + 1];
            }
        }
        return t;
    }

    /** The Hermitian part (m + m^†)/2. */
    public static double[] hermitianPart(double[] m) {
        int n = order(m);
        double[] h = new double[m.length];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int ab = 2 * (a * n + b);
                int ba = 2 * (b * n + a);
                h[ab] = 0.5 * (m[ab] + m[ba]);
                h[ab + 1] = 0.5 * (m[ab + 1] - m[ba + 1]);
            }
        }
        return h;
    }

    /** The largest modulus |m_ab| of any entry. */
    public static double maxModulus(double[] m) {
        double max = 0;
        for (int i = 0; i < m.length; i += 2) max = Math.max(max, Math.hypot(m[i], m[i + 1]));
        return max;
    }

    /** m / max|m_ab|: the normalisation applied after every balancing step. */
    public static double[] normalisedByMaxModulus(double[] m) {
        double max = maxModulus(m);
        if (!(max > 0) || !Double.isFinite(max)) {
            throw new ArithmeticException("cannot normalise a matrix whose largest entry modulus is " + max);
        }
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) r[i] = m[i] / max;
        return r;
    }

    /** The product a·b of two n×n complex matrices. */
    public static double[] multiply(double[] a, double[] b) {
        int n = order(a);
        if (b.length != a.length) throw new IllegalArgumentException("matrix sizes differ: " + a.length + " vs " + b.length);
        double[] c = new double[a.length];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double ar = a[2 * (i * n + l)], ai = a[2 * (i * n + l) + 1];
                if (ar == 0 && ai == 0) continue;
                for (int j = 0; j < n; j++) {
                    double br = b[2 * (l * n + j)], bi = b[2 * (l * n + j) + 1];
                    c[2 * (i * n + j)] += ar * br - ai * bi;
                    c[2 * (i * n + j) + 1] += ar * bi + ai * br;
                }
            }
        }
        return c;
    }

    /**
     * The inverse of a complex square matrix by Gauss–Jordan elimination with partial pivoting.
     *
     * @throws ArithmeticException if a pivot is zero or negligible (relative 1e-14 of the largest entry),
     *                             i.e. the matrix is singular to double precision
     */
    public static double[] inverse(double[] m) {
        int n = order(m);
        double[] a = m.clone();
        double[] inv = identity(n);
        double scale = maxModulus(m);
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new ArithmeticException("cannot invert a matrix with largest entry modulus " + scale);
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            double best = -1;
            for (int r = col; r < n; r++) {
                double mod = Math.hypot(a[2 * (r * n + col)], a[2 * (r * n + col) + 1]);
                if (mod > best) { best = mod; pivot = r; }
            }
            if (!(best > 1e-14 * scale)) {
                throw new ArithmeticException("matrix is singular to double precision (pivot " + best + " in column " + col + ")");
            }
            if (pivot != col) { swapRows(a, n, pivot, col); swapRows(inv, n, pivot, col); }
            double pr = a[2 * (col * n + col)], pi = a[2 * (col * n + col) + 1];
            double d = pr * pr + pi * pi;
            double qr = pr / d, qi = -pi / d;                 // 1 / pivot
            scaleRow(a, n, col, qr, qi);
            scaleRow(inv, n, col, qr, qi);
            for (int r = 0; r < n; r++) {
                if (r == col) continue;
                double fr = a[2 * (r * n + col)], fi = a[2 * (r * n + col) + 1];
                if (fr == 0 && fi == 0) continue;
                subtractRow(a, n, r, col, fr, fi);
                subtractRow(inv, n, r, col, fr, fi);
            }
        }
        return inv;
    }

    private static void swapRows(double[] m, int n, int r1, int r2) {
        for (int j = 0; j < 2 * n; j++) {
            double t = m[2 * r1 * n + j];
            m[2 * r1 * n + j] = m[2 * r2 * n + j];
            m[2 * r2 * n + j] = t;
        }
    }

    private static void scaleRow(double[] m, int n, int r, double sr, double si) {
        for (int j = 0; j < n; j++) {
            int k = 2 * (r * n + j);
            double re = m[k], im = m[k + 1];
            m[k] = re * sr - im * si;
            m[k + 1] = re * si + im * sr;
        }
    }

    /** row r ← row r − f · row p. */
    private static void subtractRow(double[] m, int n, int r, int p, double fr, double fi) {
        for (int j = 0; j < n; j++) {
            int kp = 2 * (p * n + j), kr = 2 * (r * n + j);
            double re = m[kp], im = m[kp + 1];
            m[kr] -= fr * re - fi * im;
            m[kr + 1] -= fr * im + fi * re;
        }
    }
}
