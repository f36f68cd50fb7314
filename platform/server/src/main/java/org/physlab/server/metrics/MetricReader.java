package org.physlab.server.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.physlab.store.MetricPoint;
import org.physlab.store.RunStore;

/** Reads whole metric series from the store page by page, so no single query returns millions of rows. */
public final class MetricReader {
    /** Rows per query. */
    public static final int PAGE = 20_000;

    private MetricReader() { }

    /** Every point of the series with step &gt; {@code afterStep}, in step order. */
    public static List<MetricPoint> readAll(RunStore store, String runId, String key, long afterStep) {
        List<MetricPoint> all = new ArrayList<>();
        forEach(store, runId, key, afterStep, all::add);
        return all;
    }

    /** Hands every point of the series with step &gt; {@code afterStep} to {@code sink}, in step order. */
    public static void forEach(RunStore store, String runId, String key, long afterStep, Consumer<MetricPoint> sink) {
        long after = afterStep;
        while (true) {
            List<MetricPoint> page = store.metrics(runId, key, after, PAGE);
            page.forEach(sink);
            if (page.size() < PAGE) return;
            after = page.get(page.size() - 1).step();
        }
    }
}
