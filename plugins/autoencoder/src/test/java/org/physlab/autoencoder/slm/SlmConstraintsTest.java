package org.physlab.autoencoder.slm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.physlab.autoencoder.cicy.CicyGeometry;
import org.physlab.autoencoder.cicy.KnownCicys;

class SlmConstraintsTest {

    private static final CicyGeometry CICY_5302 = new CicyGeometry(KnownCicys.byNumber(5302));
    private static final CicyGeometry CICY_6777 = new CicyGeometry(KnownCicys.byNumber(6777));

    // valid |Gamma| = 4 models on 5302 (found by SlmGenerator, q = 2); each test below changes two charges of one
    private static final int[][] VALID_A = {{0, 0, -1, 1, -1, 1}, {1, -1, 1, 0, -1, 0}, {-2, 1, 0, 1, 0, 0}, {0, 0, 1, 0, 1, -2}, {1, 0, -1, -2, 1, 1}};
    private static final int[][] VALID_B = {{0, -1, 1, -1, 0, 1}, {1, 1, -1, 0, 0, -1}, {0, -2, 0, 0, 0, 1}, {1, 1, 0, 1, -2, -1}, {-2, 1, 0, 0, 2, 0}};
    private static final int[][] VALID_C = {{-1, 0, -1, 0, 1, 1}, {-1, 0, 1, -1, 1, 0}, {1, 0, 0, -2, 0, 0}, {1, -1, 1, 1, -2, 1}, {0, 1, -1, 2, 0, -2}};
    private static final int[][] VALID_D = {{0, 0, 1, 0, 0, -1}, {0, 0, 0, -1, -1, 1}, {0, 0, 1, 1, -1, -1}, {-2, 1, 0, 1, 0, 0}, {2, -1, -2, -1, 2, 1}};

    @Test
    void theTalksTwoSlideModelsSatisfyEveryCondition() {
        List<ReferenceModels.Named> slides = ReferenceModels.slideModels5302();
        assertEquals(2, slides.size());
        for (ReferenceModels.Named m : slides) {
            assertEquals(List.of(), SlmConstraints.check(CICY_5302, m.model(), m.symmetryOrder()), m.name());
        }
        // the |Gamma| = 4 model has c2(TX) - c2(V) = (2,4,0,2,6,10): equality in the anomaly bound is allowed
        LineBundleSum gamma4 = slides.get(0).model();
        assertEquals(List.of(22, 20, 24, 22, 18, 14), java.util.Arrays.stream(gamma4.c2(CICY_5302)).boxed().toList());
        assertEquals(-12, gamma4.index(CICY_5302));
        assertEquals(Math.sqrt(32), gamma4.norm(), 1e-12);
    }

    @Test
    void theFourBaseModelsOfTheTestsAreValid() {
        for (int[][] m : List.of(VALID_A, VALID_B, VALID_C, VALID_D)) {
            assertEquals(List.of(), SlmConstraints.check(CICY_5302, LineBundleSum.of(m), 4));
        }
    }

    /**
     * gymCICY's 33 models on 6777 (|Gamma| = 2, rows = line bundles) pass every condition its agent tested
     * (c1, slope signs, index bounds and total, anomaly, pair indices). gymCICY left full poly-stability out
     * ("appears to be not working"); the checker proves 28 of them cannot be poly-stable: a combination of
     * their slope matrices has entries of one sign only, so it is positive (or negative) on the whole cone.
     * For 4 it finds a common zero of the slopes, for 1 none inside the cone.
     */
    @Test
    void gymCicy6777ModelsPassTheConditionsItsAgentCheckedAndMostAreProvablyNotPolystable() {
        List<LineBundleSum> models = ReferenceModels.gymCicy6777();
        assertEquals(33, models.size());
        int obstructed = 0, stable = 0;
        for (LineBundleSum m : models) {
            List<Violation> v = SlmConstraints.check(CICY_6777, m, 2);
            assertTrue(v.stream().allMatch(x -> x.constraint() == Constraint.POLYSTABILITY), m + ": " + v);
            assertEquals(-6, m.index(CICY_6777));
            if (v.isEmpty()) stable++;
            else if (v.get(0).message().contains("one sign")) obstructed++;
        }
        assertEquals(28, obstructed);
        assertEquals(4, stable);
    }

