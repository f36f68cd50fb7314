package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

/** Crash recovery: runs whose process is gone become INTERRUPTED; runs of live processes are left alone. */
class OrphanRecoveryTest {

    private static final String THIS_HOST = "lab-1";
    private static final String OTHER_HOST = "lab-2";
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    @OnEveryBackend
    void onlyTheRunsOfGoneProcessesAreInterrupted(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            long myPid = ProcessHandle.current().pid();
            String alive = store.registerProcess(THIS_HOST, myPid, "server");
            String aliveElsewhere = store.registerProcess(OTHER_HOST, 4711, "server");
            String dead = store.registerProcess(THIS_HOST, exitedProcessPid(), "cli");
            String silentElsewhere = store.registerProcess(OTHER_HOST, 4712, "cli");
            String hungHere = store.registerProcess(THIS_HOST, myPid, "cli"); // pid alive, but no heartbeats
            backdateHeartbeat(db, silentElsewhere, Duration.ofMinutes(10));
            backdateHeartbeat(db, hungHere, Duration.ofMinutes(10));

            String runOfAlive = running(store, alive);
            String queuedOfAlive = store.create(Runs.oscillator(), alive).id();
            backdateCreation(db, queuedOfAlive, Duration.ofHours(1)); // a long wait in the queue is fine
            String runElsewhere = running(store, aliveElsewhere);
            String runOfDead = running(store, dead);
            String queuedOfDead = store.create(Runs.oscillator(), dead).id();
            String finishedOfDead = running(store, dead);
            store.finish(finishedOfDead, RunStatus.SUCCEEDED, null, Map.of("loss", 0.1));
            String runOfSilent = running(store, silentElsewhere);
            String runOfHung = running(store, hungHere);
            String unregistered = store.registerProcess(THIS_HOST, myPid, "cli");
            String runOfUnregistered = running(store, unregistered);
            store.unregisterProcess(unregistered);
            String unownedOld = store.create(Runs.oscillator()).id();
            backdateCreation(db, unownedOld, Duration.ofMinutes(5));
            String unownedNew = store.create(Runs.oscillator()).id();

            List<RunRecord> marked = store.interruptOrphans(THIS_HOST, STALE_AFTER);

            Map<String, RunRecord> byId = marked.stream().collect(Collectors.toMap(RunRecord::id, r -> r));
            assertEquals(Set.of(runOfDead, queuedOfDead, runOfSilent, runOfHung, runOfUnregistered, unownedOld),
                    byId.keySet());
            for (RunRecord run : marked) {
                assertEquals(RunStatus.INTERRUPTED, run.status());
                assertNotNull(run.endedAt());
                assertEquals(run, store.find(run.id()).orElseThrow(), "what was returned is what is stored");
            }
            assertTrue(byId.get(runOfDead).error().matches("cli process \\d+ on host lab-1 is gone \\(pid \\d+ is no "
                    + "longer running; last heartbeat .*\\)"), byId.get(runOfDead).error());
            assertTrue(byId.get(runOfSilent).error().startsWith("cli process 4712 on host lab-2 is gone (no heartbeat since "),
                    byId.get(runOfSilent).error());
            assertTrue(byId.get(runOfSilent).error().contains("more than 30 s before"), byId.get(runOfSilent).error());
            assertTrue(byId.get(runOfHung).error().contains("no heartbeat since"), byId.get(runOfHung).error());
            assertEquals("process " + unregistered + " is gone (it is no longer registered)",
                    byId.get(runOfUnregistered).error());
            assertEquals("no process took this queued run within 30000 ms of its creation", byId.get(unownedOld).error());

            for (String untouched : List.of(runOfAlive, runElsewhere)) {
                assertEquals(RunStatus.RUNNING, store.find(untouched).orElseThrow().status());
            }
            assertEquals(RunStatus.QUEUED, store.find(queuedOfAlive).orElseThrow().status());
            assertEquals(RunStatus.QUEUED, store.find(unownedNew).orElseThrow().status());
            assertEquals(RunStatus.SUCCEEDED, store.find(finishedOfDead).orElseThrow().status());

            assertDoesNotThrow(() -> store.heartbeat(alive));
            assertDoesNotThrow(() -> store.heartbeat(aliveElsewhere));
            for (String gone : List.of(dead, silentElsewhere, hungHere)) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.heartbeat(gone));
                assertTrue(e.getMessage().contains("not registered"), e.getMessage());
            }
            assertEquals(List.of(), store.interruptOrphans(THIS_HOST, STALE_AFTER), "nothing is left to recover");
        }
    }

    @OnEveryBackend
    void aHeartbeatKeepsAProcessAlive(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String remote = store.registerProcess(OTHER_HOST, 4711, "cli");
            String run = running(store, remote);
            backdateHeartbeat(db, remote, Duration.ofMinutes(10));

            store.heartbeat(remote);

            assertEquals(List.of(), store.interruptOrphans(THIS_HOST, STALE_AFTER));
            assertEquals(RunStatus.RUNNING, store.find(run).orElseThrow().status());
        }
    }

    @OnEveryBackend
    void theRunOfAProcessThatCrashedIsRecoveredByAnother(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore server = db.open()) {
            // The server holds the database open, so the crashing CLI reaches an embedded file through
            // the server's AUTO_SERVER port (mixed mode), or the TCP server like any client.
            String serverProcess = server.registerProcess(THIS_HOST, ProcessHandle.current().pid(), "server");
            StoreConfig config = db.config();
            Process cli = new ProcessBuilder(javaExecutable(), "-Dh2.bindAddress=127.0.0.1",
                    "-cp", System.getProperty("java.class.path"), CrashingRunner.class.getName(),
                    config.jdbcUrl(), config.user(), config.password(), THIS_HOST)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String runId;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
                runId = out.readLine();
            }
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "the CLI process ends");
            assertEquals(3, cli.exitValue(), "the CLI process halted mid-run");
            assertNotNull(runId, "the CLI process printed its run id");

            RunRecord left = server.find(runId).orElseThrow();
            assertEquals(RunStatus.RUNNING, left.status(), "the CLI's writes are visible to the server");
            assertNotEquals(serverProcess, left.processId());
            assertEquals(List.of("crash"), left.tags());
            assertEquals(1, server.metricStats(runId).get("loss").count());

            List<RunRecord> marked = server.interruptOrphans(THIS_HOST, STALE_AFTER);

            assertEquals(List.of(runId), marked.stream().map(RunRecord::id).toList());
            assertTrue(marked.get(0).error().contains("pid " + cli.pid() + " is no longer running"), marked.get(0).error());
            assertFalse(server.finish(runId, RunStatus.SUCCEEDED, null, Map.of()), "an interrupted run stays interrupted");
            assertDoesNotThrow(() -> server.heartbeat(serverProcess));
        }
    }

    @OnEveryBackend
    void recoveryNeedsAHostAndAStalenessLimit(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            assertThrows(IllegalArgumentException.class, () -> store.interruptOrphans(" ", STALE_AFTER));
            assertThrows(IllegalArgumentException.class, () -> store.interruptOrphans(THIS_HOST, Duration.ofSeconds(-1)));
            assertThrows(IllegalArgumentException.class, () -> store.interruptOrphans(THIS_HOST, null));
            assertThrows(IllegalArgumentException.class, () -> store.registerProcess(THIS_HOST, 0, "cli"));
        }
    }

    private static String running(RunStore store, String processId) {
        String id = store.create(Runs.oscillator()).id();
        assertTrue(store.markRunning(id, processId));
        return id;
    }

    private static void backdateHeartbeat(TestDatabase db, String processId, Duration ago) throws Exception {
        assertEquals(1, db.update("UPDATE processes SET heartbeat_at = ? WHERE id = ?",
                OffsetDateTime.now().minus(ago), processId));
    }

    private static void backdateCreation(TestDatabase db, String runId, Duration ago) throws Exception {
        assertEquals(1, db.update("UPDATE runs SET created_at = ? WHERE id = ?", OffsetDateTime.now().minus(ago), runId));
    }

    /** The pid of a process that ran on this machine and has exited. */
    private static long exitedProcessPid() throws Exception {
        Process process = new ProcessBuilder(javaExecutable(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertFalse(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false));
        return process.pid();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
