package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.api.Summary;
import org.physlab.store.RunQuery;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;

/** How many runs execute at once, and in which order they start. */
class RunConcurrencyTest {
    @TempDir
    Path home;
    SchedulerFixture lab;
    final AtomicInteger executing = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final List<Long> startOrder = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        lab = new SchedulerFixture(home);
        lab.catalog.add(TestExperiment.of("test.nap", run -> {
            startOrder.add(run.seed());
            mostAtOnce.accumulateAndGet(executing.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
            } finally {
                executing.decrementAndGet();
            }
            return Summary.empty();
        }));
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void noMoreThanMaxConcurrentRunsExecuteAndQueuedRunsStartInOrder() throws Exception {
        RunScheduler runs = lab.scheduler(2);
        AtomicInteger mostRunningInStore = new AtomicInteger();
        runs.addListener(new RunListener() {
            @Override
            public void statusChanged(RunRecord run) {
                if (run.status() == RunStatus.RUNNING) {
                    long running = lab.store.count(RunQuery.all().withStatus(RunStatus.RUNNING));
                    mostRunningInStore.accumulateAndGet((int) running, Math::max);
                }
            }
        });
        List<String> ids = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) ids.add(runs.submit(LaunchRequest.of("test.nap", Map.of(), seed)).id());

        for (String id : ids) assertEquals(RunStatus.SUCCEEDED, runs.await(id, SchedulerFixture.PATIENCE).status());
        assertEquals(2, mostAtOnce.get(), "two runs overlapped, never three");
        assertTrue(mostRunningInStore.get() <= 2, "RUNNING in the store: " + mostRunningInStore.get());
        assertEquals(List.of(1L, 2L), startOrder.subList(0, 2).stream().sorted().toList(), "FIFO: the first two start first");
        assertEquals(5, startOrder.size());
        assertEquals(List.of(), runs.activeRunIds());
    }

    @Test
    void onAnAcceleratorTheGpuSlotsBoundRunsToo() throws Exception {
        RunScheduler runs = lab.scheduler(3, 1, null, SchedulerFixture.FixedCompute.accelerator());
        List<String> ids = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) ids.add(runs.submit(LaunchRequest.of("test.nap", Map.of(), seed)).id());
        for (String id : ids) {
            RunRecord done = runs.await(id, SchedulerFixture.PATIENCE);
            assertEquals(RunStatus.SUCCEEDED, done.status());
            assertEquals("CUDA", done.backend());
        }
        assertEquals(1, mostAtOnce.get(), "one GPU slot: one run at a time although three workers wait");
    }

    @Test
    void aRunWaitingForAGpuSlotCanBeCancelled() throws Exception {
        lab.catalog.add(TestExperiment.of("test.wait", TestExperiment::untilCancelled));
        RunScheduler runs = lab.scheduler(2, 1, null, SchedulerFixture.FixedCompute.accelerator());
        RunRecord holder = runs.submit(LaunchRequest.of("test.wait", Map.of(), 1L));
        SchedulerFixture.waitFor("the first run to hold the slot", () -> lab.record(holder.id()).status() == RunStatus.RUNNING);
        RunRecord waiting = runs.submit(LaunchRequest.of("test.wait", Map.of(), 2L));

        assertTrue(runs.cancel(waiting.id(), "not needed"));
        RunRecord cancelled = runs.await(waiting.id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals("not needed", cancelled.error());
        assertEquals(null, cancelled.startedAt(), "it never started");

        runs.cancel(holder.id(), "done");
        assertEquals(RunStatus.CANCELLED, runs.await(holder.id(), SchedulerFixture.PATIENCE).status());
        RunRecord next = runs.submit(LaunchRequest.of("test.nap", Map.of(), 3L));
        assertEquals(RunStatus.SUCCEEDED, runs.await(next.id(), SchedulerFixture.PATIENCE).status(), "the slot was given back");
    }
}
