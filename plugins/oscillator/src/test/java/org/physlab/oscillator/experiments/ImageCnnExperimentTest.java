package org.physlab.oscillator.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Summary;
import org.physlab.oscillator.nets.TrainedModel;
import org.physlab.testkit.InMemoryRunContext;

class ImageCnnExperimentTest {

    @Test
    void defaultsAreTheLecturesSettings() {
        Map<String, Object> d = new ImageCnnExperiment().descriptor().parameters().defaults();
        assertEquals(16L, d.get("batchSize"));
        assertEquals(0.5, d.get("noise"));
        assertEquals(50L, d.get("forceCount"));
        assertEquals("[0.1, 2.0]", java.util.Arrays.toString((double[]) d.get("force")));
        assertEquals("[30, 30, 30, 10]", java.util.Arrays.toString((int[]) d.get("channels")));
        assertEquals("[50]", java.util.Arrays.toString((int[]) d.get("dense")));
        assertEquals(0.01, d.get("z0Im"));
        assertEquals("java", d.get("engine"));
    }

    @Test
    void aShortRunLearnsAndShowsItsInputsAndParameterCounts() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.builder(new ImageCnnExperiment())
                .set("batches", 24).set("validationSamples", 16).seed(11).build();
        Summary s = run.execute();
        double[] loss = run.metrics("loss");
        double first = (loss[0] + loss[1] + loss[2] + loss[3]) / 4;
        assertTrue(s.metrics().get("finalLoss") < 0.6 * first, "first " + first + " final " + s.metrics().get("finalLoss"));
        assertEquals(22_013.0, s.metrics().get("parameters"));

        Artifact.Table counts = run.artifact("parameter-counts", Artifact.Table.class);
        List<Object> total = counts.rows().get(counts.rows().size() - 1);
        assertEquals(22_013L, total.get(4));
        Artifact.Heatmap image = run.artifact("image-1", Artifact.Heatmap.class);
        assertEquals(50, image.values().length);
        assertEquals(50, image.values()[0].length);
        assertEquals(0.1, image.yMin(), 1e-12);
        assertEquals(2.0, image.yMax(), 1e-12);
        Artifact.Heatmap freq = run.artifact("channel-frequency", Artifact.Heatmap.class);
        assertEquals(-4.0, freq.values()[7][0], 0.0);
        assertEquals(4.0, freq.values()[7][49], 1e-12);
        assertEquals(2.0, run.artifact("channel-force", Artifact.Heatmap.class).values()[49][3], 1e-12);
        for (String p : new String[] {"omega0", "gamma", "epsilon"}) run.artifact("predicted-" + p, Artifact.Scatter.class);
        TrainedModel model = TrainedModel.fromArtifact(run.artifact("model"));
        assertEquals("cubic", model.card().string("resize.method"));
        assertEquals("java", model.card().string("trained.engine"));
        assertEquals(22_013, model.network().parameterCount());
        assertTrue(run.logLines().stream().anyMatch(l -> l.contains("engine java")), run.logLines().toString());
    }

    @Test
    void eachEngineGivesIdenticalNumbersForTheSameSeed() throws Exception {
        for (String engine : new String[] {"java", "dl4j"}) {
            Map<String, String> p = Map.of("batches", "3", "batchSize", "4", "validationSamples", "4", "engine", engine);
            Summary a = InMemoryRunContext.of(new ImageCnnExperiment(), p, 5).execute();
            Summary b = InMemoryRunContext.of(new ImageCnnExperiment(), p, 5).execute();
            assertEquals(a.metrics(), b.metrics(), engine);
        }
    }

    @Test
    void imagesAreTheSameWhateverTheThreadCount() throws Exception {
        Map<String, String> p = Map.of("batches", "2", "batchSize", "4", "validationSamples", "4");
        Summary one = InMemoryRunContext.builder(new ImageCnnExperiment()).setAll(p).seed(5)
                .compute(CurveMlpExperimentTest.threads(1)).build().execute();
        Summary four = InMemoryRunContext.builder(new ImageCnnExperiment()).setAll(p).seed(5)
                .compute(CurveMlpExperimentTest.threads(4)).build().execute();
        assertEquals(one.metrics(), four.metrics());
    }

    @Test
    void batchesTooLargeToSimulateAtOnceAreRejected() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new ImageCnnExperiment(), Map.of("batchSize", "1000", "steps", "1000"), 1));
        assertEquals("batchSize", e.errors().get(0).parameter());
        assertTrue(e.getMessage().contains("lower batchSize or steps"), e.getMessage());
    }

    @Test
    void imagesTooSmallForTheFourConvolutionsAreRejected() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new ImageCnnExperiment(), Map.of("bins", "20"), 1));
        assertEquals("bins", e.errors().get(0).parameter());
        assertTrue(e.getMessage().contains("at least 31 pixels"), e.getMessage());
    }
}
