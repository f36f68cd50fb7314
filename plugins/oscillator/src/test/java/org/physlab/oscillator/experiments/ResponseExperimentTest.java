package org.physlab.oscillator.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Summary;
import org.physlab.oscillator.data.ResponseCsv;
import org.physlab.testkit.InMemoryRunContext;

class ResponseExperimentTest {

    @Test
    void theDefaultsAreTheLectureDemoWhichPeaksAt7point899AtSample298() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.builder(new ResponseExperiment()).build();
        Summary summary = run.execute();
        assertEquals(7.899218767229237, summary.metrics().get("peakAmplitude"), 1e-8);
        assertEquals(298.0, summary.metrics().get("peakIndex"));
        assertEquals(1.975, summary.metrics().get("peakFrequency"), 1e-3);
        assertEquals(0.6800306418156506, summary.metrics().get("firstAmplitude"), 1e-9);
        assertEquals(0.49760777895570807, summary.metrics().get("lastAmplitude"), 1e-9);

        Artifact.LineChart chart = run.artifact("response", Artifact.LineChart.class);
        assertEquals(2, chart.series().size(), "the sweep and the linear steady state");
        assertEquals(-4.0, chart.series().get(0).x()[0], 0.0);
        assertEquals(7.899218767229237, chart.series().get(0).y()[298], 1e-8);
        // the linear Lorentzian peaks at F/(gamma/2) = 8 at omega = omega0; the Duffing curve leans to higher omega
        assertEquals(8.0, java.util.Arrays.stream(chart.series().get(1).y()).max().orElseThrow(), 0.01);

        double[][] csv = ResponseCsv.parse(new String(run.artifact("response.csv", Artifact.FileArtifact.class).content(),
                StandardCharsets.UTF_8));
        assertEquals(1, csv.length);
        assertArrayEquals(chart.series().get(0).y(), csv[0], 0.0);
        assertTrue(run.artifacts().keySet().stream().noneMatch("response-map"::equals), "a single force draws no map");
        assertEquals(1.0, run.lastProgress().fraction());
    }

    @Test
    void aForceRangeGivesAFamilyAndTheFrequencyForceMap() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new ResponseExperiment(), Map.of("force", "0.1,1.0", "forceCount", "100"), 1);
        Summary summary = run.execute();
        assertEquals(100.0, summary.metrics().get("forces"));
        Artifact.Heatmap map = run.artifact("response-map", Artifact.Heatmap.class);
        assertEquals(100, map.values().length);
        assertEquals(400, map.values()[0].length);
        assertEquals(0.1, map.yMin(), 1e-15);
        assertEquals(1.0, map.yMax(), 1e-15);
        assertEquals(ResponseExperiment.MAX_LINES, run.artifact("response", Artifact.LineChart.class).series().size());
        // a stronger drive gives a larger, further-shifted peak
        double weakPeak = java.util.Arrays.stream(map.values()[0]).max().orElseThrow();
        double strongPeak = java.util.Arrays.stream(map.values()[99]).max().orElseThrow();
        assertTrue(strongPeak > 5 * weakPeak, weakPeak + " vs " + strongPeak);
        assertEquals(strongPeak, summary.metrics().get("peakAmplitude"), 0.0);
        assertEquals(100, ResponseCsv.parse(new String(run.artifact("response.csv", Artifact.FileArtifact.class).content(),
                StandardCharsets.UTF_8)).length);
    }

    @Test
    void badInputIsRejectedBeforeAnythingRuns() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new ResponseExperiment(), Map.of("gamma", "-0.5"), 1));
        assertEquals("gamma", e.errors().get(0).parameter());
        assertTrue(e.getMessage().contains("at least 0"), e.getMessage());

        e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new ResponseExperiment(), Map.of("force", "2,0.5", "forceCount", "5"), 1));
        assertTrue(e.getMessage().contains("empty range"), e.getMessage());
        e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new ResponseExperiment(), Map.of("forceCount", "5"), 1));
        assertTrue(e.getMessage().contains("force as a range"), e.getMessage());
        e = assertThrows(InvalidParametersException.class,
                () -> InMemoryRunContext.of(new ResponseExperiment(), Map.of("steps", "1", "tEnd", "0"), 1));
        assertEquals(2, e.errors().size(), e.getMessage());
    }

    @Test
    void aStepTooCoarseForTheNonlinearityFailsWithAHint() throws Exception {
        InMemoryRunContext run = InMemoryRunContext.of(new ResponseExperiment(),
                Map.of("epsilon", "500", "force", "50", "gamma", "0.01"), 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, run::execute);
        assertTrue(e.getMessage().contains("use more steps"), e.getMessage());
    }
}
