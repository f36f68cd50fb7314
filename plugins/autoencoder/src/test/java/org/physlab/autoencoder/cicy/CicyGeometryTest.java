package org.physlab.autoencoder.cicy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class CicyGeometryTest {

    /** pyCICY's documented example: [[2,2,1],[3,1,3]] has d_011 = 7, c2 = (36, 44), ind O(-4,3) = -46. */
    @Test
    void pyCicyExampleAnchors() {
        CicyGeometry g = CicyGeometry.of("[[2,2,1],[3,1,3]]");
        assertEquals(7, g.intersection(0, 1, 1));
        assertArrayEquals(new int[] {36, 44}, g.c2());
        assertEquals(-46, g.index(new int[] {-4, 3}));
    }

    @Test
    void eulerNumbersOfTheSpecAnchors() {
        assertEquals(-200, new CicyGeometry(KnownCicys.resolve("quintic")).euler());
        assertEquals(-162, new CicyGeometry(KnownCicys.resolve("bicubic")).euler());
        assertEquals(-128, new CicyGeometry(KnownCicys.byNumber(7862)).euler());
        assertEquals(-64, new CicyGeometry(KnownCicys.byNumber(6777)).euler());
        assertEquals(-48, new CicyGeometry(KnownCicys.byNumber(5302)).euler());
    }

    @Test
    void theQuinticHasD111Five() {
        CicyGeometry g = new CicyGeometry(KnownCicys.resolve("quintic"));
        assertEquals(5, g.intersection(0, 0, 0));
        assertArrayEquals(new int[] {50}, g.c2());
        // chi(O(1)) on the quintic = 5 sections of P^4
        assertEquals(5, g.index(new int[] {1}));
    }

    /** Every d_rst, c2(TX) and Euler number of cicy_geometry.json, from the configuration alone. */
    @Test
    void everyReferenceManifoldMatchesCicyGeometryJson() throws Exception {
        JsonNode cicys;
        try (InputStream in = getClass().getResourceAsStream("/slm/cicy_geometry.json")) {
            cicys = new ObjectMapper().readTree(in).get("cicys");
        }
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = cicys.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode ref = e.getValue();
            Configuration c = Configuration.parse(new ObjectMapper().writeValueAsString(Map.of(
                    "projective_dims", ref.get("projective_dims"), "degrees", ref.get("degrees"))));
            assertEquals(c, KnownCicys.byNumber(Integer.parseInt(e.getKey())), "KnownCicys entry " + e.getKey());
            CicyGeometry g = new CicyGeometry(c);
            int h = g.h11();
            assertEquals(ref.get("euler").intValue(), g.euler(), "euler of " + e.getKey());
            for (int r = 0; r < h; r++) assertEquals(ref.get("c2_TX").get(r).intValue(), g.c2()[r], "c2 of " + e.getKey());
            int[][][] expected = new int[h][h][h];
            for (JsonNode t : ref.get("triple_intersections_r_le_s_le_t")) {
                int r = t.get(0).intValue(), s = t.get(1).intValue(), u = t.get(2).intValue();
                expected[r][s][u] = t.get(3).intValue();
            }
            for (int r = 0; r < h; r++) {
                for (int s = r; s < h; s++) {
                    for (int u = s; u < h; u++) {
                        assertEquals(expected[r][s][u], g.intersection(r, s, u), e.getKey() + " d" + r + s + u);
                        assertEquals(g.intersection(r, s, u), g.intersection(u, r, s), "symmetric");
                        assertEquals(g.intersection(r, s, u), g.intersection(s, u, r), "symmetric");
                    }
                }
            }
            checked++;
        }
        assertEquals(7, checked);
    }

    /** Spec section 4: on 5302, ind = 2(e3 + e1), c2(V)_r = -2 sum_a e2(k_a without r), mu = 4 sum_r k^r e2(t without r). */
    @Test
    void cicy5302ClosedFormsAgreeWithTheGeneralFormulas() {
        CicyGeometry g = new CicyGeometry(KnownCicys.byNumber(5302));
        SplittableRandom random = new SplittableRandom(5302);
        for (int trial = 0; trial < 300; trial++) {
            int[][] v = new int[5][6];
            for (int a = 0; a < 4; a++) for (int r = 0; r < 6; r++) v[a][r] = random.nextInt(-5, 6);
            for (int r = 0; r < 6; r++) v[4][r] = -(v[0][r] + v[1][r] + v[2][r] + v[3][r]);
            for (int[] k : v) assertEquals(2 * (e(k, 3, -1) + e(k, 1, -1)), g.index(k), "index");
            int[] c2v = g.c2(v);
            for (int r = 0; r < 6; r++) {
                long closed = 0;
                for (int[] k : v) closed += -2 * e(k, 2, r);
                assertEquals(closed, c2v[r], "c2(V)_" + r);
            }
            double[] t = new double[6];
            for (int r = 0; r < 6; r++) t[r] = 0.1 + random.nextDouble() * 3;
            double closed = 0;
            for (int r = 0; r < 6; r++) closed += 4 * v[0][r] * e2(t, r);
            assertEquals(closed, g.slope(v[0], t), 1e-9 * Math.max(1, Math.abs(closed)), "slope");
        }
    }

    @Test
    void c2OfASumWithoutC1IsMinusHalfTheQuadraticPart() {
        CicyGeometry g = new CicyGeometry(KnownCicys.byNumber(6777));
        int[][] v = {{-1, -1, 1, 1, 0}, {-1, 1, -1, 1, 0}, {1, -1, 0, -1, 0}, {-1, 0, 0, 1, 0}, {2, 1, 0, -2, 0}};
        int[] c2 = g.c2(v);
        for (int r = 0; r < 5; r++) {
            int sum = 0;
            for (int[] k : v) sum += g.quadratic(k)[r];
            assertEquals(-sum / 2, c2[r]);
        }
        assertTrue(g.toString().contains("chi = -64"));
    }

    // elementary symmetric polynomial e_p of k with entry `skip` removed (skip = -1: none)
    private static long e(int[] k, int p, int skip) {
        long[] e = new long[p + 1];
        e[0] = 1;
        for (int i = 0; i < k.length; i++) {
            if (i == skip) continue;
            for (int j = p; j >= 1; j--) e[j] += e[j - 1] * k[i];
        }
        return e[p];
    }

    private static double e2(double[] t, int skip) {
        double s = 0;
        for (int i = 0; i < t.length; i++) for (int j = i + 1; j < t.length; j++) if (i != skip && j != skip) s += t[i] * t[j];
        return s;
    }
}
