package org.physlab.web.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorMapTest {

    @Test
    void viridisRunsFromDarkVioletToYellow() {
        assertEquals(0x440154, ColorMap.VIRIDIS.rgb(0));
        assertEquals(0x21918c, ColorMap.VIRIDIS.rgb(0.5));
        assertEquals(0xfde725, ColorMap.VIRIDIS.rgb(1));
        assertEquals("#fde725", ColorMap.VIRIDIS.hex(1.0));
    }

    @Test
    void fractionsOutsideZeroToOneAreClampedAndNaNIsMissing() {
        assertEquals(ColorMap.VIRIDIS.rgb(0), ColorMap.VIRIDIS.rgb(-3));
        assertEquals(ColorMap.VIRIDIS.rgb(1), ColorMap.VIRIDIS.rgb(7.5));
        assertEquals(ColorMap.MISSING, ColorMap.VIRIDIS.rgb(Double.NaN));
    }

    @Test
    void betweenStopsTheColourIsInterpolated() {
        int mid = ColorMap.VIRIDIS.rgb(0.05); // halfway between 0x440154 and 0x482475
        assertEquals(0x46, mid >> 16 & 0xff);
        assertEquals(0x13, mid >> 8 & 0xff);
        assertEquals(0x65, mid & 0xff);
    }

    @Test
    void brightnessRisesSteadilySoTheMapReadsInGrey() {
        double previous = -1;
        for (int i = 0; i <= 50; i++) {
            int rgb = ColorMap.VIRIDIS.rgb(i / 50.0);
            double grey = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
            assertTrue(grey > previous, "grey level must rise at " + i / 50.0);
            previous = grey;
        }
    }

    @Test
    void textIsWhiteOnTheDarkEndAndBlackOnTheLightEnd() {
        assertEquals("#ffffff", ColorMap.textColorOn(ColorMap.VIRIDIS.rgb(0)));
        assertEquals("#000000", ColorMap.textColorOn(ColorMap.VIRIDIS.rgb(1)));
    }

    @Test
    void theCssGradientGoesThroughEveryStopFromTheLowestValue() {
        String css = ColorMap.VIRIDIS.cssGradient("to top");
        assertTrue(css.startsWith("linear-gradient(to top, #440154, #482475"), css);
        assertTrue(css.endsWith("#fde725)"), css);
    }
}
