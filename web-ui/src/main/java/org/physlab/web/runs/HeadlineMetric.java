package org.physlab.web.runs;

import org.physlab.api.MetricGoal;
import org.physlab.store.MetricStats;

/**
 * A run's headline numbers for one metric: the last value, the minimum, and the best, which is the
 * minimum or the maximum as the experiment's {@link MetricGoal} says.
 */
public record HeadlineMetric(String key, double last, double min, double best, MetricGoal goal) {

    public static HeadlineMetric of(MetricStats stats, MetricGoal goal) {
        MetricGoal g = goal == null ? MetricGoal.MINIMIZE : goal;
        return new HeadlineMetric(stats.key(), stats.last(), stats.min(),
                g == MetricGoal.MAXIMIZE ? stats.max() : stats.min(), g);
    }
}
