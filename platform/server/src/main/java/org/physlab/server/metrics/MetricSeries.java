package org.physlab.server.metrics;

import java.util.List;
import org.physlab.store.MetricPoint;

/**
 * A page of one metric series in columns (the shape chart libraries want, and a third of the bytes
 * of one object per point).
 *
 * @param steps       the steps, ascending
 * @param values      the values, one per step
 * @param timesMillis wall-clock epoch milliseconds at which each value was logged
 * @param downsampled whether points were thinned out by {@link MetricDownsampler}
 * @param nextAfter   the last step returned (pass it as {@code after} to read on), or null when the page is empty
 * @param hasMore     whether more points follow this page
 */
public record MetricSeries(String runId, String key, long[] steps, double[] values, long[] timesMillis,
                           boolean downsampled, Long nextAfter, boolean hasMore) {

    public static MetricSeries of(String runId, String key, List<MetricPoint> points, boolean downsampled,
                                  boolean hasMore) {
        int n = points.size();
        long[] steps = new long[n];
        double[] values = new double[n];
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            MetricPoint p = points.get(i);
            steps[i] = p.step();
            values[i] = p.value();
            times[i] = p.timeMillis();
        }
        return new MetricSeries(runId, key, steps, values, times, downsampled, n > 0 ? steps[n - 1] : null, hasMore);
    }
}
