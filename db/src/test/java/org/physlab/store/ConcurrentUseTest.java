package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** One store shared by the threads of an experiment and the server: every write arrives, none twice. */
class ConcurrentUseTest {

    private static final int THREADS = 4;
    private static final int BATCHES = 20;

    @OnEveryBackend
    void threadsWritingToOneRunAtOnceLoseNothing(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String run = store.create(Runs.oscillator()).id();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < BATCHES; i++) {
                            long step = thread * 1000L + i;
                            // Every thread's first batch races the others to create the "loss" series.
                            store.appendMetrics(run, List.of(new MetricPoint("loss", step, 1.0 / (step + 1), step),
                                    new MetricPoint("worker-" + thread, i, i, step)));
                            store.appendLogs(run, List.of(new LogLine(step, Instant.now(), "INFO", "batch " + step)));
                            store.updateProgress(run, i / (double) BATCHES, "batch " + i);
                            store.create(Runs.ofExperiment("pendulum", "worker-" + thread));
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertEquals(THREADS * BATCHES, store.metricStats(run).get("loss").count());
            assertEquals(List.of("loss", "worker-0", "worker-1", "worker-2", "worker-3"), store.metricKeys(run));
            assertEquals(THREADS * BATCHES, store.logs(run, Long.MIN_VALUE, 1000).size());
            assertEquals(THREADS * BATCHES, store.count(RunQuery.all().withExperiment("pendulum")));
            double progress = store.find(run).orElseThrow().progress();
            assertTrue(progress >= 0 && progress < 1, "one of the reports: " + progress);
        }
    }
}
