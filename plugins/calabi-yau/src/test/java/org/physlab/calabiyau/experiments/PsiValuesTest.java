package org.physlab.calabiyau.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.physlab.calabiyau.complex.Complex;

class PsiValuesTest {

    @Test
    void singleValuesAndLists() {
        assertEquals(List.of(Complex.of(10, 3)), PsiValues.parse("10+3i"));
        assertEquals(List.of(Complex.ZERO, Complex.ONE, Complex.of(10, 3), Complex.of(0, -2.5), Complex.of(1e-3, -4.5)),
                PsiValues.parse("0, 1, 10+3i, -2.5i, 1e-3-4.5i"));
        assertEquals(List.of(Complex.of(0, 1), Complex.of(0, -1), Complex.of(2e-2, 1e3)), PsiValues.parse("i,-i,2e-2+1e+3i"));
    }

    @Test
    void polarGridIsRadiusMajor() {
        List<Complex> grid = PsiValues.parse("1..100/5x10");
        assertEquals(50, grid.size());
        assertEquals(1, grid.get(0).abs(), 1e-12);
        assertEquals(25.75, grid.get(10).abs(), 1e-12);
        assertEquals(Math.PI / 5, grid.get(11).arg(), 1e-12);
        assertEquals(100, grid.get(49).abs(), 1e-12);
        assertEquals(11, PsiValues.parse("0,1..100/5x2").size());
    }

    @Test
    void nonFiniteOrMalformedValuesNameTheEntry() {
        for (String bad : List.of("NaN", "1+NaNi", "Infinity", "", "1+2", "3x", "5..1/3x2", "1..2/0x3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PsiValues.parse(bad), bad);
            assertTrue(!e.getMessage().isBlank(), bad);
        }
    }
}
