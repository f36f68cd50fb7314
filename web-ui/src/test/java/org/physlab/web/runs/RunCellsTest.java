package org.physlab.web.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.physlab.api.MetricGoal;
import org.physlab.store.MetricStats;
import org.physlab.store.RunStatus;

/** How a run reads in one grid row: its parameters compactly, its status, its headline numbers. */
class RunCellsTest {

    @Test
    void parametersSetAwayFromTheirDefaultsComeFirst() {
        Map<String, Object> stored = new java.util.LinkedHashMap<>();
        stored.put("bins", 50L);
        stored.put("hidden", List.of(100L));
        stored.put("batches", 300L);
        stored.put("learningRate", 0.003);
        Map<String, Object> defaults = Map.of("bins", 50, "hidden", new int[] {100}, "batches", 2000, "learningRate", 0.001);

        Map<String, Object> ordered = RunCells.keyParametersFirst(stored, defaults);

        assertEquals(List.of("batches", "learningRate", "bins", "hidden"), List.copyOf(ordered.keySet()));
        assertEquals(2, RunCells.changedFromDefaults(stored, defaults));
        assertEquals(4, RunCells.changedFromDefaults(stored, Map.of()), "without the plugin every value counts as set");
    }

    @Test
    void parametersReadAsNameValuePairsAndAreCutWithAnEllipsis() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("epochs", 200L);
        p.put("lr", 0.000125);
        p.put("hidden", List.of(64L, 64L));
        p.put("activation", "tanh");

        assertEquals("epochs=200 · lr=1.250e-04 · hidden=[64,64] · activation=tanh", RunCells.parameters(p));
        assertEquals("epochs=200 · lr=1.250e-04…", RunCells.parameters(p, 26));
        assertEquals("", RunCells.parameters(Map.of(), 10));
    }

    @Test
    void statusShowsTheProgressOfARunningRunAndItsColour() {
        assertEquals("RUNNING 45%", RunCells.status(RunStatus.RUNNING, 0.449));
        assertEquals("SUCCEEDED", RunCells.status(RunStatus.SUCCEEDED, 1));
        assertEquals("success", RunCells.colour(RunStatus.SUCCEEDED));
        assertEquals("error", RunCells.colour(RunStatus.FAILED));
        assertEquals("contrast", RunCells.colour(RunStatus.CANCELLED));
    }

    @Test
    void theBestValueFollowsTheExperimentsGoal() {
        MetricStats accuracy = new MetricStats("accuracy", 0.8, 10, 0.1, 0.9, 11);
        assertEquals(0.9, HeadlineMetric.of(accuracy, MetricGoal.MAXIMIZE).best());
        assertEquals(0.1, HeadlineMetric.of(accuracy, MetricGoal.MINIMIZE).best());
        assertEquals(0.1, HeadlineMetric.of(accuracy, null).best(), "minimize unless the experiment says otherwise");
        assertEquals(0.8, HeadlineMetric.of(accuracy, MetricGoal.MAXIMIZE).last());
        assertEquals(0.1, HeadlineMetric.of(accuracy, MetricGoal.MAXIMIZE).min());
    }
}
