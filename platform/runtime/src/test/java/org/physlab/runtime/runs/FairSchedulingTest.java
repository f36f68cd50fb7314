package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.api.Summary;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;

/**
 * Real runs of a tiny experiment through the scheduler and the store: fair share between users,
 * priorities, the per-user cap, GPU slots, and a queue that outlives its server. Every run of
 * {@code test.gate} takes one permit of {@link #gate} before it returns, so the test decides when runs
 * end and the start order is the scheduler's alone.
 */
class FairSchedulingTest {
    @TempDir
    Path home;
    SchedulerFixture lab;
    final Semaphore gate = new Semaphore(0);
    /** Ids of the runs in the order they started (a run may start before submit() has named it). */
    final List<String> startedIds = Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicInteger> executingByUser = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> mostByUser = new ConcurrentHashMap<>();
    final Map<String, String> names = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        lab = new SchedulerFixture(home);
        lab.catalog.add(TestExperiment.of("test.gate", run -> {
            String user = lab.record(run.runId()).user();
            startedIds.add(run.runId());
            int now = executingByUser.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
            mostByUser.computeIfAbsent(user, u -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            try {
                gate.acquire();
            } finally {
                executingByUser.get(user).decrementAndGet();
            }
            return Summary.empty();
        }));
    }

    @AfterEach
    void stop() {
        gate.release(1000);
        lab.close();
    }

    private RunScheduler scheduler(int cpuSlots, int gpuSlots, int perUserCap, boolean accelerator) {
        return lab.scheduler(new RunScheduler.Settings(lab.processId, SchedulerFixture.HOST, "tester", cpuSlots, gpuSlots,
                null, null, perUserCap, false), accelerator ? SchedulerFixture.FixedCompute.accelerator()
                : SchedulerFixture.FixedCompute.cpu());
    }

    /** Queues a run of {@code test.gate} for {@code user}, known in {@link #started} as {@code name}. */
    private String submit(RunScheduler runs, String name, String user, int priority) {
        String id = runs.submit(LaunchRequest.of("test.gate", Map.of(), 1L).byUser(user).withPriority(priority)).id();
        names.put(id, name);
        return id;
    }

    /** The names given to submit() of the runs that started, in start order. */
    private List<String> started() {
        synchronized (startedIds) {
            return startedIds.stream().map(id -> names.getOrDefault(id, id)).toList();
        }
    }

    private List<String> queueNames(RunScheduler runs) {
        return runs.queue().places().stream().map(p -> names.get(p.run().runId())).toList();
    }

    private void finishAll(RunScheduler runs, List<String> ids) throws InterruptedException {
        gate.release(ids.size());
        for (String id : ids) assertEquals(RunStatus.SUCCEEDED, runs.await(id, SchedulerFixture.PATIENCE).status());
    }

    @Test
    void anotherUsersSingleRunIsNotStarvedByFiftyQueuedRuns() throws Exception {
        RunScheduler runs = scheduler(1, 1, 0, false);
        List<String> ids = new ArrayList<>();
        ids.add(submit(runs, "ada-1", "ada", 0));
        SchedulerFixture.waitFor("ada's first run to start", () -> startedIds.size() == 1);
        for (int i = 2; i <= 50; i++) ids.add(submit(runs, "ada-" + i, "ada", 0));
        ids.add(submit(runs, "bob-1", "bob", 0));

        RunScheduler.QueueState queue = runs.queue();
        assertEquals(1, queue.positionOf(ids.get(50)).getAsInt(), "bob's run is next although queued last");
        assertEquals(2, queue.positionOf(ids.get(1)).getAsInt());
        assertEquals("a CPU slot", queue.places().get(0).waitingFor());
        assertEquals(RunStatus.QUEUED, lab.record(ids.get(50)).status());

        finishAll(runs, ids);
        assertEquals(List.of("ada-1", "bob-1", "ada-2", "ada-3"), started().subList(0, 4));
        assertEquals(51, startedIds.size());
    }

    @Test
    void priorityOrdersAUsersOwnRunsAndSurvivesInTheStore() throws Exception {
        RunScheduler runs = scheduler(1, 1, 0, false);
        List<String> ids = new ArrayList<>();
        ids.add(submit(runs, "holder", "ada", 0));
        SchedulerFixture.waitFor("the first run to start", () -> startedIds.size() == 1);
        ids.add(submit(runs, "plain", "ada", 0));
        ids.add(submit(runs, "urgent", "ada", 5));
        ids.add(submit(runs, "later", "ada", -1));
        ids.add(submit(runs, "urgent-too", "ada", 5));
        assertEquals(List.of("urgent", "urgent-too", "plain", "later"), queueNames(runs));
        assertEquals(Map.of(ids.get(2), 5), lab.store.priorities(List.of(ids.get(2))));

        finishAll(runs, ids);
        assertEquals(List.of("holder", "urgent", "urgent-too", "plain", "later"), started());
    }

