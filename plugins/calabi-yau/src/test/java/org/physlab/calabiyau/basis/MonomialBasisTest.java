package org.physlab.calabiyau.basis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.quintic.ChartPoint;
import org.physlab.calabiyau.quintic.DworkQuintic;

class MonomialBasisTest {

    @Test
    void fullBasisSizes() {
        int[] sizes = {5, 15, 35, 70, 126, 210};
        for (int k = 1; k <= 6; k++) {
            assertEquals(sizes[k - 1], MonomialBasis.full(k).size(), "k = " + k);
            assertEquals(sizes[k - 1], MonomialBasis.fullSize(k));
        }
    }

    @Test
    void reducedBasisDropsMultiplesOfZ0ToTheFifth() {
        assertEquals(35, MonomialBasis.reduced(3).size());
        assertEquals(125, MonomialBasis.reduced(5).size());
        assertEquals(205, MonomialBasis.reduced(6).size());
    }

    @Test
    void lexicographicMultisetOrder() {
        MonomialBasis b = MonomialBasis.full(3);
        int[][] first = {{3, 0, 0, 0, 0}, {2, 1, 0, 0, 0}, {2, 0, 1, 0, 0}, {2, 0, 0, 1, 0}, {2, 0, 0, 0, 1},
                {1, 2, 0, 0, 0}, {1, 1, 1, 0, 0}, {1, 1, 0, 1, 0}};
        for (int a = 0; a < first.length; a++) assertArrayEquals(first[a], b.exponents(a));
        assertArrayEquals(new int[] {0, 0, 0, 2, 1}, b.exponents(32));
        assertArrayEquals(new int[] {0, 0, 0, 1, 2}, b.exponents(33));
        assertArrayEquals(new int[] {0, 0, 0, 0, 3}, b.exponents(34));
    }

    @Test
    void sectionsAreMonomialsOfTheHomogeneousPointOverThePatchCoordinate() {
        double[] z = {0.2, -0.3, 0.9, 0.4, -0.1, 0.5, 0.3, 0.3, 0.6, -0.2};
        ChartPoint p = DworkQuintic.fermat().chart(z);   // not on the variety: sections do not care
        MonomialBasis b = MonomialBasis.full(3);
        double[] s = new double[2 * b.size()];
        b.evaluate(p, s, null);
        Complex zp = Complex.at(z, p.patch());
        for (int a = 0; a < b.size(); a++) {
            Complex m = Complex.ONE;
            int[] e = b.exponents(a);
            for (int h = 0; h < 5; h++) m = m.times(Complex.at(z, h).dividedBy(zp).pow(e[h]));
            assertTrue(m.minus(Complex.at(s, a)).abs() < 1e-14, "section " + a);
        }
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        double[] z = {0.2, -0.3, 0.9, 0.4, -0.1, 0.5, 0.3, 0.3, 0.6, -0.2};
        ChartPoint p = DworkQuintic.fermat().chart(z);
        MonomialBasis b = MonomialBasis.full(4);
        int n = b.size();
        double[] s = new double[2 * n], ds = new double[8 * n], sp = new double[2 * n], sm = new double[2 * n];
        b.evaluate(p, s, ds);
        double h = 1e-6;
        for (int a = 0; a < 4; a++) {
            int hd = ChartPoint.homogeneousIndex(a, p.patch());
            double[] zp = z.clone(), zm = z.clone();
            // move u_a by ±h along the real axis: z_hd ± h·z_patch
            Complex zpatch = Complex.at(z, p.patch());
            zp[2 * hd] += h * zpatch.re();
            zp[2 * hd + 1] += h * zpatch.im();
            zm[2 * hd] -= h * zpatch.re();
            zm[2 * hd + 1] -= h * zpatch.im();
            b.evaluate(DworkQuintic.fermat().chart(zp), sp, null);
            b.evaluate(DworkQuintic.fermat().chart(zm), sm, null);
            for (int al = 0; al < n; al++) {
                Complex fd = Complex.at(sp, al).minus(Complex.at(sm, al)).times(1 / (2 * h));
                assertTrue(fd.minus(Complex.at(ds, al * 4 + a)).abs() < 1e-8, "d s_" + al + "/d u_" + a);
            }
        }
    }

    @Test
    void rejectsDegreeBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MonomialBasis.full(0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
