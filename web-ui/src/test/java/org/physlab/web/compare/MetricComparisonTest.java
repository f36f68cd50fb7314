package org.physlab.web.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.physlab.api.MetricGoal;
import org.physlab.store.MetricStats;

class MetricComparisonTest {

    private static Map<String, MetricStats> stats(MetricStats... s) {
        java.util.Map<String, MetricStats> map = new java.util.HashMap<>();
        for (MetricStats m : s) map.put(m.key(), m);
        return map;
    }

    private static MetricStats loss(double last, double min, double max) {
        return new MetricStats("loss", last, 100, min, max, 100);
    }

    @Test
    void aLossIsBestWhereItWentLowest() {
        List<MetricRow> rows = MetricComparison.metricRows(
                List.of(stats(loss(0.5, 0.2, 2.0)), stats(loss(0.3, 0.3, 1.5)), stats(loss(0.9, 0.8, 3.0))),
                key -> MetricGoal.MINIMIZE);

        MetricRow row = rows.get(0);
        assertEquals("loss", row.key());
        assertEquals(new MetricRow.Cell(0.5, 0.2), row.cells().get(0));
        assertEquals(Set.of(0), row.bestRuns());
    }

    @Test
    void anAccuracyIsBestWhereItWentHighest() {
        MetricStats a = new MetricStats("accuracy", 0.7, 10, 0.1, 0.9, 10);
        MetricStats b = new MetricStats("accuracy", 0.95, 10, 0.2, 0.95, 10);
        MetricRow row = MetricComparison.metricRows(List.of(stats(a), stats(b)),
                key -> key.equals("accuracy") ? MetricGoal.MAXIMIZE : MetricGoal.MINIMIZE).get(0);

        assertEquals(MetricGoal.MAXIMIZE, row.goal());
        assertEquals(0.9, row.cells().get(0).best());
        assertEquals(Set.of(1), row.bestRuns());
    }

    @Test
    void keysOfAnyRunAppearAndMissingCellsAreEmpty() {
        MetricStats r2 = new MetricStats("r2", 0.9, 1, 0.9, 0.9, 1);
        List<MetricRow> rows = MetricComparison.metricRows(List.of(stats(loss(1, 1, 1)), stats(loss(2, 2, 2), r2)),
                key -> MetricGoal.MINIMIZE);

        assertEquals(List.of("loss", "r2"), rows.stream().map(MetricRow::key).toList());
        assertNull(rows.get(1).cells().get(0));
        assertTrue(rows.get(1).bestRuns().isEmpty(), "one run alone is not compared");
    }

    @Test
    void tiesAllWinAndNaNNeverDoes() {
        List<MetricRow.Cell> cells = java.util.Arrays.asList(
                new MetricRow.Cell(1, 0.1), new MetricRow.Cell(Double.NaN, Double.NaN), null, new MetricRow.Cell(2, 0.1),
                new MetricRow.Cell(3, 0.3));
        assertEquals(Set.of(0, 3), MetricComparison.best(cells, MetricGoal.MINIMIZE));
        assertEquals(Set.of(), MetricComparison.best(List.of(new MetricRow.Cell(Double.NaN, Double.NaN), new MetricRow.Cell(1, 1)),
                MetricGoal.MINIMIZE));
    }

    @Test
    void whenEveryRunHasTheSameValueNoneIsBest() {
        assertEquals(Set.of(), MetricComparison.best(List.of(new MetricRow.Cell(5403, 5403), new MetricRow.Cell(5403, 5403)),
                MetricGoal.MAXIMIZE));
    }

    @Test
    void summariesCompareTheirValuesInTheRunsOrder() {
        List<MetricRow> rows = MetricComparison.summaryRows(List.of(
                new java.util.LinkedHashMap<>(Map.of("validationLoss", 0.4)),
                new java.util.LinkedHashMap<>(Map.of("validationLoss", 0.2))), key -> MetricGoal.MINIMIZE);

        assertEquals(1, rows.size());
        assertEquals(new MetricRow.Cell(0.2, 0.2), rows.get(0).cells().get(1));
        assertEquals(Set.of(1), rows.get(0).bestRuns());
    }
}
