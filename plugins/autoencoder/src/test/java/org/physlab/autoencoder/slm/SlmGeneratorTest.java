package org.physlab.autoencoder.slm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physlab.autoencoder.cicy.CicyGeometry;
import org.physlab.autoencoder.cicy.KnownCicys;

class SlmGeneratorTest {

    private static final CicyGeometry CICY_5302 = new CicyGeometry(KnownCicys.byNumber(5302));

    @Test
    void everyGeneratedModelPassesTheCheckerAndIsDistinctUpToSymmetries() {
        SlmGenerator.Result r = SlmGenerator.generate(CICY_5302, 4, 2, 60, new SplittableRandom(11), (f, c, m) -> { });
        assertEquals(60, r.models().size());
        List<int[]> symmetries = KnownCicys.byNumber(5302).permutationSymmetries();
        Set<LineBundleSum> classes = new HashSet<>();
        for (LineBundleSum m : r.models()) {
            assertEquals(List.of(), SlmConstraints.check(CICY_5302, m, 4), m.toString());
            assertTrue(m.maxAbsCharge() <= 2);
            assertTrue(classes.add(m.canonical(symmetries)), "two models of one symmetry class: " + m);
        }
        // a symmetric image of a model is the same class, the reordered model too
        LineBundleSum first = r.models().get(0);
        assertEquals(first.canonical(symmetries), first.permuteKahler(symmetries.get(17)).reorder(new int[] {4, 2, 0, 1, 3}).canonical(symmetries));
    }

    @Test
    void stageCountsShrinkStageByStage() {
        SlmGenerator.Result r = new SlmGenerator(CICY_5302, 2, 2).generate(0, 300_000, new SplittableRandom(3), (f, c, m) -> { });
        Map<String, Long> s = r.stageCounts();
        assertEquals(15625L, s.get("line bundles enumerated"));   // 5^6 charge vectors in [-2, 2]
        long previous = Long.MAX_VALUE;
        for (String stage : List.of("line bundles enumerated", "slope can vanish", "index bounds (set B)")) {
            assertTrue(s.get(stage) <= previous, stage);
            previous = s.get(stage);
        }
        previous = Long.MAX_VALUE;
        for (String stage : List.of("candidates: L4 + L5 = -(L1+L2+L3), all in B", "total index", "pair indices with L4, L5",
                "anomaly bound", "distinct up to symmetries", "poly-stable (models)")) {
            assertTrue(s.get(stage) <= previous, stage);
            previous = s.get(stage);
        }
        assertEquals(r.candidatesChecked(), s.get("candidates: L4 + L5 = -(L1+L2+L3), all in B"));
        assertEquals(s.get("distinct up to symmetries"), s.get("poly-stable (models)")
                + s.get("not poly-stable: slope combination of one sign") + s.get("not poly-stable: no common zero found numerically"));
        assertTrue(r.models().size() >= 5, "models found: " + r.models().size());
        assertFalse(r.exhaustive());
    }

    @Test
    void theSameSeedGivesTheSameModelsAndAnotherSeedOthers() {
        SlmGenerator generator = new SlmGenerator(CICY_5302, 4, 2);
        List<LineBundleSum> a = generator.generate(40, new SplittableRandom(5), (f, c, m) -> { }).models();
        List<LineBundleSum> b = generator.generate(40, new SplittableRandom(5), (f, c, m) -> { }).models();
        List<LineBundleSum> c = generator.generate(40, new SplittableRandom(6), (f, c2, m) -> { }).models();
        assertEquals(a, b);
        assertFalse(a.equals(c));
    }

    /** With the pair table or scanning L4 over B, an exhaustive search finds the same classes. */
    @Test
    void bothCompletionsOfATripleFindTheSameModelsExhaustively() {
        CicyGeometry tetraquadric = new CicyGeometry(KnownCicys.byNumber(7862));
        SlmGenerator.Result table = new SlmGenerator(tetraquadric, 2, 2).generate(0, new SplittableRandom(1), (f, c, m) -> { });
        SlmGenerator.Result scan = new SlmGenerator(tetraquadric, 2, 2).pairTable(false).generate(0, new SplittableRandom(2), (f, c, m) -> { });
        assertTrue(table.exhaustive() && scan.exhaustive());
        List<int[]> g = KnownCicys.byNumber(7862).permutationSymmetries();
        Set<LineBundleSum> x = new HashSet<>(), y = new HashSet<>();
        table.models().forEach(m -> x.add(m.canonical(g)));
        scan.models().forEach(m -> y.add(m.canonical(g)));
        assertFalse(x.isEmpty());
        assertEquals(x, y);
        for (LineBundleSum m : table.models()) assertEquals(List.of(), SlmConstraints.check(tetraquadric, m, 2));
    }

    @Test
    void progressIsReportedAndAThrowCancels() {
        RuntimeException stop = new RuntimeException("cancelled");
        SlmGenerator generator = new SlmGenerator(CICY_5302, 4, 2);
        RuntimeException e = assertThrows(RuntimeException.class, () -> generator.generate(0, 50_000_000, new SplittableRandom(1), (f, c, m) -> {
            if (c > 0) throw stop;
        }));
        assertEquals(stop, e);
    }

    @Test
    void tooLargeAChargeRangeIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SlmGenerator(CICY_5302, 4, 20));
        assertTrue(e.getMessage().contains("lower maxCharge"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SlmGenerator(CICY_5302, 0, 2));
    }
}