    @Test
    void theCapKeepsAUserToItsShareWhileOthersUseTheFreeSlots() throws Exception {
        RunScheduler runs = scheduler(3, 1, 1, false);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) ids.add(submit(runs, "ada-" + i, "ada", 0));
        ids.add(submit(runs, "bob-1", "bob", 0));
        SchedulerFixture.waitFor("ada's first and bob's run to start", () -> startedIds.size() == 2);
        assertEquals(List.of("ada-1", "bob-1"), started());
        assertEquals(List.of("the per-user cap of 1", "the per-user cap of 1"),
                runs.queue().places().stream().map(QueueOrder.Place::waitingFor).toList(), "a CPU slot is free, yet ada waits");

        finishAll(runs, ids);
        assertEquals(1, mostByUser.get("ada").get(), "never two of ada's runs at once");
        assertEquals(4, startedIds.size());
    }

    @Test
    void onAnAcceleratorGpuRunsGoOneAtATimeWithoutHoldingCpuSlots() throws Exception {
        RunScheduler runs = scheduler(3, 1, 0, true);
        List<String> ids = new ArrayList<>();
        ids.add(submit(runs, "ada-1", "ada", 0));
        ids.add(submit(runs, "bob-1", "bob", 0));
        ids.add(submit(runs, "cy-1", "cy", 0));
        SchedulerFixture.waitFor("the first run to start", () -> startedIds.size() == 1);
        RunScheduler.QueueState queue = runs.queue();
        assertEquals(1, queue.executing().size(), "one run on the GPU");
        assertTrue(queue.executing().get(0).gpu());
        assertEquals(List.of("a GPU slot", "a GPU slot"), queue.places().stream().map(QueueOrder.Place::waitingFor).toList());
        assertEquals(List.of("bob-1", "cy-1"), queueNames(runs));

        finishAll(runs, ids);
        int most = mostByUser.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
        assertEquals(1, most);
        assertEquals(List.of("ada-1", "bob-1", "cy-1"), started());
    }

    @Test
    void aServersQueuedRunsResumeAfterARestartInTheSameOrder() throws Exception {
        RunScheduler first = lab.scheduler(new RunScheduler.Settings(lab.processId, SchedulerFixture.HOST, "tester", 1, 1,
                null, null, 0, true), SchedulerFixture.FixedCompute.cpu());
        String running = submit(first, "running", "ada", 0);
        SchedulerFixture.waitFor("the first run to start", () -> startedIds.size() == 1);
        List<String> queued = new ArrayList<>();
        queued.add(submit(first, "ada-2", "ada", 0));
        queued.add(submit(first, "ada-3", "ada", 7));
        queued.add(submit(first, "bob-1", "bob", 0));
        queued.add(submit(first, "cy-1", "cy", 0));
        List<String> before = queueNames(first);
        assertEquals(List.of("bob-1", "cy-1", "ada-3", "ada-2"), before);

        first.shutdown("server stopped", java.time.Duration.ofSeconds(5));
        gate.release(1);      // let the interrupted run's thread return
        // An interrupted acquire returns without the permit; drain it once the thread is gone, or the
        // first resumed run would take it and end at once, letting the next one start early.
        SchedulerFixture.waitFor("the interrupted run's thread to return", () -> executingByUser.get("ada").get() == 0);
        gate.drainPermits();
        RunRecord interrupted = lab.store.find(running).orElseThrow();
        assertEquals(RunStatus.INTERRUPTED, interrupted.status());
        for (String id : queued) assertEquals(RunStatus.QUEUED, lab.record(id).status(), "queued runs wait for the next server");
        lab.store.unregisterProcess(lab.processId);
        assertEquals(List.of(), lab.store.interruptOrphans(SchedulerFixture.HOST, java.time.Duration.ofSeconds(30)),
                "crash recovery leaves a server's queued runs alone");

        String nextProcess = lab.store.registerProcess(SchedulerFixture.HOST, ProcessHandle.current().pid(), "server");
        RunScheduler second = lab.scheduler(new RunScheduler.Settings(nextProcess, SchedulerFixture.HOST, "tester", 1, 1,
                null, null, 0, true), SchedulerFixture.FixedCompute.cpu());
        assertEquals(List.of(queued.get(0), queued.get(1), queued.get(2), queued.get(3)), second.resumeQueue(),
                "taken over in the order they were queued");
        SchedulerFixture.waitFor("the first resumed run to start", () -> startedIds.size() == 2);
        List<String> after = new ArrayList<>(List.of(started().get(1)));
        after.addAll(queueNames(second));
        assertEquals(before, after, "the same order as before the restart");

        finishAll(second, queued);
        assertEquals(before, started().subList(1, 5));
        for (String id : queued) assertEquals(nextProcess, lab.record(id).processId());
    }
}
