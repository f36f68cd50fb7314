package org.physlab.oscillator.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Summary;
import org.physlab.oscillator.nets.TrainedModel;
import org.physlab.testkit.InMemoryRunContext;

class OverfittingExperimentTest {

    @Test
    void defaultsAreTheLecturesStudy() {
        Map<String, Object> d = new OverfittingExperiment().descriptor().parameters().defaults();
        assertEquals(64L, d.get("samples"));
        assertEquals(16L, d.get("batchSize"));
        assertEquals(1000L, d.get("epochs"));
        assertEquals(0.0, d.get("validationFraction"));
        assertEquals(0L, d.get("patience"));
        assertEquals(0.0, d.get("dropout"));
        assertEquals("java", d.get("engine"));
    }

    @Test
    void eachEngineGivesIdenticalNumbersForTheSameSeed() throws Exception {
        for (String engine : new String[] {"java", "dl4j"}) {
            // dropout and shuffling draw random numbers too
            Map<String, Object> p = Map.of("samples", 12, "batchSize", 4, "epochs", 6, "freshSamples", 5, "dropout", 0.2,
                    "hidden", "20,20", "engine", engine);
            InMemoryRunContext first = InMemoryRunContext.of(new OverfittingExperiment(), p, 4);
            Summary a = first.execute();
            Summary b = InMemoryRunContext.of(new OverfittingExperiment(), p, 4).execute();
            assertEquals(a.metrics(), b.metrics(), engine);
            assertTrue(first.logLines().stream().anyMatch(l -> l.contains("engine " + engine)), first.logLines().toString());
        }
    }

    @Test
    void onAFixedSetTheTrainingLossFallsBelowTheFreshLoss() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.builder(new OverfittingExperiment())
                .set("samples", 24).set("batchSize", 8).set("epochs", 150).set("freshSamples", 40).seed(3).build();
        Summary s = run.execute();
        double[] train = run.metrics("trainLoss");
        double[] fresh = run.metrics("freshLoss");
        assertEquals(150, train.length);
        assertEquals(150, fresh.length);
        assertEquals(150 * 3, run.metrics("batchLoss").length, "3 minibatches per epoch");
        assertTrue(train[149] < train[0] / 5, "training loss " + train[0] + " -> " + train[149]);
        assertTrue(train[149] < fresh[149], "train " + train[149] + " fresh " + fresh[149]);
        assertTrue(s.metrics().get("generalisationGap") > 0, s.toString());
        assertEquals(s.metrics().get("finalFreshLoss") - s.metrics().get("finalTrainLoss"), s.metrics().get("generalisationGap"), 1e-12);
        assertEquals(0.0, s.metrics().get("stoppedEarly"));
        Artifact.LineChart loss = run.artifact("loss", Artifact.LineChart.class);
        assertEquals(2, loss.series().size());
        assertEquals(2, run.artifact("predicted-gamma", Artifact.Scatter.class).series().size(), "training set and fresh data");
    }

    @Test
    void earlyStoppingStopsWhenTheValidationLossStallsAndKeepsTheBestState() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.builder(new OverfittingExperiment())
                .set("samples", 32).set("batchSize", 8).set("epochs", 5000).set("freshSamples", 20)
                .set("validationFraction", 0.25).set("patience", 4).seed(5).build();
        Summary s = run.execute();
        double epochs = s.metrics().get("epochsRun");
        assertEquals(1.0, s.metrics().get("stoppedEarly"));
        assertTrue(epochs < 5000);
        assertEquals(epochs - 4, s.metrics().get("bestEpoch"), "stopped patience epochs after the best");
        double[] validation = run.metrics("validationLoss");
        int best = s.metrics().get("bestEpoch").intValue();
        assertEquals(validation[best - 1], s.metrics().get("bestValidationLoss"), 0.0);
        for (double v : validation) assertTrue(v >= validation[best - 1]);
        assertEquals(3, run.artifact("loss", Artifact.LineChart.class).series().size());
        assertTrue(run.logLines().stream().anyMatch(l -> l.contains("early stop")));
        // the saved model is the best state, not the last
        TrainedModel model = TrainedModel.fromArtifact(run.artifact(TrainedModel.ARTIFACT_NAME));
        assertEquals((int) epochs, model.card().integer("trained.epochs"));
    }

    @Test
    void dropoutKeepsTheNetworkFromMemorisingTheTrainingSet() throws Exception {
        Map<String, Object> p = Map.of("samples", 24, "batchSize", 8, "epochs", 60, "freshSamples", 10);
        Summary plain = InMemoryRunContext.of(new OverfittingExperiment(), p, 9).execute();
        Map<String, Object> withDropout = new java.util.HashMap<>(p);
        withDropout.put("dropout", 0.5);
        withDropout.put("hidden", "100,100");
        Map<String, Object> deep = new java.util.HashMap<>(p);
        deep.put("hidden", "100,100");
        Summary deepPlain = InMemoryRunContext.of(new OverfittingExperiment(), deep, 9).execute();
        Summary deepDropout = InMemoryRunContext.of(new OverfittingExperiment(), withDropout, 9).execute();
        assertTrue(deepDropout.metrics().get("finalTrainLoss") > deepPlain.metrics().get("finalTrainLoss"),
                deepPlain + " vs " + deepDropout);
        assertTrue(plain.metrics().get("finalTrainLoss") > 0);
    }

    @Test
    void earlyStoppingWithoutAValidationSplitIsRejected() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new OverfittingExperiment(), Map.of("patience", "10"), 1));
        assertEquals("patience", e.errors().get(0).parameter());
        e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new OverfittingExperiment(), Map.of("samples", "4", "validationFraction", "0.1"), 1));
        assertEquals("validationFraction", e.errors().get(0).parameter());
    }
}
