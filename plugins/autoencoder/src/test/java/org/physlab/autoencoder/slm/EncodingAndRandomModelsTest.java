package org.physlab.autoencoder.slm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class EncodingAndRandomModelsTest {

    private static final LineBundleSum SLIDE_GAMMA4 = ReferenceModels.slideModels5302().get(0).model();

    @Test
    void theTalksEncodingHas330InputsAndRoundTrips() {
        OneHotEncoding enc = new OneHotEncoding(6, 5);
        assertEquals(330, enc.length());
        float[] x = enc.encode(SLIDE_GAMMA4);
        float sum = 0;
        for (float v : x) sum += v;
        assertEquals(30, sum);
        // line bundle 1 = (-1,-1,-1,1,1,1): slot 0 holds charge -1, i.e. class 4 of 11
        assertEquals(1f, x[4]);
        assertEquals(1f, x[(0 * 6 + 3) * 11 + 6]);
        assertEquals(SLIDE_GAMMA4, enc.decode(x));
    }

    @Test
    void decodingTakesTheLargestEntryOfEachGroup() {
        OneHotEncoding enc = new OneHotEncoding(2, 2, 1);
        float[] x = {0.1f, 0.2f, 0.7f, 0.5f, 0.4f, 0.1f, 0.3f, 0.3f, 0.2f, 0f, 0.9f, 0.1f};
        assertArrayEquals(new int[][] {{1, -1}, {-1, 0}}, enc.decode(x).charges());
    }

    @Test
    void aChargeOutsideTheRangeIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OneHotEncoding(6, 1).encode(SLIDE_GAMMA4));
        assertTrue(e.getMessage().contains("outside [-1, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OneHotEncoding(5, 5).encode(SLIDE_GAMMA4));
    }

    @Test
    void randomModelsHaveNoC1AndTheSpreadOfTheSlms() {
        List<LineBundleSum> slms = List.of(SLIDE_GAMMA4, ReferenceModels.slideModels5302().get(1).model());
        List<LineBundleSum> random = RandomModels.like(slms, 4000, new SplittableRandom(1));
        assertEquals(4000, random.size());
        double sumSq = 0;
        int n = 0;
        for (LineBundleSum m : random) {
            assertArrayEquals(new int[6], m.c1());
            for (int a = 0; a < 4; a++) for (int i = 0; i < 6; i++) {
                sumSq += m.charge(a, i) * m.charge(a, i);
                n++;
            }
        }
        // the slide models' charges: 60 numbers, sum of squares 32 + 38 = 70 -> sigma^2 = 70/60; rounding adds ~1/12
        assertEquals(70.0 / 60 + 1.0 / 12, sumSq / n, 0.06);
        assertEquals(random, RandomModels.like(slms, 4000, new SplittableRandom(1)));
    }
}
