package org.physlab.autoencoder.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.api.Artifact;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.RunCancelledException;
import org.physlab.api.Summary;
import org.physlab.autoencoder.cicy.CicyGeometry;
import org.physlab.autoencoder.cicy.KnownCicys;
import org.physlab.autoencoder.slm.LineBundleSum;
import org.physlab.autoencoder.slm.ModelLists;
import org.physlab.autoencoder.slm.SlmConstraints;
import org.physlab.testkit.InMemoryRunContext;

class SlmGenerateExperimentTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreCicy5302WithGammaFour() {
        Map<String, Object> d = new SlmGenerateExperiment().descriptor().parameters().defaults();
        assertEquals("5302", d.get("cicy"));
        assertEquals(4L, ((Number) d.get("symmetryOrder")).longValue());
        assertEquals(2L, ((Number) d.get("maxCharge")).longValue());
        assertTrue(new SlmGenerateExperiment().descriptor().references().stream().anyMatch(r -> r.url().contains("1307.4787")));
    }

    @Test
    void aRunStoresStagesNormsAndTheModelsAsJson() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new SlmGenerateExperiment(), Map.of("maxModels", "40", "symmetryOrder", "2"), 7);
        Summary summary = run.execute();
        assertEquals(40.0, summary.metrics().get("models"));
        assertTrue(summary.metrics().get("candidatesChecked") > 0);

        Artifact.Table stages = run.artifact("constraint-stages", Artifact.Table.class);
        assertEquals("line bundles enumerated", stages.rows().get(0).get(0));
        assertEquals(15625L, ((Number) stages.rows().get(0).get(1)).longValue());
        assertEquals(stages.rows().size(), run.metrics("stageCount").length);

        Artifact.LineChart histogram = run.artifact("norm-histogram", Artifact.LineChart.class);
        double total = 0;
        for (double y : histogram.series().get(0).y()) total += y;
        assertEquals(40, total);

        Artifact.FileArtifact file = run.artifact("models", Artifact.FileArtifact.class);
        assertEquals("application/json", file.mediaType());
        CicyGeometry geometry = new CicyGeometry(KnownCicys.byNumber(5302));
        List<LineBundleSum> models = ModelLists.read(Files.write(dir.resolve("m.json"), file.content()), geometry);
        assertEquals(40, models.size());
        for (LineBundleSum m : models) assertEquals(List.of(), SlmConstraints.check(geometry, m, 2));
        assertEquals(1.0, run.lastProgress().fraction());

        // same seed, same models
        InMemoryRunContext again = InMemoryRunContext.of(new SlmGenerateExperiment(), Map.of("maxModels", "40", "symmetryOrder", "2"), 7);
        again.execute();
        assertArrayEquals(file.content(), again.artifact("models", Artifact.FileArtifact.class).content());
    }

    @Test
    void aConfigurationMatrixWorksToo() throws Exception {
        // the tetraquadric 7862 as a matrix: a small exhaustive search
        InMemoryRunContext run = InMemoryRunContext.of(new SlmGenerateExperiment(),
                Map.of("cicy", "[[1,2],[1,2],[1,2],[1,2]]", "symmetryOrder", "2", "maxCharge", "2", "maxModels", "0"), 1);
        Summary s = run.execute();
        assertEquals(1.0, s.metrics().get("exhaustive"));
        assertTrue(s.metrics().get("models") > 0);
    }

    @Test
    void badInputIsRejectedBeforeAnythingRuns() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> InMemoryRunContext.of(new SlmGenerateExperiment(),
                Map.of("cicy", "[[1,0,1,1],[1,0,1,1],[1,1,1,0],[1,1,1,0],[1,1,0,1],[1,1,1,1]]"), 1));
        assertTrue(e.getMessage().contains("cicy") && e.getMessage().contains("not Calabi-Yau") && e.getMessage().contains("row 6"), e.getMessage());
        e = assertThrows(InvalidParametersException.class, () -> InMemoryRunContext.of(new SlmGenerateExperiment(), Map.of("cicy", "[[3,4]]"), 1));
        assertTrue(e.getMessage().contains("dimension 2"), e.getMessage());
        e = assertThrows(InvalidParametersException.class, () -> InMemoryRunContext.of(new SlmGenerateExperiment(), Map.of("cicy", "9999"), 1));
        assertTrue(e.getMessage().contains("unknown CICY"), e.getMessage());
        e = assertThrows(InvalidParametersException.class, () -> InMemoryRunContext.of(new SlmGenerateExperiment(), Map.of("maxCharge", "9"), 1));
        assertTrue(e.getMessage().contains("maxCharge") && e.getMessage().contains("lower it"), e.getMessage());
        e = assertThrows(InvalidParametersException.class, () -> InMemoryRunContext.of(new SlmGenerateExperiment(), Map.of("symmetryOrder", "0"), 1));
        assertTrue(e.getMessage().contains("symmetryOrder"), e.getMessage());
    }

    @Test
    void aCancelledRunStops() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new SlmGenerateExperiment(), Map.of("maxModels", "0", "searchBudget", "100000000"), 3);
        run.cancel("test");
        assertThrows(RunCancelledException.class, run::execute);
    }
}
