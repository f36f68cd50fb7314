package org.physlab.oscillator.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.BackendInfo;
import org.physlab.api.ComputeService;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.NonFiniteMetricException;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Summary;
import org.physlab.oscillator.nets.TrainedModel;
import org.physlab.testkit.InMemoryRunContext;

class CurveMlpExperimentTest {

    @Test
    void defaultsAreTheLecturesSettings() {
        ParameterSchema schema = new CurveMlpExperiment().descriptor().parameters();
        Map<String, Object> d = schema.defaults();
        assertEquals(100L, d.get("batches"));
        assertEquals(32L, d.get("batchSize"));
        assertEquals(1e-3, d.get("learningRate"));
        assertEquals(50L, d.get("bins"));
        assertEquals(0.0, d.get("noise"));
        assertEquals(1.0, d.get("force"));
        assertEquals("[100]", java.util.Arrays.toString((int[]) d.get("hidden")));
        assertEquals("[-1.0, 1.0]", java.util.Arrays.toString((double[]) d.get("omega0")));
        assertEquals("[0.5, 1.5]", java.util.Arrays.toString((double[]) d.get("gamma")));
        assertEquals("[0.0, 0.15]", java.util.Arrays.toString((double[]) d.get("epsilon")));
        assertEquals(400L, d.get("steps"));
        assertEquals(0.0, d.get("z0Im"));
        assertEquals("java", d.get("engine"), "plain Java is the faster engine (README)");
        assertEquals("float32", d.get("precision"));
    }

    @Test
    void aShortRunLearnsAndReportsEverything() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.builder(new CurveMlpExperiment()).set("batches", 40).set("validationSamples", 64)
                .seed(7).build();
        Summary summary = run.execute();
        double[] loss = run.metrics("loss");
        assertEquals(40, loss.length);
        assertEquals(40L, run.metricSteps("loss")[39]);
        double firstFive = (loss[0] + loss[1] + loss[2] + loss[3] + loss[4]) / 5;
        // the lecture's curve: ~3 at the start, well below 0.3 after a few dozen batches
        assertTrue(summary.metrics().get("finalLoss") < 0.3, "final loss " + summary.metrics().get("finalLoss"));
        assertTrue(summary.metrics().get("finalLoss") < firstFive / 4, "first " + firstFive + " final " + summary.metrics().get("finalLoss"));
        double validation = summary.metrics().get("validationLoss");
        assertEquals(validation, summary.metrics().get("validationMseOmega0") + summary.metrics().get("validationMseGamma")
                + summary.metrics().get("validationMseEpsilon"), 1e-12);
        assertTrue(summary.metrics().get("correlationOmega0") > 0.7, summary.toString());
        assertEquals(5403.0, summary.metrics().get("parameters"));

