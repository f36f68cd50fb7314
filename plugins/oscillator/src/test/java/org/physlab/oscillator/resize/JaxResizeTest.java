package org.physlab.oscillator.resize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.physlab.oscillator.ReferenceData;

class JaxResizeTest {

    private static final JsonNode ANCHORS = ReferenceData.resizeAnchors();

    private static double[] ramp() {
        double[] x = new double[400];
        for (int i = 0; i < 400; i++) x[i] = i;
        return x;
    }

    private static double[] sine() {
        double[] x = new double[400];
        for (int i = 0; i < 400; i++) x[i] = Math.sin(i / 20.0);
        return x;
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "cubic"})
    void resizingARampAndASineMatchesJax(String method) {
        JaxResize resize = JaxResize.of(400, 50, JaxResize.Method.parse(method));
        JsonNode m = ANCHORS.get(method);
        assertArrayEquals(ReferenceData.doubles(m.get("ramp_0_to_399")), resize.apply(ramp()), 1e-9);
        assertArrayEquals(ReferenceData.doubles(m.get("sin_i_over_20")), resize.apply(sine()), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "cubic"})
    void weightColumnsMatchJaxIncludingTheTruncatedEdges(String method) {
        JaxResize resize = JaxResize.of(400, 50, JaxResize.Method.parse(method));
        JsonNode columns = ANCHORS.get(method).get("weight_columns");
        for (String col : new String[] {"col0", "col1", "col5", "col49"}) {
            int j = Integer.parseInt(col.substring(3));
            JsonNode c = columns.get(col);
            assertEquals(c.get("rows").get(0).asInt(), resize.firstTap(j), method + " " + col + " first tap");
            assertArrayEquals(ReferenceData.doubles(c.get("weights")), resize.weights(j), 1e-12, method + " " + col);
        }
    }

    @Test
    void linearDownsamplingBy8AveragesSixteenSamplesWithATriangle() {
        JaxResize resize = JaxResize.of(400, 50, JaxResize.Method.LINEAR);
        double[] w = resize.weights(10);
        assertEquals(16, w.length);
        assertEquals(8 * 10 - 4, resize.firstTap(10));
        for (int t = 0; t < 8; t++) assertEquals((2 * t + 1) / 128.0, w[t], 1e-15);
    }

    @Test
    void cubicWeightsHaveNegativeLobes() {
        double min = Double.MAX_VALUE;
        JaxResize resize = JaxResize.of(400, 50, JaxResize.Method.CUBIC);
        for (double v : resize.weights(5)) min = Math.min(min, v);
        assertEquals(32, resize.weights(5).length);
        assertEquals(-0.0092, min, 5e-5);
    }

    @Test
    void weightsOfEveryOutputSumToOne() {
        for (JaxResize.Method m : JaxResize.Method.values()) {
            for (int[] sizes : new int[][] {{400, 50}, {400, 37}, {50, 400}, {7, 3}, {3, 7}}) {
                JaxResize r = JaxResize.of(sizes[0], sizes[1], m);
                for (int j = 0; j < sizes[1]; j++) {
                    double s = 0;
                    for (double w : r.weights(j)) s += w;
                    assertEquals(1.0, s, 1e-12, m + " " + sizes[0] + "->" + sizes[1] + " output " + j);
                }
            }
        }
    }

    @Test
    void equalSizesLeaveTheAxisAlone() {
        double[] x = sine();
        assertArrayEquals(x, JaxResize.of(400, 400, JaxResize.Method.CUBIC).apply(x), 0.0);
    }

    @Test
    void upsamplingInterpolatesWithoutWideningTheKernel() {
        // 2 -> 4, linear: half-pixel centres at -0.25, 0.25, 0.75, 1.25 of the input
        double[] out = JaxResize.of(2, 4, JaxResize.Method.LINEAR).apply(new double[] {0, 1});
        assertArrayEquals(new double[] {0, 0.25, 0.75, 1}, out, 1e-12);
    }

    @Test
    void withoutAntialiasDownsamplingPicksNeighboursOnly() {
        JaxResize plain = JaxResize.of(400, 50, JaxResize.Method.LINEAR, false);
        assertEquals(2, plain.weights(10).length);
        assertTrue(JaxResize.of(400, 50, JaxResize.Method.LINEAR, true).weights(10).length > 2);
    }

    @Test
    void stridedApplyResizesAColumnOfAMatrix() {
        double[] matrix = new double[400 * 2];
        for (int i = 0; i < 400; i++) {
            matrix[2 * i] = i;
            matrix[2 * i + 1] = -1;
        }
        double[] out = new double[50];
        JaxResize.of(400, 50, JaxResize.Method.LINEAR).apply(matrix, 0, 2, out, 0, 1);
        assertArrayEquals(ReferenceData.doubles(ANCHORS.get("linear").get("ramp_0_to_399")), out, 1e-9);
    }

    @Test
    void rejectsWrongLengthsAndUnknownMethods() {
        assertThrows(IllegalArgumentException.class, () -> JaxResize.of(400, 50, JaxResize.Method.LINEAR).apply(new double[399]));
        assertThrows(IllegalArgumentException.class, () -> JaxResize.Method.parse("lanczos3"));
        assertThrows(IllegalArgumentException.class, () -> JaxResize.of(0, 50, JaxResize.Method.LINEAR));
    }
}