    @Test
    void c1() {
        assertOnly(Constraint.C1, perturb(VALID_A, 0, 0, 0, 1), "c1(V) = [-1, 1, 0, 0, 0, 0]");
    }

    /** The trivial bundle has slope zero everywhere but is not allowed; a one-signed bundle also rules out poly-stability. */
    @Test
    void slopeSigns() {
        LineBundleSum withTrivial = LineBundleSum.of(new int[][] {{0, 1, -1, -1, 1, 1}, {-1, 0, 0, 1, -1, 1}, {1, -1, 0, 0, -1, 0},
                {0, 0, 0, 0, 0, 0}, {0, 0, 1, 0, 1, -2}});
        List<Violation> v = SlmConstraints.check(CICY_5302, withTrivial, 2);
        assertEquals(List.of(Constraint.SLOPE_SIGNS), v.stream().map(Violation::constraint).toList(), v.toString());
        assertTrue(v.get(0).message().contains("L4 = O[0, 0, 0, 0, 0, 0] (trivial)"), v.get(0).message());

        int[][] positive = VALID_A.clone();
        positive[0] = new int[] {1, 0, 0, 0, 0, 0};
        positive[4] = new int[] {0, 1, 0, -1, 0, 0};
        Set<Constraint> c = constraints(SlmConstraints.check(CICY_5302, LineBundleSum.of(positive), 4));
        assertTrue(c.contains(Constraint.SLOPE_SIGNS) && c.contains(Constraint.POLYSTABILITY), c.toString());
    }

    @Test
    void indexBounds() {
        assertOnly(Constraint.INDEX_BOUNDS, perturbPair(VALID_C, 0, 1, 1, 1), "ind(L2) = 2");
    }

    @Test
    void totalIndex() {
        assertOnly(Constraint.TOTAL_INDEX, perturbPair(VALID_A, 3, 2, 4, -1), "ind(V) = -14, needs -3|Gamma| = -12");
    }

    @Test
    void anomaly() {
        assertOnly(Constraint.ANOMALY, perturbPair(VALID_B, 0, 1, 1, -1), "c2(TX)_4 - c2(V)_4 = -6 < 0");
    }

    @Test
    void pairIndex() {
        assertOnly(Constraint.PAIR_INDEX, perturbPair(VALID_A, 0, 1, 2, 1), "ind(L2 x L3) = 2");
    }

    @Test
    void polystability() {
        assertOnly(Constraint.POLYSTABILITY, perturbPair(VALID_D, 2, 1, 3, 1), "has a slope matrix of one sign");
    }

    @Test
    void aValidModelReportsWhereItsSlopesVanish() {
        Polystability.Result r = Polystability.test(CICY_5302, VALID_A);
        assertTrue(r.stable());
        double[] t = r.kahlerClass();
        for (int[] k : VALID_A) assertEquals(0, CICY_5302.slope(k, t), 1e-8);
        for (double ti : t) assertTrue(ti > 0);
    }

    @Test
    void theWrongH11IsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlmConstraints.check(CICY_6777, LineBundleSum.of(VALID_A), 4));
        assertTrue(e.getMessage().contains("h11 = 5"), e.getMessage());
    }

    // L_a: q^i -= 1, q^j += 1 (c1 changes)
    private static LineBundleSum perturb(int[][] base, int a, int i, int a2, int j) {
        int[][] q = copy(base);
        q[a][i] -= 1;
        q[a2][j] += 1;
        return LineBundleSum.of(q);
    }

    // q_a^i += d, q_b^i -= d (c1 unchanged)
    private static LineBundleSum perturbPair(int[][] base, int a, int i, int b, int d) {
        int[][] q = copy(base);
        q[a][i] += d;
        q[b][i] -= d;
        return LineBundleSum.of(q);
    }

    private static int[][] copy(int[][] m) {
        int[][] out = new int[m.length][];
        for (int r = 0; r < m.length; r++) out[r] = m[r].clone();
        return out;
    }

    private static void assertOnly(Constraint expected, LineBundleSum model, String messagePart) {
        List<Violation> v = SlmConstraints.check(CICY_5302, model, 4);
        assertEquals(List.of(expected), v.stream().map(Violation::constraint).toList(), model + ": " + v);
        assertTrue(v.get(0).message().contains(messagePart), v.get(0).message());
    }

    private static Set<Constraint> constraints(List<Violation> v) {
        return v.stream().map(Violation::constraint).collect(Collectors.toSet());
    }
}
