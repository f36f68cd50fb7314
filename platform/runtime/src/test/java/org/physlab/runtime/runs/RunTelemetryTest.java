package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.api.Summary;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.store.RunStore;
import org.physlab.store.StoreException;

/** When the store cannot take a run's metrics: a hiccup loses nothing, a lasting failure fails the run. */
class RunTelemetryTest {
    @TempDir
    Path home;
    SchedulerFixture lab;
    /** How many more appendMetrics calls fail; negative: all of them. */
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    RunScheduler runs;

    @BeforeEach
    void start() {
        lab = new SchedulerFixture(home);
        RunStore flaky = (RunStore) Proxy.newProxyInstance(RunStore.class.getClassLoader(), new Class<?>[] {RunStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("appendMetrics") && failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0) {
                        failed.incrementAndGet();
                        throw new StoreException("appending metrics failed: No space left on device", null);
                    }
                    try {
                        return method.invoke(lab.store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        lab.catalog.add(TestExperiment.of("test.points", run -> {
            int n = (int) run.seed();
            for (int step = 0; step < n; step++) run.metric("x", step, step);
            return Summary.empty();
        }));
        runs = new RunScheduler(flaky, lab.catalog, SchedulerFixture.FixedCompute.cpu(),
                new RunScheduler.Settings(lab.processId, SchedulerFixture.HOST, "tester", 1, 1, null, null));
    }

    @AfterEach
    void stop() {
        runs.close();
        lab.close();
    }

    /** The test experiment logs as many points as the seed says. */
    private RunRecord logPoints(long points) throws InterruptedException {
        return runs.await(runs.submit(LaunchRequest.of("test.points", Map.of(), points)).id(), SchedulerFixture.PATIENCE);
    }

    @Test
    void aPassingStoreFailureIsRetriedAndLosesNoPoint() throws Exception {
        failuresLeft.set(3);
        RunRecord done = logPoints(20_000);
        assertEquals(RunStatus.SUCCEEDED, done.status(), () -> "failed: " + done.error());
        assertEquals(3, failed.get(), "the first three writes failed");
        assertEquals(20_000, lab.store.metricStats(done.id()).get("x").count());
        assertEquals(List.of("x"), lab.store.metricKeys(done.id()));
    }

    @Test
    void aLastingStoreFailureFailsTheRunInsteadOfDroppingPoints() throws Exception {
        failuresLeft.set(-1);
        RunRecord done = logPoints(RunTelemetry.MAX_PENDING * 3L);
        assertEquals(RunStatus.FAILED, done.status());
        assertEquals("IllegalStateException: the metrics of run " + done.id()
                + " cannot be stored: appending metrics failed: No space left on device", done.error());
        assertTrue(failed.get() >= 1);
    }

    @Test
    void aRunWhoseLastPointsCannotBeStoredIsNotRecordedAsASuccess() throws Exception {
        failuresLeft.set(-1);
        RunRecord done = logPoints(100);
        assertEquals(RunStatus.FAILED, done.status());
        assertEquals("the run's last metrics and log lines could not be stored: "
                + "appending metrics failed: No space left on device", done.error());
        assertTrue(failed.get() >= TelemetryFlusher.FINAL_ATTEMPTS, "retried " + failed.get() + " times");
    }
}
