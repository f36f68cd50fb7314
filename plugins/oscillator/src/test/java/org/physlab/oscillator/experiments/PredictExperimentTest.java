package org.physlab.oscillator.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.api.Artifact;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Summary;
import org.physlab.oscillator.duffing.DuffingBatch;
import org.physlab.oscillator.duffing.DuffingParameters;
import org.physlab.oscillator.duffing.DuffingSolver;
import org.physlab.oscillator.duffing.FrequencySweep;
import org.physlab.oscillator.nets.TrainedModel;
import org.physlab.oscillator.resize.JaxResize;
import org.physlab.testkit.InMemoryRunContext;

class PredictExperimentTest {

    private static InMemoryRunContext training;

    @BeforeAll
    static void trainAModel() throws Exception {
        training = InMemoryRunContext.builder(new CurveMlpExperiment()).runId("mlp-run")
                .set("batches", 30).set("validationSamples", 10).seed(2).build();
        training.execute();
    }

    private static String responseCsv(DuffingParameters oscillator) throws Exception {
        InMemoryRunContext response = InMemoryRunContext.of(new ResponseExperiment(), Map.of("omega0", oscillator.omega0(),
                "gamma", oscillator.gamma(), "epsilon", oscillator.epsilon(), "force", oscillator.force(), "z0Im", 0.0), 1);
        response.execute();
        return new String(response.artifact("response.csv", Artifact.FileArtifact.class).content(), StandardCharsets.UTF_8);
    }

    @Test
    void predictsFromTheResponseCsvOfAnotherRunExactlyAsTheNetworkWould(@TempDir Path dir) throws Exception {
        DuffingParameters truth = new DuffingParameters(0.3, 0.9, 0.05, 1.0);
        Path csv = dir.resolve("measured.csv");
        Files.writeString(csv, responseCsv(truth));
        InMemoryRunContext run = InMemoryRunContext.builder(new PredictExperiment()).earlierRun(training)
                .set("modelRun", "mlp-run").set("curve", csv.toString()).build();
        Summary s = run.execute();

        double[] abs = new DuffingSolver(FrequencySweep.LECTURE).amplitudes(DuffingBatch.of(truth), 0, 0);
        double[] direct = TrainedModel.fromArtifact(training.artifact("model")).network()
                .predict(JaxResize.of(400, 50, JaxResize.Method.LINEAR).apply(abs));
        assertArrayEquals(direct, new double[] {s.metrics().get("omega0"), s.metrics().get("gamma"), s.metrics().get("epsilon")}, 1e-12);
        // even a briefly trained network places omega0 roughly
        assertEquals(0.3, s.metrics().get("omega0"), 0.5);
        assertTrue(s.metrics().get("residualRms") >= 0);
        Artifact.LineChart fit = run.artifact("fit", Artifact.LineChart.class);
        assertEquals(2, fit.series().size());
        assertEquals(3, run.artifact("prediction", Artifact.Table.class).rows().size());
    }

    @Test
    void inlineValuesOfAnotherLengthAreResizedWithAWarning() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) b.append(i == 0 ? "" : ",").append(0.3 + 0.5 * Math.exp(-Math.pow((i - 120) / 15.0, 2)));
        InMemoryRunContext run = InMemoryRunContext.builder(new PredictExperiment()).earlierRun(training)
                .set("modelRun", "mlp-run").set("curve", b.toString()).build();
        run.execute();
        assertTrue(run.logLines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("200")), run.logLines().toString());
    }

    @Test
    void aNaNInTheCurveIsAValidationError() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> InMemoryRunContext.builder(new PredictExperiment())
                .set("modelRun", "mlp-run").set("curve", "0.2,0.3,NaN,0.5").build());
        assertEquals("curve", e.errors().get(0).parameter());
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(InvalidParametersException.class, () -> InMemoryRunContext.builder(new PredictExperiment()).build());
        assertEquals(2, e.errors().size(), "modelRun and curve are required");
    }

    @Test
    void anUnknownRunOrAnImageForACurveNetworkFailsClearly() throws Exception {
        InMemoryRunContext noRun = InMemoryRunContext.builder(new PredictExperiment()).earlierRun(training)
                .set("modelRun", "nope").set("curve", "1,2,3").build();
        assertTrue(assertThrows(IllegalArgumentException.class, noRun::execute).getMessage().contains("no run 'nope'"));
        InMemoryRunContext twoRows = InMemoryRunContext.builder(new PredictExperiment()).earlierRun(training)
                .set("modelRun", "mlp-run").set("curve", "1,2,3\n4,5,6").build();
        assertTrue(assertThrows(IllegalArgumentException.class, twoRows::execute).getMessage().contains("one response curve"));
        InMemoryRunContext notAModel = InMemoryRunContext.builder(new PredictExperiment()).earlierRun(training)
                .set("modelRun", "mlp-run").set("modelArtifact", "loss").set("curve", "1,2,3").build();
        assertTrue(assertThrows(IllegalArgumentException.class, notAModel::execute).getMessage().contains("not a trained model"));
    }
}
