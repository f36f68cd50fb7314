package org.physlab.calabiyau.complex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComplexArraysTest {

    @Test
    void kernelsAgreeWithTheValueType() {
        double[] a = {1, 2, 3, -1, 0.5, 0.25};      // 1+2i, 3−i, 0.5+0.25i
        double[] out = new double[6];
        ComplexArrays.mul(a, 0, a, 1, out, 0);
        assertEquals(Complex.of(5, 5), Complex.at(out, 0));
        ComplexArrays.div(out, 0, a, 1, out, 1);     // (5+5i)/(3−i) = 1+2i, aliasing allowed
        assertTrue(Complex.at(out, 1).minus(Complex.of(1, 2)).abs() < 1e-15);
        ComplexArrays.dot(a, 0, a, 1, 2, out, 2);     // (1+2i)(3−i) + (3−i)(0.5+0.25i) = 5+5i + 1.75+0.25i
        assertTrue(Complex.at(out, 2).minus(Complex.of(6.75, 5.25)).abs() < 1e-15);
        assertEquals(10, ComplexArrays.abs2(a, 1));
        assertTrue(ComplexArrays.allFinite(a));
        assertFalse(ComplexArrays.allFinite(new double[] {1, Double.NaN}));
    }
}
