package org.physlab.web.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorScaleTest {

    @Test
    void spansTheFiniteValuesOnly() {
        ColorScale scale = ColorScale.of(new double[][] {{2, Double.NaN}, {Double.POSITIVE_INFINITY, -1}, {5, 0}});
        assertEquals(-1, scale.min());
        assertEquals(5, scale.max());
        assertEquals(ColorMap.VIRIDIS.rgb(0), scale.rgb(-1));
        assertEquals(ColorMap.VIRIDIS.rgb(1), scale.rgb(5));
        assertEquals(0.5, scale.fraction(2));
        assertEquals(ColorMap.MISSING, scale.rgb(Double.NaN));
    }

    @Test
    void constantDataSitInTheMiddleOfTheMap() {
        ColorScale scale = ColorScale.of(new double[] {3, 3, 3});
        assertEquals(0.5, scale.fraction(3));
    }

    @Test
    void dataWithoutAFiniteValueHaveNoScale() {
        assertNull(ColorScale.of(new double[] {Double.NaN}));
        assertNull(ColorScale.of(new double[0][]));
    }

    @Test
    void minAboveMaxIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ColorScale(2, 1, ColorMap.VIRIDIS));
        assertTrue(e.getMessage().contains("min <= max"));
    }
}
