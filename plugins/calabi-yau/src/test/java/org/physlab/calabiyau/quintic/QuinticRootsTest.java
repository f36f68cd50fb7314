package org.physlab.calabiyau.quintic;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physlab.calabiyau.quintic.ComplexAssert.assertClose;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.complex.Complex;

class QuinticRootsTest {

    @Test
    void rootsOfTheSpecLine() {
        Complex[] expected = {Complex.of(-0.4039185504, -0.2764021270), Complex.of(-0.2113314384, 0.7905191805),
                Complex.of(0.1587270760, -1.7460495951), Complex.of(1.2220165992, 1.1992203903),
                Complex.of(1.6942884407, -1.4095448958)};
        Complex[] roots = SpecLine.sortedRoots();
        for (int m = 0; m < 5; m++) assertClose(expected[m], roots[m], 1e-8, "root " + m);
    }

    @Test
    void recoversPrescribedRootsIncludingAClusterAndZero() {
        Complex[] roots = {Complex.of(1e-3, 0), Complex.of(1.001e-3, 1e-7), Complex.ZERO, Complex.of(-7, 2),
                Complex.of(0.5, -40)};
        double[] c = fromRoots(Complex.of(0.3, -1.2), roots);
        double[] found = QuinticRoots.roots(c);
        for (Complex r : roots) {
            double best = Double.MAX_VALUE;
            for (int m = 0; m < 5; m++) best = Math.min(best, Complex.at(found, m).minus(r).abs());
            assertTrue(best <= 1e-9 * Math.max(1, r.abs()), "root " + r + " missed by " + best);
        }
    }

    @Test
    void randomQuinticsHaveSmallResiduals() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] pv = new double[4];
        for (int trial = 0; trial < 200; trial++) {
            double[] c = new double[12];
            for (int k = 0; k < 12; k++) c[k] = rnd.nextGaussian();
            double[] t = QuinticRoots.roots(c);
            for (int m = 0; m < 5; m++) {
                QuinticRoots.horner(c, 5, t[2 * m], t[2 * m + 1], pv);
                double scale = 0, tz = Complex.at(t, m).abs();
                for (int k = 0; k <= 5; k++) scale += Math.hypot(c[2 * k], c[2 * k + 1]) * Math.pow(tz, k);
                assertTrue(Math.hypot(pv[0], pv[1]) < 1e-13 * scale, "residual of trial " + trial);
            }
        }
    }

    @Test
    void rejectsAVanishingLeadingCoefficient() {
        assertThrows(IllegalArgumentException.class, () -> QuinticRoots.roots(new double[] {1, 0, 2, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> QuinticRoots.roots(new double[] {Double.NaN, 0, 1, 0}));
    }

    /** Coefficients (lowest first) of lead · Π (t − r). */
    private static double[] fromRoots(Complex lead, Complex[] roots) {
        Complex[] c = {lead};
        for (Complex r : roots) {
            Complex[] n = new Complex[c.length + 1];
            for (int k = 0; k < n.length; k++) {
                Complex v = Complex.ZERO;
                if (k >= 1) v = v.plus(c[k - 1]);
                if (k < c.length) v = v.minus(c[k].times(r));
                n[k] = v;
            }
            c = n;
        }
        double[] out = new double[2 * c.length];
        for (int k = 0; k < c.length; k++) {
            out[2 * k] = c[k].re();
            out[2 * k + 1] = c[k].im();
        }
        return out;
    }
}
