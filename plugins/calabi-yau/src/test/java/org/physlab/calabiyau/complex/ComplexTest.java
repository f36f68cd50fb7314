package org.physlab.calabiyau.complex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComplexTest {

    @Test
    void parsesTheUsualWritings() {
        assertEquals(Complex.of(10, 3), Complex.parse("10+3i"));
        assertEquals(Complex.of(10, -3), Complex.parse(" 10 - 3i "));
        assertEquals(Complex.of(0, -2.5), Complex.parse("-2.5i"));
        assertEquals(Complex.of(1e-3, -4.5e2), Complex.parse("1e-3-4.5e+2i"));
        assertEquals(Complex.of(7, 0), Complex.parse("7"));
        assertEquals(Complex.I, Complex.parse("i"));
        assertEquals(Complex.of(0, -1), Complex.parse("-i"));
        assertEquals(Complex.of(2, 1), Complex.parse("2+j"));
        assertFalse(Complex.parse("NaN+1i").isFinite());
        for (String bad : new String[] {"", "abc", "1+2", "1i+2i"}) {
            assertThrows(IllegalArgumentException.class, () -> Complex.parse(bad), bad);
        }
    }

    @Test
    void arithmeticAndPrinting() {
        Complex a = Complex.of(1, 2), b = Complex.of(3, -1);
        assertEquals(Complex.of(5, 5), a.times(b));
        assertTrue(a.times(b).dividedBy(b).minus(a).abs() < 1e-15);
        assertEquals(Complex.of(-3, 4), a.pow(2));
        assertEquals(5, a.abs2());
        assertEquals(Complex.of(1, -2), a.conj());
        assertEquals("10+3i", Complex.of(10, 3).toString());
        assertEquals("-2.5i", Complex.of(0, -2.5).toString());
        assertTrue(Complex.polar(2, Math.PI / 2).minus(Complex.of(0, 2)).abs() < 1e-15);
    }
}
