package org.physlab.web.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.physlab.api.MetricGoal;
import org.physlab.store.MetricStats;

/**
 * Which run did best: per metric key, each run's last and best value (best = min or max as the
 * experiment's {@link MetricGoal} says) and the run(s) whose best value is the best of all.
 *
 * <pre>{@code
 * List<MetricRow> rows = MetricComparison.metricRows(List.of(store.metricStats(a), store.metricStats(b)),
 *         key -> MetricGoal.MINIMIZE);
 * rows.get(0).bestRuns();   // {1} if run b reached the lower loss
 * }</pre>
 */
public final class MetricComparison {
    private MetricComparison() { }

    /** One row per metric key any run logged (sorted by key), from each run's metric statistics. */
    public static List<MetricRow> metricRows(List<Map<String, MetricStats>> statsPerRun, Function<String, MetricGoal> goalOf) {
        Set<String> keys = new TreeSet<>();
        statsPerRun.forEach(stats -> keys.addAll(stats.keySet()));
        List<MetricRow> rows = new ArrayList<>();
        for (String key : keys) {
            MetricGoal goal = goalOf.apply(key);
            List<MetricRow.Cell> cells = new ArrayList<>();
            for (Map<String, MetricStats> stats : statsPerRun) {
                MetricStats s = stats.get(key);
                cells.add(s == null ? null : new MetricRow.Cell(s.last(), goal == MetricGoal.MAXIMIZE ? s.max() : s.min()));
            }
            rows.add(new MetricRow(key, goal, cells, best(cells, goal)));
        }
        return rows;
    }

    /** One row per summary key of any run (in the order the runs give them), the value as both last and best. */
    public static List<MetricRow> summaryRows(List<Map<String, Double>> summaries, Function<String, MetricGoal> goalOf) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        summaries.forEach(summary -> keys.addAll(summary.keySet()));
        List<MetricRow> rows = new ArrayList<>();
        for (String key : keys) {
            MetricGoal goal = goalOf.apply(key);
            List<MetricRow.Cell> cells = new ArrayList<>();
            for (Map<String, Double> summary : summaries) {
                Double v = summary.get(key);
                cells.add(v == null ? null : new MetricRow.Cell(v, v));
            }
            rows.add(new MetricRow(key, goal, cells, best(cells, goal)));
        }
        return rows;
    }

    /**
     * The positions of the cells whose best value is the best of all (ties all win); NaN never wins, and
     * nobody wins when fewer than two runs have a number or when they all have the same one.
     */
    static Set<Integer> best(List<MetricRow.Cell> cells, MetricGoal goal) {
        double best = Double.NaN;
        Set<Double> distinct = new HashSet<>();
        for (MetricRow.Cell cell : cells) {
            if (cell == null || Double.isNaN(cell.best())) continue;
            distinct.add(cell.best());
            best = goal.better(best, cell.best());
        }
        Set<Integer> winners = new HashSet<>();
        if (distinct.size() < 2) return winners;
        for (int i = 0; i < cells.size(); i++) {
            MetricRow.Cell cell = cells.get(i);
            if (cell != null && Double.compare(cell.best(), best) == 0) winners.add(i);
        }
        return winners;
    }
}
