package org.physlab.web.compare;

import java.util.List;
import java.util.Set;
import org.physlab.api.MetricGoal;

/**
 * One row of the final-metrics table: a metric (or summary value) of every compared run.
 *
 * @param cells    one cell per run, in run order; null where the run has no such metric
 * @param bestRuns the positions of the run(s) with the best value under {@code goal}; empty when fewer
 *                 than two runs have a number to compare or all have the same
 */
public record MetricRow(String key, MetricGoal goal, List<Cell> cells, Set<Integer> bestRuns) {
    public MetricRow {
        cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
        bestRuns = Set.copyOf(bestRuns);
    }

    /**
     * A run's value of the metric.
     *
     * @param last the value at the highest step (for a summary: the value)
     * @param best the best value over all steps under the row's goal (for a summary: the value)
     */
    public record Cell(double last, double best) { }
}
