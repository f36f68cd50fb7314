package org.physlab.calabiyau.quintic;

import java.util.Arrays;
import java.util.Comparator;

import org.physlab.calabiyau.complex.Complex;

/**
 * The deterministic line of the spec's test vectors (§15): Dwork ψ = 0.5 + 0.2i,
 * p' = (1, 0.5i, −0.3, 0.2+0.1i, −0.4i), q' = (0.3, −i, 0.8, 0.1−0.5i, 0.6), both normalised, and its five
 * intersection points sorted by (Re t, Im t).
 */
public final class SpecLine {

    public static final DworkQuintic QUINTIC = new DworkQuintic(Complex.of(0.5, 0.2));

    private SpecLine() {
    }

    public static double[] p() {
        return normalised(new double[] {1, 0, 0, 0.5, -0.3, 0, 0.2, 0.1, 0, -0.4});
    }

    public static double[] q() {
        return normalised(new double[] {0.3, 0, 0, -1, 0.8, 0, 0.1, -0.5, 0.6, 0});
    }

    /** The roots t, sorted by real then imaginary part, as Complex values. */
    public static Complex[] sortedRoots() {
        double[] t = QuinticRoots.roots(QUINTIC.lineCoefficients(p(), q()));
        Complex[] r = new Complex[5];
        for (int m = 0; m < 5; m++) r[m] = Complex.at(t, m);
        Arrays.sort(r, Comparator.comparingDouble(Complex::re).thenComparingDouble(Complex::im));
        return r;
    }

    /** The five points p + t q in root order, each in its optimal chart. */
    public static ChartPoint[] points() {
        Complex[] t = sortedRoots();
        ChartPoint[] pts = new ChartPoint[5];
        for (int m = 0; m < 5; m++) pts[m] = QUINTIC.chart(LineSampler.pointOnLine(p(), q(), t[m].re(), t[m].im()));
        return pts;
    }

    private static double[] normalised(double[] z) {
        double n = 0;
        for (double v : z) n += v * v;
        n = Math.sqrt(n);
        for (int i = 0; i < z.length; i++) z[i] /= n;
        return z;
    }
}
