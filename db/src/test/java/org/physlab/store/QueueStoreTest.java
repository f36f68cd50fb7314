package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

/** The queue as stored (migration V3): priorities, queue order, time limits, and queued runs that outlive their server. */
class QueueStoreTest {
    private static final String HOST = "lab-1";

    private static NewRun queued(String user, int priority, Long limitMillis, boolean resumable) {
        return new NewRun("pendulum.period", "org.physlab.test", "1.0.0", Map.of("n", 1L), 7L, "cpu", HOST, user,
                List.of(), "", priority, limitMillis, resumable);
    }

    @OnEveryBackend
    void theSnapshotHoldsQueuedRunsInQueueOrderRunningRunsAndEachUsersLastStart(Backend backend, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String server = store.registerProcess(HOST, ProcessHandle.current().pid(), "server");
            String first = store.create(queued("ada", 0, null, true), server).id();
            String second = store.create(queued("bob", 5, 30_000L, true), server).id();
            String third = store.create(queued("ada", -2, null, false), server).id();
            String running = store.create(queued("cy", 1, null, true), server).id();
            assertTrue(store.markRunning(running, server));

            QueueSnapshot snapshot = store.queueSnapshot();
            assertEquals(List.of(first, second, third), snapshot.queued().stream().map(QueuedRun::runId).toList());
            QueuedRun bob = snapshot.queued().get(1);
            assertEquals("bob", bob.user());
            assertEquals(5, bob.priority());
            assertEquals(30_000L, bob.timeLimitMillis());
            assertEquals(server, bob.processId());
            assertNull(snapshot.queued().get(0).timeLimitMillis());
            assertTrue(snapshot.queued().get(0).queueOrder() < bob.queueOrder());
            assertTrue(bob.queueOrder() < snapshot.queued().get(2).queueOrder());
            assertEquals(List.of(running), snapshot.running().stream().map(QueueSnapshot.RunningRun::runId).toList());
            assertEquals(1, snapshot.running().get(0).priority());
            assertEquals(Map.of("cy", store.find(running).orElseThrow().startedAt()), snapshot.lastStartByUser());
            assertEquals(bob, store.queuedRun(second).orElseThrow());
            assertTrue(store.queuedRun(running).isEmpty(), "a running run is no longer queued");
            assertEquals(Map.of(second, 5, third, -2), store.priorities(List.of(second, third, "no-such-run")));
        }
    }

    @OnEveryBackend
    void resumableQueuedRunsOfAStoppedServerWaitForTheNextServerInTheirOrder(Backend backend, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            long pid = ProcessHandle.current().pid();
            String oldServer = store.registerProcess(HOST, pid, "server");
            String a = store.create(queued("ada", 0, null, true), oldServer).id();
            String cliRun = store.create(queued("ada", 0, null, false), oldServer).id();
            String b = store.create(queued("bob", 3, 5_000L, true), oldServer).id();
            String running = store.create(queued("bob", 0, null, true), oldServer).id();
            assertTrue(store.markRunning(running, oldServer));
            store.unregisterProcess(oldServer);

            List<RunRecord> interrupted = store.interruptOrphans(HOST, Duration.ofSeconds(30));
            assertEquals(Set.of(cliRun, running), interrupted.stream().map(RunRecord::id).collect(Collectors.toSet()),
                    "the running run and the command-line run end with the server; the resumable queued runs wait");
            assertEquals(RunStatus.QUEUED, store.find(a).orElseThrow().status());
            assertEquals(RunStatus.QUEUED, store.find(b).orElseThrow().status());

            String newServer = store.registerProcess(HOST, pid, "server");
            List<QueuedRun> adopted = store.adoptQueuedRuns(newServer);
            assertEquals(List.of(a, b), adopted.stream().map(QueuedRun::runId).toList());
            assertEquals(newServer, store.find(b).orElseThrow().processId());
            assertEquals(3, adopted.get(1).priority());
            assertEquals(5_000L, adopted.get(1).timeLimitMillis());
            assertEquals(List.of(), store.adoptQueuedRuns(newServer), "a live server's runs are not taken again");
            assertEquals(List.of(), store.interruptOrphans(HOST, Duration.ofSeconds(30)));
            assertThrows(IllegalArgumentException.class, () -> store.adoptQueuedRuns("no-such-process"));
        }
    }
}
