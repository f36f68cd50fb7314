package org.physlab.autoencoder.slm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.autoencoder.cicy.CicyGeometry;
import org.physlab.autoencoder.cicy.KnownCicys;

class ModelListsTest {

    private static final CicyGeometry CICY_5302 = new CicyGeometry(KnownCicys.byNumber(5302));
    private static final CicyGeometry CICY_6777 = new CicyGeometry(KnownCicys.byNumber(6777));

    @TempDir
    Path dir;

    @Test
    void gymCicysJsonLinesAreReadWithLineBundlesAsRows() throws Exception {
        Path file = Path.of(getClass().getResource("/slm/gymCICY_6777_G2_rl_found_models.jsonl").toURI());
        List<LineBundleSum> models = ModelLists.read(file, CICY_6777);
        assertEquals(ReferenceModels.gymCicy6777(), models);
        assertEquals(33, models.size());
    }

    @Test
    void theTalksOrientationAndTheSlideFileAreRead() throws Exception {
        Path file = Path.of(getClass().getResource("/slm/cicy5302_slide_models.json").toURI());
        List<LineBundleSum> models = ModelLists.read(file, CICY_5302);
        assertEquals(List.of(ReferenceModels.slideModels5302().get(0).model(), ReferenceModels.slideModels5302().get(1).model()), models);
        // a bare list of 6 x 5 matrices (Kaehler index per row) gives the same
        Path kahler = Files.writeString(dir.resolve("kahler.json"), "[" + matrix(models.get(0).kahlerRows()) + "]");
        assertEquals(models.subList(0, 1), ModelLists.read(kahler, CICY_5302));
    }

    @Test
    void aSquareMatrixIsReadInTheOrientationWithoutC1() throws Exception {
        LineBundleSum gym = ReferenceModels.gymCicy6777().get(0);
        Path transposed = Files.writeString(dir.resolve("t.json"), "[" + matrix(gym.kahlerRows()) + "]");
        assertEquals(List.of(gym), ModelLists.read(transposed, CICY_6777));
    }

    @Test
    void writtenJsonAndCsvReadBack() throws Exception {
        List<LineBundleSum> models = ReferenceModels.slideModels5302().stream().map(ReferenceModels.Named::model).toList();
        Path json = Files.write(dir.resolve("models.json"), ModelLists.writeJson(models));
        assertEquals(models, ModelLists.read(json, CICY_5302));
        StringBuilder csv = new StringBuilder("q11,q12,...\n");
        for (LineBundleSum m : models) {
            StringBuilder line = new StringBuilder();
            for (int[] k : m.charges()) for (int q : k) line.append(line.length() == 0 ? "" : ",").append(q);
            csv.append(line).append('\n');
        }
        assertEquals(models, ModelLists.read(Files.writeString(dir.resolve("models.csv"), csv), CICY_5302));
    }

    @Test
    void wrongShapesNameTheModelAndTheShape() throws Exception {
        Path json = Files.writeString(dir.resolve("bad.json"), "[[[1,-1,0,0,0,0],[0,0,0,0,0,0],[0,0,0,0,0,0],[-1,1,0,0,0,0],[0,0,0,0,0,0]],"
                + "[[1,-1,0,0],[0,0,0,0],[0,0,0,0],[-1,1,0,0],[0,0,0,0]]]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelLists.read(json, CICY_5302));
        assertTrue(e.getMessage().contains("model 2 has shape 5 x 4") && e.getMessage().contains("h11 = 6"), e.getMessage());

        Path csv = Files.writeString(dir.resolve("bad.csv"), "1,2,3\n");
        e = assertThrows(IllegalArgumentException.class, () -> ModelLists.read(csv, CICY_5302));
        assertTrue(e.getMessage().contains("model 1 (line 1) has 3 values; expected 30"), e.getMessage());

        Path ragged = Files.writeString(dir.resolve("ragged.json"), "[[[1,2],[3]]]");
        e = assertThrows(IllegalArgumentException.class, () -> ModelLists.read(ragged, CICY_5302));
        assertTrue(e.getMessage().contains("model 1 is ragged"), e.getMessage());

        Path garbage = Files.writeString(dir.resolve("g.json"), "{not json\nat all");
        e = assertThrows(IllegalArgumentException.class, () -> ModelLists.read(garbage, CICY_5302));
        assertTrue(e.getMessage().contains("neither JSON nor JSON lines"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ModelLists.read(dir.resolve("missing.json"), CICY_5302));
        assertTrue(e.getMessage().contains("cannot read model list"), e.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.json"), "[]");
        e = assertThrows(IllegalArgumentException.class, () -> ModelLists.read(empty, CICY_5302));
        assertTrue(e.getMessage().contains("holds no models"), e.getMessage());
    }

    private static String matrix(int[][] m) {
        return java.util.Arrays.deepToString(m);
    }
}
