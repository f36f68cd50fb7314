package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Metric series: appending many points at once, reading them back in pages, and their statistics. */
class MetricsTest {

    @OnEveryBackend
    void aHundredThousandPointsAppendInOneCallAndReadBackExactly(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            List<MetricPoint> loss = new ArrayList<>();
            for (int step = 0; step < 100_000; step++) {
                loss.add(new MetricPoint("loss", step, Math.exp(-step / 5000.0) * (1 + 0.1 * Math.sin(step)),
                        1_764_000_000_000L + step));
            }

            long start = System.nanoTime();
            store.appendMetrics(id, loss);
            long appended = System.nanoTime();
            List<MetricPoint> readBack = store.metrics(id, "loss", Long.MIN_VALUE, 200_000);
            long read = System.nanoTime();
            System.out.printf("%s: appended 100,000 metric points in %d ms, read them back in %d ms%n",
                    backend, (appended - start) / 1_000_000, (read - appended) / 1_000_000);

            assertEquals(loss, readBack); // every key, step, value (bit for bit) and time, in step order
        }
    }

    @OnEveryBackend
    void pointsAreReadInPagesOrderedByStep(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            // Appended out of order and in two calls, with another metric in between.
            store.appendMetrics(id, List.of(point("loss", 3, 0.3), point("loss", 1, 0.1), point("accuracy", 1, 0.5)));
            store.appendMetrics(id, List.of(point("loss", 2, 0.2), point("loss", 5, 0.5), point("loss", 4, 0.4)));

            assertEquals(List.of(point("loss", 1, 0.1), point("loss", 2, 0.2)), store.metrics(id, "loss", 0, 2));
            assertEquals(List.of(point("loss", 3, 0.3), point("loss", 4, 0.4)), store.metrics(id, "loss", 2, 2));
            assertEquals(List.of(point("loss", 5, 0.5)), store.metrics(id, "loss", 4, 2));
            assertEquals(List.of(), store.metrics(id, "loss", 5, 2));
            assertEquals(List.of(point("accuracy", 1, 0.5)), store.metrics(id, "accuracy", -1, 100));
            assertEquals(List.of(), store.metrics(id, "loss", 0, 0));
            assertEquals(List.of(), store.metrics(id, "energy", -1, 100));
            assertEquals(List.of(), store.metrics("20000101-000000-0000", "loss", -1, 100));
            assertThrows(IllegalArgumentException.class, () -> store.metrics(id, "loss", 0, -1));
        }
    }

    @OnEveryBackend
    void metricKeysAreSorted(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            assertEquals(List.of(), store.metricKeys(id));
            store.appendMetrics(id, List.of(point("val/loss", 1, 1), point("loss", 1, 1), point("Energy", 1, 1),
                    point("loss", 2, 1)));

            assertEquals(List.of("Energy", "loss", "val/loss"), store.metricKeys(id));
        }
    }

    @OnEveryBackend
    void statisticsGiveTheValueAtTheHighestStepAndTheRange(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            String other = store.create(Runs.oscillator()).id();
            store.appendMetrics(id, List.of(point("loss", 10, 0.2), point("loss", 30, 0.05), point("loss", 20, -0.1),
                    point("accuracy", 1, 0.5)));
            store.appendMetrics(id, List.of(point("loss", 5, 0.9)));   // late, but not the last step
            store.appendMetrics(other, List.of(point("loss", 99, 7.0)));

            Map<String, MetricStats> stats = store.metricStats(id);

            assertEquals(List.of("accuracy", "loss"), List.copyOf(stats.keySet()));
            assertEquals(new MetricStats("loss", 0.05, 30, -0.1, 0.9, 4), stats.get("loss"));
            assertEquals(new MetricStats("accuracy", 0.5, 1, 0.5, 0.5, 1), stats.get("accuracy"));
            assertEquals(Map.of(), store.metricStats("20000101-000000-0000"));
        }
    }

    @OnEveryBackend
    void ofSeveralPointsAtTheLastStepTheLastAppendedIsTheLastValue(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            store.appendMetrics(id, List.of(point("loss", 7, 0.4), point("loss", 7, 0.3)));
            store.appendMetrics(id, List.of(point("loss", 7, 0.35)));

            assertEquals(0.35, store.metricStats(id).get("loss").last());
            assertEquals(List.of(0.4, 0.3, 0.35),
                    store.metrics(id, "loss", 0, 10).stream().map(MetricPoint::value).toList());
        }
    }

    @OnEveryBackend
    void badPointsAreRejectedAndNoneOfTheirBatchIsStored(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            store.appendMetrics(id, List.of(point("loss", 1, 0.5)));

            IllegalArgumentException diverged = assertThrows(IllegalArgumentException.class,
                    () -> store.appendMetrics(id, List.of(point("loss", 2, 0.4), point("loss", 3, Double.NaN))));
            assertTrue(diverged.getMessage().contains("'loss'") && diverged.getMessage().contains("step 3"),
                    diverged.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.appendMetrics(id, List.of(point(" ", 2, 0.4))));
            assertThrows(IllegalArgumentException.class,
                    () -> store.appendMetrics("20000101-000000-0000", List.of(point("loss", 1, 0.5))));
            StoreException tooLong = assertThrows(StoreException.class,
                    () -> store.appendMetrics(id, List.of(point("loss", 2, 0.4), point("k".repeat(300), 2, 0.4))));
            assertTrue(tooLong.getMessage().startsWith("appending 2 metric points to run " + id + " failed: "),
                    tooLong.getMessage());
            assertTrue(tooLong.getMessage().contains("SQL state 22001"), tooLong.getMessage());

            assertEquals(List.of(point("loss", 1, 0.5)), store.metrics(id, "loss", -1, 100));
            store.appendMetrics(id, List.of()); // nothing to do
            assertEquals(1, store.metricStats(id).get("loss").count());
        }
    }

    private static MetricPoint point(String key, long step, double value) {
        return new MetricPoint(key, step, value, 1_764_000_000_000L + step);
    }
}
