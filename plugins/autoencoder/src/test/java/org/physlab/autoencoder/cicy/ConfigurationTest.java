package org.physlab.autoencoder.cicy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void parsesTheMatrixAndTheObjectForm() {
        Configuration a = Configuration.parse("[[1,0,1,1],[1,0,1,1],[1,1,1,0],[1,1,1,0],[1,1,0,1],[1,1,0,1]]");
        Configuration b = Configuration.parse("{\"projective_dims\":[1,1,1,1,1,1],"
                + "\"degrees\":[[0,1,1],[0,1,1],[1,1,0],[1,1,0],[1,0,1],[1,0,1]]}");
        assertEquals(a, b);
        assertEquals(6, a.factors());
        assertEquals(3, a.equations());
        assertEquals(a, Configuration.parse(a.toString()));
    }

    @Test
    void aRowThatDoesNotSumToNPlusOneIsNotCalabiYauAndIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Configuration.parse("[[1,0,1,1],[1,0,1,1],[1,1,1,0],[1,1,1,0],[1,1,0,1],[1,1,1,1]]"));
        assertTrue(e.getMessage().contains("not Calabi-Yau") && e.getMessage().contains("row 6"), e.getMessage());
    }

    @Test
    void aConfigurationOfTheWrongDimensionIsRejected() {
        // the quartic K3 in P^3 is Calabi-Yau but a surface
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Configuration.parse("[[3,4]]"));
        assertTrue(e.getMessage().contains("dimension 2"), e.getMessage());
    }

    @Test
    void malformedInputGivesClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Configuration.parse("[[4,5],[2]]")).getMessage().contains("row 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Configuration.parse("[[4,5.5]]")).getMessage().contains("not an integer"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Configuration.parse("quintic")).getMessage().contains("JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Configuration.parse("[[1,2,0],[1,2,0],[2,3,0]]")).getMessage().contains("degree 0"));
    }

    @Test
    void cicy5302Has48PermutationSymmetries() {
        List<int[]> g = KnownCicys.byNumber(5302).permutationSymmetries();
        assertEquals(48, g.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, g.get(0));
        // each symmetry preserves the triple intersections
        CicyGeometry geometry = new CicyGeometry(KnownCicys.byNumber(5302));
        for (int[] p : g) {
            for (int r = 0; r < 6; r++) for (int s = 0; s < 6; s++) for (int t = 0; t < 6; t++) {
                assertEquals(geometry.intersection(r, s, t), geometry.intersection(p[r], p[s], p[t]));
            }
        }
    }

    @Test
    void symmetryGroupsOfOtherManifolds() {
        assertEquals(24, KnownCicys.byNumber(7862).permutationSymmetries().size());     // tetraquadric: all of S4
        assertEquals(120, KnownCicys.byNumber(7447).permutationSymmetries().size());    // five identical rows
        assertEquals(2, KnownCicys.byNumber(5256).permutationSymmetries().size());      // only rows 3 and 4 swap
        assertEquals(1, KnownCicys.resolve("quintic").permutationSymmetries().size());
        assertEquals(2, KnownCicys.resolve("bicubic").permutationSymmetries().size());
    }

    @Test
    void resolveTakesNumbersNamesAndMatrices() {
        assertEquals(KnownCicys.byNumber(5302), KnownCicys.resolve(" 5302 "));
        assertEquals(KnownCicys.resolve("quintic"), KnownCicys.resolve("[[4,5]]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownCicys.resolve("1234"));
        assertTrue(e.getMessage().contains("unknown CICY '1234'") && e.getMessage().contains("5302"), e.getMessage());
    }
}
