package org.physlab.imnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Summary;
import org.physlab.testkit.InMemoryRunContext;

class GaussianExperimentTest {

    /** A shortened tutorial: 500 simulations, a 64-64 network, 120 iterations, small ABC and PMC. */
    private static final Map<String, String> SHORT = Map.of("nSims", "500", "hidden", "64,64", "minIterations", "100",
            "maxIterations", "120", "abcDraws", "2000", "abcAcceptFraction", "0.05", "pmcPopulation", "100");

    @Test
    void theDefaultsAreTheTutorialSettings() {
        ExperimentDescriptor d = new GaussianExperiment().descriptor();
        assertEquals("imnn.gaussian", d.id());
        Map<String, Object> defaults = d.parameters().defaults();
        assertEquals(10L, defaults.get("nData"));
        assertEquals(1000L, defaults.get("nSims"));
        assertEquals(10.0, defaults.get("lambda"));
        assertEquals(0.1, defaults.get("epsilon"));
        assertEquals(10L, defaults.get("patience"));
        assertEquals(100L, defaults.get("minIterations"));
        assertEquals(1000L, defaults.get("maxIterations"));
        assertEquals(1e-3, defaults.get("learningRate"));
        assertEquals(List.of(128, 128, 128), java.util.Arrays.stream((int[]) defaults.get("hidden")).boxed().toList());
        assertEquals("gradient", defaults.get("variant"));
        assertTrue(d.references().get(0).citation().contains("Charnock"));
    }

    @Test
    void aShortFitRaisesDetFBringsTheCovarianceToTheIdentityAndInfersTheTestData() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new GaussianExperiment(), SHORT, 3);
        Summary summary = run.execute();
        Map<String, Double> m = summary.metrics();
        double[] valDetF = run.metrics("valDetF");
        double[] detC = run.metrics("detC");
        assertEquals(120, valDetF.length, "no early stop before minIterations + patience");
        assertEquals(120.0, m.get("stopIteration"));
        assertTrue(valDetF[0] < 0.5, "an untrained network carries little information: " + valDetF[0]);
        assertTrue(m.get("bestValidationDetF") > 5 * valDetF[0] && m.get("bestValidationDetF") > 1,
                "det F rises: " + valDetF[0] + " -> " + m.get("bestValidationDetF"));
        assertTrue(m.get("bestValidationDetF") < 50 + 3 * 3.33, "not above the analytic 50 beyond noise");
        assertTrue(Math.abs(detC[0] - 1) > 0.5, "the initial covariance is far from the identity: " + detC[0]);
        int converged = -1;
        for (int i = 0; i < detC.length; i++) if (Math.abs(detC[i] - 1) < 0.1) { converged = i; break; }
        assertTrue(converged >= 0 && converged <= 100, "det C -> 1 within 100 iterations, first at " + converged);
        assertEquals(1.0, m.get("finalDetC"), 0.2);
        assertEquals(50.0, m.get("analyticDetF"), 1e-12);
        assertEquals(10.0, run.metrics("r")[0], 0.01, "r(Λ₂ ≫ 1) = λ");
        // the history panels, validation summaries and inference artifacts
        Artifact.LineChart detF = run.artifact("history-detF", Artifact.LineChart.class);
        assertEquals(List.of("training |F|", "validation |F|", "expected |F|"), detF.series().stream().map(Artifact.Series::name).toList());
        assertEquals(50.0, detF.series().get(2).y()[0], 0.0);
        assertTrue(run.artifact("history-detC", Artifact.LineChart.class).logY());
        assertEquals(4, run.artifact("history-regularisation", Artifact.LineChart.class).series().size());
        assertEquals(500, run.artifact("validation-summaries", Artifact.Scatter.class).series().get(0).x().length);
        for (String name : List.of("estimates", "gaussian-posterior", "abc-samples", "pmc-samples", "pmc-progress", "pmc-density", "fisher",
                "fisher-analytic")) {
            assertTrue(run.artifacts().containsKey(name), "artifact " + name);
        }
        // the test data are simulated at (0.3, 1.3); a half-trained network still lands within a few error bars
        assertEquals(0.3, m.get("estimateMu"), 1.5);
        assertEquals(1.3, m.get("estimateSigma"), 2.0);
        assertTrue(Double.isFinite(m.get("abcMeanMu")) && Double.isFinite(m.get("pmcMeanSigma")));
    }

    @Test
    void badInputIsRejectedWithTheParameterNamed() {
        for (Map.Entry<String, String> bad : List.of(Map.entry("nSims", "2"), Map.entry("epsilon", "0"), Map.entry("epsilon", "-0.1"),
                Map.entry("lambda", "0"), Map.entry("lambda", "-1"), Map.entry("learningRate", "0"))) {
            InvalidParametersException e = assertThrows(InvalidParametersException.class,
                    () -> InMemoryRunContext.of(new GaussianExperiment(), Map.of(bad.getKey(), bad.getValue()), 1), bad.toString());
            assertEquals(bad.getKey(), e.errors().get(0).parameter(), e.getMessage());
        }
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new GaussianExperiment(), Map.of("nSims", "2"), 1));
        assertTrue(e.getMessage().contains("needs at least 3 simulations"), e.getMessage());
    }

    @Test
    void theServiceFileListsTheExperiment() {
        List<String> ids = ServiceLoader.load(Experiment.class).stream().map(p -> p.get().descriptor().id()).toList();
        assertTrue(ids.contains("imnn.gaussian"), ids.toString());
    }
}
