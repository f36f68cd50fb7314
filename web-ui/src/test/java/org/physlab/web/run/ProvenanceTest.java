package org.physlab.web.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.store.MetricPoint;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;

class ProvenanceTest {
    static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");

    static RunRecord run(Instant started, Instant ended, RunStatus status) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("lr", 0.001);
        parameters.put("hidden", List.of(100L, 50L));
        parameters.put("batches", 300L);
        return new RunRecord("r1", "oscillator.curve-mlp", "oscillator", "0.1.0", parameters, 42, status, CREATED, started, ended,
                null, "cpu", "lab-pc", "ada", List.of("sweep", "baseline"), "", 0.5, "", Map.of(), "p1");
    }

    @Test
    void queueWaitAndRunTimeOfAnEndedRun() {
        RunRecord r = run(CREATED.plusSeconds(12), CREATED.plusSeconds(12 + 185), RunStatus.SUCCEEDED);
        Map<String, String> rows = new LinkedHashMap<>();
        Provenance.rows(r, "Curve MLP").forEach(row -> rows.put(row.label(), row.value()));
        assertEquals("12 s", rows.get("queue wait"));
        assertEquals("3 min 05 s", rows.get("run time"));
        assertEquals("oscillator 0.1.0", rows.get("plugin"));
        assertEquals("Curve MLP (oscillator.curve-mlp)", rows.get("experiment"));
        assertEquals("42", rows.get("seed"));
        assertEquals("sweep, baseline", rows.get("tags"));
        assertEquals("–", rows.get("notes"));
        assertTrue(rows.keySet().containsAll(List.of("backend", "host", "user", "created", "started", "ended")));
    }

    @Test
    void aRunStillQueuedHasWaitedSoFarAndNotRun() {
        RunRecord r = run(null, null, RunStatus.QUEUED);
        assertTrue(Provenance.queueWait(r).endsWith(" so far"));
        assertEquals("–", Provenance.runTime(r));
    }

    @Test
    void aRunCancelledInTheQueueNeverStarted() {
        RunRecord r = run(null, CREATED.plusSeconds(3), RunStatus.CANCELLED);
        assertEquals("3.0 s (never started)", Provenance.queueWait(r));
    }

    @Test
    void parametersAreSortedAndReadable() {
        List<Provenance.Row> rows = Provenance.parameters(run(null, null, RunStatus.QUEUED).parameters());
        assertEquals(List.of("batches", "hidden", "lr"), rows.stream().map(Provenance.Row::label).toList());
        assertEquals("300", rows.get(0).value());
        assertEquals("[100, 50]", rows.get(1).value());
        assertEquals("0.001", rows.get(2).value(), "parameters are shown exactly, not rounded");
        assertEquals("[0.5, 1e-8, -3]", Provenance.value(new double[] {0.5, 1e-8, -3}));
        assertEquals("[0.03, 2]", Provenance.value(List.of(0.03, 2L)));
    }

    @Test
    void lossesStartOnALogAxisButNotWhenTheyReachZeroOrBelow() {
        List<MetricPoint> positive = List.of(new MetricPoint("loss", 0, 2.0, 0), new MetricPoint("loss", 1, 0.5, 0));
        assertTrue(RunView.lossLike("train/loss", positive));
        assertTrue(RunView.lossLike("val_mse", positive));
        assertFalse(RunView.lossLike("accuracy", positive));
        assertFalse(RunView.lossLike("loss", List.of(new MetricPoint("loss", 0, 0.0, 0))));
    }
}
