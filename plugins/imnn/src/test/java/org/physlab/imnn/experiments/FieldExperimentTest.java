package org.physlab.imnn.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.FieldError;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Summary;
import org.physlab.imnn.fisher.SmallMatrix;
import org.physlab.imnn.simulators.GaussianRandomField1D;
import org.physlab.testkit.InMemoryRunContext;

class FieldExperimentTest {

    /** A 16-point field, 500 simulations, a 64-64 network, 150 iterations, small ABC and PMC. */
    private static final Map<String, String> SHORT = Map.of("nPoints", "16", "nSims", "500", "hidden", "64,64",
            "minIterations", "100", "maxIterations", "150", "abcDraws", "2000", "abcAcceptFraction", "0.05",
            "pmcPopulation", "100");

    @Test
    void theDefaultsDescribeA32PointFieldAtAmplitude1AndSlopeHalf() {
        var d = new FieldExperiment().descriptor();
        assertEquals("imnn.field", d.id());
        Map<String, Object> defaults = d.parameters().defaults();
        assertEquals(32L, defaults.get("nPoints"));
        assertEquals(1000L, defaults.get("nSims"));
        assertEquals("gradient", defaults.get("variant"));
        assertTrue(d.references().get(0).citation().contains("Charnock"));
    }

    @Test
    void aShortFitGainsInformationAboutAmplitudeAndSlopeAndInfersTheTestField() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new FieldExperiment(), SHORT, 5);
        Summary summary = run.execute();
        Map<String, Double> m = summary.metrics();
        double analytic = SmallMatrix.determinant(new GaussianRandomField1D(16).analyticFisher(new double[] {1, 0.5}).orElseThrow());
        assertEquals(analytic, m.get("analyticDetF"), 1e-9);
        double[] valDetF = run.metrics("valDetF");
        // the field is harder than the tutorial (quadratic features of 16 inputs): in 150 iterations det F
        // climbs by orders of magnitude but is still far from its analytic ceiling
        assertTrue(m.get("bestValidationDetF") > 1000 * valDetF[0],
                "det F rises: " + valDetF[0] + " -> " + m.get("bestValidationDetF") + " (analytic " + analytic + ")");
        assertTrue(m.get("bestValidationDetF") < 1.3 * analytic, "not above the analytic det F beyond noise");
        assertEquals(1.0, m.get("finalDetC"), 0.3);
        // the estimates of (A, B) of the test field lie in the prior box
        assertTrue(m.get("pmcMeanA") > 0.1 && m.get("pmcMeanA") < 3, "PMC mean A " + m.get("pmcMeanA"));
        assertTrue(m.get("pmcMeanB") > -0.5 && m.get("pmcMeanB") < 1.5, "PMC mean B " + m.get("pmcMeanB"));
        assertTrue(Double.isFinite(m.get("estimateA")) && Double.isFinite(m.get("estimateB")));
        Set<String> names = run.artifacts().keySet();
        for (String expected : new String[] {"history-detF", "history-detC", "validation-summaries", "fisher", "fisher-analytic",
                "estimates", "gaussian-posterior", "abc-samples", "pmc-samples", "pmc-progress", "pmc-density"}) {
            assertTrue(names.contains(expected), "artifact " + expected + " in " + names);
        }
        Artifact.Matrix fisher = run.artifact("fisher-analytic", Artifact.Matrix.class);
        assertEquals(java.util.List.of("A", "B"), fisher.rowLabels());
    }

    @Test
    void badInputNamesTheField() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> InMemoryRunContext.of(
                new FieldExperiment(), Map.of("priorLow", "0,-0.5", "targetTheta", "-1,0.5", "nSims", "2"), 1));
        Set<String> fields = e.errors().stream().map(FieldError::parameter).collect(Collectors.toSet());
        assertTrue(fields.containsAll(Set.of("priorLow", "targetTheta", "nSims")), "errors " + e.errors());
    }
}