        assertTrue(run.artifact("loss", Artifact.LineChart.class).logY());
        for (String p : new String[] {"omega0", "gamma", "epsilon"}) {
            Artifact.Scatter s = run.artifact("predicted-" + p, Artifact.Scatter.class);
            assertEquals(64, s.series().get(0).x().length);
            assertTrue(s.identityLine());
        }
        assertEquals(5, run.artifact("sample-curves", Artifact.LineChart.class).series().size());
        assertEquals(4, run.artifact("validation", Artifact.Table.class).rows().size());
        TrainedModel model = TrainedModel.fromArtifact(run.artifact(TrainedModel.ARTIFACT_NAME));
        assertEquals("linear", model.card().string("resize.method"));
        assertEquals(50, model.card().integer("bins"));
        assertEquals("java", model.card().string("trained.engine"));
        assertTrue(run.logLines().stream().anyMatch(l -> l.contains("simulation") && l.contains("training")), run.logLines().toString());
        assertTrue(run.logLines().stream().anyMatch(l -> l.contains("engine java")), run.logLines().toString());
        // the saved DL4J network predicts what the trained plain network predicted (float32: to ~1e-5)
        double[] first = new double[50];
        System.arraycopy(run.artifact("sample-curves", Artifact.LineChart.class).series().get(0).y(), 0, first, 0, 50);
        double[] fromModel = model.network().predict(first);
        double omega0 = run.artifact("predicted-omega0", Artifact.Scatter.class).series().get(0).y()[0];
        assertEquals(omega0, fromModel[0], 1e-4);
    }

    @Test
    void dl4jStillTrainsWhenAskedFor() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.builder(new CurveMlpExperiment()).set("batches", 40).set("validationSamples", 32)
                .set("engine", "dl4j").seed(7).build();
        Summary summary = run.execute();
        double[] loss = run.metrics("loss");
        double firstFive = (loss[0] + loss[1] + loss[2] + loss[3] + loss[4]) / 5;
        assertTrue(summary.metrics().get("finalLoss") < firstFive / 4, "first " + firstFive + " final " + summary.metrics().get("finalLoss"));
        assertTrue(run.logLines().stream().anyMatch(l -> l.contains("engine dl4j")), run.logLines().toString());
        assertEquals("dl4j", TrainedModel.fromArtifact(run.artifact(TrainedModel.ARTIFACT_NAME)).card().string("trained.engine"));
    }

    @Test
    void theSameSeedGivesIdenticalNumbersAndAnotherSeedOthers() throws Exception {
        for (String engine : new String[] {"java", "dl4j"}) {
            Map<String, String> p = Map.of("batches", "12", "batchSize", "16", "validationSamples", "20", "engine", engine);
            Summary a = InMemoryRunContext.of(new CurveMlpExperiment(), p, 7).execute();
            Summary b = InMemoryRunContext.of(new CurveMlpExperiment(), p, 7).execute();
            Summary c = InMemoryRunContext.of(new CurveMlpExperiment(), p, 8).execute();
            assertEquals(a.metrics(), b.metrics(), engine);
            assertNotEquals(a.metrics(), c.metrics(), engine);
        }
    }

    @Test
    void theNumbersDoNotDependOnHowManyThreadsTheRunMayUse() throws Exception {
        // the platform gives a run fewer threads when others run beside it; the result must not change
        Map<String, String> p = Map.of("batches", "10", "batchSize", "8", "validationSamples", "10");
        Summary inline = InMemoryRunContext.builder(new CurveMlpExperiment()).setAll(p).seed(3).compute(threads(1)).build().execute();
        Summary overlapped = InMemoryRunContext.builder(new CurveMlpExperiment()).setAll(p).seed(3).compute(threads(3)).build().execute();
        assertEquals(inline.metrics(), overlapped.metrics());
    }

    static ComputeService threads(int n) {
        return new ComputeService() {
            public BackendInfo backend() {
                return new BackendInfo("CPU", false, java.util.List.of(), "test", 1, "FLOAT", "test");
            }

            public int javaThreads() {
                return n;
            }
        };
    }

    @Test
    void badInputIsRejectedWithEveryProblemNamed() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> InMemoryRunContext.of(
                new CurveMlpExperiment(), Map.of("gamma", "-0.5,1", "bins", "1", "omega0", "1,-1", "batchSize", "0"), 1));
        Map<String, String> byName = new java.util.HashMap<>();
        e.errors().forEach(f -> byName.put(f.parameter(), f.message()));
        assertTrue(byName.get("gamma").contains("at least 0"), byName.toString());
        assertTrue(byName.get("bins").contains("at least 2"), byName.toString());
        assertTrue(byName.get("omega0").contains("empty range"), byName.toString());
        assertTrue(byName.get("batchSize").contains("at least 1"), byName.toString());
        assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new CurveMlpExperiment(), Map.of("learningRate", "0"), 1));
        assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new CurveMlpExperiment(), Map.of("epsilon", "0,0.1,0.2"), 1));
        InvalidParametersException engine = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new CurveMlpExperiment(), Map.of("engine", "tensorflow"), 1));
        assertEquals("engine", engine.errors().get(0).parameter());
    }

    @Test
    void aDivergingLossFailsTheRunWithTheMetricsMessage() throws Exception {
        // Adam moves every weight by ~learningRate per step: 1e30 overflows float32 at once
        InMemoryRunContext run = InMemoryRunContext.of(new CurveMlpExperiment(),
                Map.of("learningRate", "1e30", "batches", "20", "batchSize", "8"), 1);
        NonFiniteMetricException e = assertThrows(NonFiniteMetricException.class, run::execute);
        assertEquals("loss", e.key());
        assertTrue(e.getMessage().startsWith("metric 'loss' became"), e.getMessage());
        assertTrue(e.step() < 20, "stopped at step " + e.step());
        assertEquals(e.step() - 1, run.metrics("loss").length, "the finite losses before were kept");
    }

    @Test
    void aCancelledRunStops() {
        InMemoryRunContext run = InMemoryRunContext.of(new CurveMlpExperiment(), Map.of("batches", "1000000"), 1);
        run.cancel("user asked");
        assertEquals("user asked", assertThrows(org.physlab.api.RunCancelledException.class, run::execute).getMessage());
    }
}
