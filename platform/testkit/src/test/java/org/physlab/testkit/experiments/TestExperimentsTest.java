package org.physlab.testkit.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.physlab.api.Artifact;
import org.physlab.api.NonFiniteMetricException;
import org.physlab.api.RunCancelledException;
import org.physlab.api.Summary;
import org.physlab.compute.Nd4jComputeService;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.fail.FailExperiment;
import org.physlab.testkit.experiments.matrix.MatrixProductExperiment;
import org.physlab.testkit.experiments.nan.NanExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;

class TestExperimentsTest {

    @Test
    void countLogsEveryStepAndStoresOneArtifactOfEachKind() throws Exception {
        CountExperiment count = new CountExperiment();
        RecordingRunContext run = new RecordingRunContext(count, Map.of("steps", "4"), 7L);

        Summary summary = count.run(run);

        assertEquals(4.0, summary.metrics().get("steps"));
        assertEquals(10.0, summary.metrics().get("sum"));
        assertEquals(12, run.metrics.size(), "value, square and noise at 4 steps");
        assertTrue(run.metrics.contains("square@3=9.0"), run.metrics.toString());
        assertEquals(1.0, run.progress);
        assertEquals(CountExperiment.ARTIFACTS, run.artifacts.keySet().stream().toList());
        Set<String> kinds = run.artifacts.values().stream().map(Artifact::kind).collect(Collectors.toSet());
        assertEquals(Set.of("line", "scatter", "heatmap", "mesh", "matrix", "table", "file"), kinds);
    }

    @Test
    void countGivesTheSameNoiseForTheSameSeed() throws Exception {
        CountExperiment count = new CountExperiment();
        double a = count.run(new RecordingRunContext(count, Map.of(), 1L)).metrics().get("noiseSum");
        double b = count.run(new RecordingRunContext(count, Map.of(), 1L)).metrics().get("noiseSum");
        double c = count.run(new RecordingRunContext(count, Map.of(), 2L)).metrics().get("noiseSum");
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void sleepStopsWhenCancelled() throws Exception {
        SleepExperiment sleep = new SleepExperiment();
        RecordingRunContext run = new RecordingRunContext(sleep, Map.of(), 1L);
        CompletableFuture<Summary> result = CompletableFuture.supplyAsync(() -> {
            try {
                return sleep.run(run);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (run.metrics.size() < 3 && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(run.metrics.size() >= 3, "ticks were logged");

        run.cancelled = true;

        Exception e = assertThrows(Exception.class, () -> result.get(60, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof RunCancelledException, String.valueOf(e.getCause()));
    }

    @Test
    void failThrowsWithItsMessageAfterLoggingMetrics() {
        FailExperiment fail = new FailExperiment();
        RecordingRunContext run = new RecordingRunContext(fail, Map.of("failAtStep", 3, "message", "boom"), 1L);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fail.run(run));

        assertEquals("boom at step 3", e.getMessage());
        assertEquals(3, run.metrics.size());
    }

    @Test
    void nanLogsANonFiniteLossAtTheChosenStep() {
        NanExperiment nan = new NanExperiment();
        RecordingRunContext run = new RecordingRunContext(nan, Map.of("nanAtStep", 4), 1L);

        NonFiniteMetricException e = assertThrows(NonFiniteMetricException.class, () -> nan.run(run));

        assertEquals("loss", e.key());
        assertEquals(4, e.step());
        assertEquals(3, run.metrics.size());
    }

    @Test
    void versionsTellThemselvesApart() {
        var v1 = new org.physlab.testkit.experiments.version.v1.VersionExperiment();
        var v2 = new org.physlab.testkit.experiments.version.v2.VersionExperiment();
        assertEquals(v1.descriptor().id(), v2.descriptor().id());
        assertEquals(1.0, v1.run(new RecordingRunContext(v1, Map.of(), 1L)).metrics().get("version"));
        assertEquals(2.0, v2.run(new RecordingRunContext(v2, Map.of(), 1L)).metrics().get("version"));
        assertTrue(v2.descriptor().description().contains("2"));
    }

    @Test
    void matrixProductComputesTheTraceWithNd4j() {
        Nd4jComputeService.initialize(1);
        MatrixProductExperiment matrix = new MatrixProductExperiment();

        Summary summary = matrix.run(new RecordingRunContext(matrix, Map.of("size", 3), 1L));

        assertEquals(MatrixProductExperiment.expectedTrace(3), summary.metrics().get("trace"), 1e-9);
        assertEquals(48.0, MatrixProductExperiment.expectedTrace(3), "0+1+4 + 1+4+9 + 4+9+16");
    }
}
