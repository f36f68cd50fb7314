package org.physlab.calabiyau.complex;

/**
 * Allocation-free kernels on complex numbers stored as interleaved (re, im) pairs in flat
 * {@code double[]} arrays: element {@code i} is {@code (a[2i], a[2i+1])}. Index arguments are pair indices.
 */
public final class ComplexArrays {

    private ComplexArrays() {
    }

    /** |a_i|^2. */
    public static double abs2(double[] a, int i) {
        double re = a[2 * i], im = a[2 * i + 1];
        return re * re + im * im;
    }

    /** out_o = a_i · b_j. {@code out} may alias {@code a} or {@code b}. */
    public static void mul(double[] a, int i, double[] b, int j, double[] out, int o) {
        double ar = a[2 * i], ai = a[2 * i + 1], br = b[2 * j], bi = b[2 * j + 1];
        out[2 * o] = ar * br - ai * bi;
        out[2 * o + 1] = ar * bi + ai * br;
    }

    /** out_o = a_i / b_j. {@code out} may alias {@code a} or {@code b}. */
    public static void div(double[] a, int i, double[] b, int j, double[] out, int o) {
        double ar = a[2 * i], ai = a[2 * i + 1], br = b[2 * j], bi = b[2 * j + 1];
        double d = br * br + bi * bi;
        out[2 * o] = (ar * br + ai * bi) / d;
        out[2 * o + 1] = (ai * br - ar * bi) / d;
    }

    /** Σ_{i<n} a_{aOff+i} · b_{bOff+i} (no conjugation), written to out_o. */
    public static void dot(double[] a, int aOff, double[] b, int bOff, int n, double[] out, int o) {
        double re = 0, im = 0;
        for (int i = 0; i < n; i++) {
            int x = 2 * (aOff + i), y = 2 * (bOff + i);
            double ar = a[x], ai = a[x + 1], br = b[y], bi = b[y + 1];
            re += ar * br - ai * bi;
            im += ar * bi + ai * br;
        }
        out[2 * o] = re;
        out[2 * o + 1] = im;
    }

    /** Whether every entry is finite. */
    public static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) return false;
        }
        return true;
    }
}
