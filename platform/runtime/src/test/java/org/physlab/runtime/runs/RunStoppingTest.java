package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.api.Summary;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;

/** Cancelling, time limits, plugin updates and shutdown: how runs are stopped and recorded. */
class RunStoppingTest {
    @TempDir
    Path home;
    SchedulerFixture lab;
    CatalogEntry waiter;

    @BeforeEach
    void start() {
        lab = new SchedulerFixture(home);
        waiter = lab.catalog.add(TestExperiment.of("test.wait", TestExperiment::untilCancelled));
        lab.catalog.add(TestExperiment.of("test.deaf", run -> {
            Thread.sleep(TimeUnit.HOURS.toMillis(1));       // never checks; only the interrupt stops it
            return Summary.empty();
        }));
        lab.catalog.add(TestExperiment.of("test.nap", run -> {
            Thread.sleep(100);
            return Summary.empty();
        }));
        lab.catalog.add(TestExperiment.of("test.stubborn", run -> {
            while (!run.isCancelled()) Thread.onSpinWait();
            return Summary.builder().put("finished", 1).build();
        }));
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private RunRecord startRun(RunScheduler runs, String experiment) {
        RunRecord r = runs.submit(LaunchRequest.of(experiment, Map.of(), 1L));
        SchedulerFixture.waitFor(experiment + " to start", () -> lab.record(r.id()).status() == RunStatus.RUNNING);
        return r;
    }

    @Test
    void cancellingAQueuedRunRecordsItAtOnceAndItNeverStarts() throws Exception {
        RunScheduler runs = lab.scheduler(1);
        RunRecord busy = startRun(runs, "test.wait");
        RunRecord queued = runs.submit(LaunchRequest.of("test.wait", Map.of(), 2L));

        assertTrue(runs.cancel(queued.id(), "wrong grid size"));
        RunRecord now = lab.record(queued.id());
        assertEquals(RunStatus.CANCELLED, now.status(), "recorded before cancel returns");
        assertEquals("wrong grid size", now.error());
        assertNull(now.startedAt());
        assertEquals(List.of(busy.id()), runs.activeRunIds());

        assertTrue(runs.cancel(busy.id(), null));
        RunRecord stopped = runs.await(busy.id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.CANCELLED, stopped.status());
        assertEquals("cancelled", stopped.error());
    }

    @Test
    void cancellingARunningRunInterruptsCodeThatNeverChecks() throws Exception {
        RunScheduler runs = lab.scheduler(1);
        RunRecord deaf = startRun(runs, "test.deaf");
        assertTrue(runs.cancel(deaf.id(), "taking too long"));
        RunRecord stopped = runs.await(deaf.id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.CANCELLED, stopped.status());
        assertEquals("taking too long", stopped.error());

        RunRecord next = runs.submit(LaunchRequest.of("test.nap", Map.of(), 2L));
        RunRecord napped = runs.await(next.id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.SUCCEEDED, napped.status(),
                "the one worker's interrupt flag was cleared after the cancelled run: " + napped.error());
    }

    @Test
    void aRunThatReturnsNormallyAfterACancelIsStillCancelled() throws Exception {
        RunScheduler runs = lab.scheduler(1);
        RunRecord stubborn = startRun(runs, "test.stubborn");
        runs.cancel(stubborn.id(), "changed my mind");
        RunRecord stopped = runs.await(stubborn.id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.CANCELLED, stopped.status());
        assertEquals("changed my mind", stopped.error());
        assertEquals(Map.of(), stopped.summary(), "the summary of a cancelled run is not kept");
    }

    @Test
    void aRunPastItsTimeLimitIsCancelledWithTheLimitInTheError() throws Exception {
        RunScheduler runs = lab.scheduler(1);
        RunRecord limited = runs.submit(new LaunchRequest("test.wait", Map.of(), 1L, List.of(), "", null, Duration.ofMillis(500)));
        RunRecord stopped = runs.await(limited.id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.CANCELLED, stopped.status());
        assertEquals("time limit of 0.5 s exceeded", stopped.error());
    }

    @Test
    void theConfiguredDefaultTimeLimitAppliesWhenTheRequestSetsNone() throws Exception {
        RunScheduler runs = lab.scheduler(1, 1, Duration.ofSeconds(1), SchedulerFixture.FixedCompute.cpu());
        RunRecord stopped = runs.await(runs.submit(LaunchRequest.of("test.deaf", Map.of(), 1L)).id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.CANCELLED, stopped.status());
        assertEquals("time limit of 1 s exceeded", stopped.error());
    }

    @Test
    void aPluginUpdateInterruptsItsRunningAndQueuedRunsWithTheReason() throws Exception {
        RunScheduler runs = lab.scheduler(1);
        RunRecord running = startRun(runs, "test.wait");
        RunRecord queued = runs.submit(LaunchRequest.of("test.wait", Map.of(), 2L));
        RunRecord other = runs.submit(LaunchRequest.of("test.stubborn", Map.of(), 3L));

        runs.interruptRunsOf(List.of(waiter), "plugin testkit updated to 1.1.0", Duration.ofSeconds(10));

        for (RunRecord r : List.of(running, queued)) {
            RunRecord now = lab.record(r.id());
            assertEquals(RunStatus.INTERRUPTED, now.status(), "recorded before interruptRunsOf returns");
            assertEquals("plugin testkit updated to 1.1.0", now.error());
        }
        SchedulerFixture.waitFor("the other plugin's run to start", () -> lab.record(other.id()).status() == RunStatus.RUNNING);
        runs.cancel(other.id(), "done");
        assertEquals(RunStatus.CANCELLED, runs.await(other.id(), SchedulerFixture.PATIENCE).status());
    }

    @Test
    void afterAnUpdateTheNewVersionRunsAlthoughItKeptTheBundleId() throws Exception {
        RunScheduler runs = lab.scheduler(1);
        RunRecord old = startRun(runs, "test.wait");
        runs.interruptRunsOf(List.of(waiter), "plugin testkit updated to 1.1.0", Duration.ofSeconds(10));
        assertEquals(RunStatus.INTERRUPTED, lab.record(old.id()).status());

        lab.catalog.update(waiter, TestExperiment.of("test.wait", run -> Summary.builder().put("version", 2).build()), "1.1.0");
        RunRecord fresh = runs.await(runs.submit(LaunchRequest.of("test.wait", Map.of(), 2L)).id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.SUCCEEDED, fresh.status(), () -> "failed: " + fresh.error());
        assertEquals("1.1.0", fresh.pluginVersion());
        assertEquals(2.0, fresh.summary().get("version"));
    }

    @Test
    void aRunThatIgnoresTheStopIsRecordedAnywayWhenTheWaitRunsOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CatalogEntry ignoring = lab.catalog.add(TestExperiment.of("test.ignoring", run -> {
            while (true) {
                try {
                    if (release.await(10, TimeUnit.MILLISECONDS)) break;
                } catch (InterruptedException swallowed) {
                    // a badly behaved plugin
                }
            }
            return Summary.builder().put("late", 1).build();
        }));
        RunScheduler runs = lab.scheduler(1);
        RunRecord r = startRun(runs, "test.ignoring");

        runs.interruptRunsOf(List.of(ignoring), "plugin testkit removed", Duration.ofMillis(200));
        assertEquals(RunStatus.INTERRUPTED, lab.record(r.id()).status());
        assertEquals(RunStatus.INTERRUPTED, runs.await(r.id(), SchedulerFixture.PATIENCE).status());
        assertEquals(List.of(), runs.activeRunIds());

        release.countDown();
        RunRecord next = runs.submit(LaunchRequest.of("test.stubborn", Map.of(), 2L));
        SchedulerFixture.waitFor("the worker to be free again", () -> lab.record(next.id()).status() == RunStatus.RUNNING);
        RunRecord late = lab.record(r.id());
        assertEquals(RunStatus.INTERRUPTED, late.status(), "the late return changed nothing");
        assertEquals("plugin testkit removed", late.error());
        assertEquals(Map.of(), late.summary());
        runs.cancel(next.id(), "done");
    }

    @Test
    void shutdownInterruptsRunningAndQueuedRunsAndRefusesNewOnes() throws Exception {
        RunScheduler runs = lab.scheduler(1);
        RunRecord running = startRun(runs, "test.deaf");
        RunRecord queued = runs.submit(LaunchRequest.of("test.wait", Map.of(), 2L));

        runs.shutdown("platform shut down", Duration.ofSeconds(10));

        for (RunRecord r : List.of(running, queued)) {
            RunRecord now = lab.record(r.id());
            assertEquals(RunStatus.INTERRUPTED, now.status());
            assertEquals("platform shut down", now.error());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runs.submit(LaunchRequest.of("test.wait", Map.of(), 3L)));
        assertEquals("Physlab is shutting down; it accepts no new runs", e.getMessage());
        runs.shutdown("again", Duration.ofSeconds(1));     // idempotent
    }
}
