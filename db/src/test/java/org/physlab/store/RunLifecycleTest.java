package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** A run's way from QUEUED to its end, and what is kept about it on the way. */
class RunLifecycleTest {

    @OnEveryBackend
    void aNewRunIsQueuedWithEverythingItWasGiven(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            Instant before = Instant.now().minusSeconds(1);
            RunRecord run = store.create(Runs.oscillator("baseline", "adam"));

            assertTrue(RunIds.FORMAT.matcher(run.id()).matches(), run.id());
            assertEquals(RunStatus.QUEUED, run.status());
            assertEquals("oscillator", run.experimentId());
            assertEquals("org.physlab.mechanics", run.pluginId());
            assertEquals("1.2.0", run.pluginVersion());
            assertEquals(42L, run.seed());
            assertEquals("cpu", run.backend());
            assertEquals("lab-1", run.host());
            assertEquals("ada", run.user());
            assertEquals(List.of("baseline", "adam"), run.tags());
            assertEquals("", run.notes());
            assertTrue(run.createdAt().isAfter(before), run.createdAt() + " is now");
            assertNull(run.startedAt());
            assertNull(run.endedAt());
            assertNull(run.error());
            assertNull(run.processId());
            assertEquals(0.0, run.progress());
            assertEquals(Map.of(), run.summary());
            assertEquals(0.0, run.durationSeconds());
        }
    }

    @OnEveryBackend
    void parametersReadBackAsJsonValuesInTheirOrder(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            Map<String, Object> parameters = store.create(Runs.oscillator()).parameters();

            assertEquals(List.of("epochs", "learningRate", "hidden", "activation", "useBias"),
                    List.copyOf(parameters.keySet()));
            assertEquals(200L, parameters.get("epochs"));
            assertEquals(0.001, parameters.get("learningRate"));
            assertEquals(List.of(64L, 64L), parameters.get("hidden"), "int[] reads back as a list of Long");
            assertEquals("tanh", parameters.get("activation"));
            assertEquals(true, parameters.get("useBias"));
        }
    }

    @OnEveryBackend
    void aRunIdTakenAlreadyIsDrawnAgain(Backend backend, @TempDir Path dir) throws Exception {
        Iterator<String> ids = List.of("20261123-145501-3fa9", "20261123-145501-3fa9", "20261123-145501-77b0").iterator();
        try (TestDatabase db = backend.create(dir); RunStore store = JdbcRunStore.open(db.config(), ids::next)) {
            assertEquals("20261123-145501-3fa9", store.create(Runs.oscillator()).id());
            assertEquals("20261123-145501-77b0", store.create(Runs.oscillator()).id());
            assertEquals(2, store.count(RunQuery.all()));
        }
    }

    @OnEveryBackend
    void creatingGivesUpWhenNoFreeIdIsFound(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir);
             RunStore store = JdbcRunStore.open(db.config(), () -> "20261123-145501-3fa9")) {
            store.create(Runs.oscillator());
            StoreException e = assertThrows(StoreException.class, () -> store.create(Runs.oscillator()));
            assertTrue(e.getMessage().contains("no free run id after 10 attempts"), e.getMessage());
            assertEquals(1, store.count(RunQuery.all()));
        }
    }

    @OnEveryBackend
    void aQueuedRunStartsOnce(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String process = store.registerProcess("lab-1", ProcessHandle.current().pid(), "server");
            String other = store.registerProcess("lab-2", 4242, "cli");
            RunRecord run = store.create(Runs.oscillator());

            assertTrue(store.markRunning(run.id(), process));
            assertFalse(store.markRunning(run.id(), other), "a running run cannot start again");

            RunRecord running = store.find(run.id()).orElseThrow();
            assertEquals(RunStatus.RUNNING, running.status());
            assertEquals(process, running.processId());
            assertNotNull(running.startedAt());
            assertFalse(running.startedAt().isBefore(running.createdAt()));
        }
    }

    @OnEveryBackend
    void startingNeedsAKnownRunAndARegisteredProcess(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String process = store.registerProcess("lab-1", ProcessHandle.current().pid(), "server");
            RunRecord run = store.create(Runs.oscillator());

            IllegalArgumentException noProcess = assertThrows(IllegalArgumentException.class,
                    () -> store.markRunning(run.id(), "no-such-process"));
            assertTrue(noProcess.getMessage().contains("no-such-process"), noProcess.getMessage());
            IllegalArgumentException noRun = assertThrows(IllegalArgumentException.class,
                    () -> store.markRunning("20000101-000000-0000", process));
            assertTrue(noRun.getMessage().contains("20000101-000000-0000"), noRun.getMessage());
            assertEquals(RunStatus.QUEUED, store.find(run.id()).orElseThrow().status());
        }
    }

    @OnEveryBackend
    void progressIsKeptUntilTheRunEnds(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String process = store.registerProcess("lab-1", ProcessHandle.current().pid(), "server");
            RunRecord run = store.create(Runs.oscillator());
            store.markRunning(run.id(), process);

            for (int batch = 1; batch <= 100; batch++) {
                store.updateProgress(run.id(), batch / 200.0, "batch " + batch + "/200");
            }
            RunRecord halfway = store.find(run.id()).orElseThrow();
            assertEquals(0.5, halfway.progress());
            assertEquals("batch 100/200", halfway.progressMessage());

            store.updateProgress(run.id(), 0.75, "batch 150/200");
            store.finish(run.id(), RunStatus.CANCELLED, "cancelled by ada", Map.of());
            store.updateProgress(run.id(), 0.8, "batch 160/200"); // too late: the run has ended
            RunRecord ended = store.find(run.id()).orElseThrow();
            assertEquals(0.75, ended.progress(), "the last report before the end is kept");
            assertEquals("batch 150/200", ended.progressMessage());
        }
    }

    @OnEveryBackend
    void progressReachesOtherReadersWithoutAnyRead(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore executor = db.open(); RunStore viewer = db.open()) {
            RunRecord run = executor.create(Runs.oscillator());
            executor.updateProgress(run.id(), 0.25, "epoch 50/200");

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (viewer.find(run.id()).orElseThrow().progress() != 0.25 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("epoch 50/200", viewer.find(run.id()).orElseThrow().progressMessage());
        }
    }

    @OnEveryBackend
    void progressOutsideZeroToOneIsRejected(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            assertThrows(IllegalArgumentException.class, () -> store.updateProgress(id, 1.5, "too far"));
            assertThrows(IllegalArgumentException.class, () -> store.updateProgress(id, Double.NaN, "lost"));
        }
    }

    @OnEveryBackend
    void aRunFinishesOnlyOnce(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String process = store.registerProcess("lab-1", ProcessHandle.current().pid(), "server");
            RunRecord run = store.create(Runs.oscillator());
            store.markRunning(run.id(), process);
            Map<String, Double> summary = new LinkedHashMap<>();
            summary.put("validationMse", 0.07);
            summary.put("finalLoss", 0.05);
            summary.put("energyDrift", 1e-4);
            summary.put("accuracy", 0.98);

            assertTrue(store.finish(run.id(), RunStatus.SUCCEEDED, null, summary));
            assertFalse(store.finish(run.id(), RunStatus.FAILED, "a second end", Map.of("finalLoss", 9.0)));

            RunRecord ended = store.find(run.id()).orElseThrow();
            assertEquals(RunStatus.SUCCEEDED, ended.status());
            assertNull(ended.error());
            assertEquals(summary, ended.summary());
            assertEquals(List.copyOf(summary.keySet()), List.copyOf(ended.summary().keySet()), "summary order is kept");
            assertNotNull(ended.endedAt());
            assertTrue(ended.durationSeconds() >= 0);
        }
    }

    @OnEveryBackend
    void aFailedRunKeepsItsWholeError(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            RunRecord run = store.create(Runs.oscillator());
            StringBuilder trace = new StringBuilder("java.lang.IllegalStateException: loss diverged\n");
            while (trace.length() < 200_000) {
                trace.append("\tat org.physlab.mechanics.Oscillator.train(Oscillator.java:").append(trace.length()).append(")\n");
            }

            assertTrue(store.finish(run.id(), RunStatus.FAILED, trace.toString(), null));

            RunRecord failed = store.find(run.id()).orElseThrow();
            assertEquals(RunStatus.FAILED, failed.status());
            assertEquals(trace.toString(), failed.error());
            assertEquals(Map.of(), failed.summary());
        }
    }

    @OnEveryBackend
    void finishingNeedsATerminalStatusAFiniteSummaryAndAKnownRun(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            assertThrows(IllegalArgumentException.class, () -> store.finish(id, RunStatus.RUNNING, null, Map.of()));
            IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                    () -> store.finish(id, RunStatus.SUCCEEDED, null, Map.of("loss", Double.NaN)));
            assertTrue(nan.getMessage().contains("loss"), nan.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> store.finish("20000101-000000-0000", RunStatus.FAILED, "x", Map.of()));
            assertEquals(RunStatus.QUEUED, store.find(id).orElseThrow().status());
        }
    }

    @OnEveryBackend
    void aRunIsFoundByItsIdOrAUniquePrefix(Backend backend, @TempDir Path dir) throws Exception {
        Iterator<String> ids = List.of("20261123-145501-3fa9", "20261123-145501-3fb0", "20261124-090000-0001").iterator();
        try (TestDatabase db = backend.create(dir); RunStore store = JdbcRunStore.open(db.config(), ids::next)) {
            store.create(Runs.oscillator());
            store.create(Runs.oscillator());
            store.create(Runs.oscillator());

            assertEquals("20261123-145501-3fa9", store.find("20261123-145501-3fa9").orElseThrow().id());
            assertEquals("20261123-145501-3fa9", store.find("20261123-145501-3fa").orElseThrow().id());
            assertEquals("20261124-090000-0001", store.find("20261124").orElseThrow().id());
            assertEquals("20261124-090000-0001", store.find(" 20261124 ").orElseThrow().id(), "spaces are ignored");
            assertTrue(store.find("20261125").isEmpty());
            assertTrue(store.find("2026112_").isEmpty(), "'_' is a character, not a wildcard");
            assertTrue(store.find("%").isEmpty(), "'%' is a character, not a wildcard");

            AmbiguousRunIdException ambiguous = assertThrows(AmbiguousRunIdException.class,
                    () -> store.find("20261123-145501-3f"));
            assertEquals(List.of("20261123-145501-3fa9", "20261123-145501-3fb0"), ambiguous.matches());
            assertTrue(ambiguous.getMessage().contains("20261123-145501-3fa9, 20261123-145501-3fb0"),
                    ambiguous.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.find(" "));
        }
    }

    @OnEveryBackend
    void runsAreListedNewestFirstAndFilteredAndCounted(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                RunRecord run = store.create(Runs.ofExperiment(i % 2 == 0 ? "oscillator" : "pendulum",
                        i < 3 ? "ada" : "emmy"));
                created.add(0, run.id()); // newest first
            }
            store.setTags(created.get(0), List.of("keep"));
            store.setTags(created.get(3), List.of("keep", "paper"));
            store.finish(created.get(1), RunStatus.FAILED, "boom", Map.of());

            assertEquals(created, ids(store.list(RunQuery.all())));
            assertEquals(created.subList(2, 5), ids(store.list(RunQuery.all().page(2, 3))));
            assertEquals(List.of(), store.list(RunQuery.all().page(7, 10)));
            assertEquals(List.of(), store.list(RunQuery.all().page(0, 0)));

            RunQuery oscillators = RunQuery.all().withExperiment("oscillator");
            assertEquals(4, store.count(oscillators));
            assertTrue(store.list(oscillators).stream().allMatch(r -> r.experimentId().equals("oscillator")));
            assertEquals(List.of(created.get(0), created.get(3)), ids(store.list(RunQuery.all().withTag("keep"))));
            assertEquals(List.of(created.get(3)), ids(store.list(RunQuery.all().withTag("paper"))));
            assertEquals(List.of("keep", "paper"), store.list(RunQuery.all().withTag("paper")).get(0).tags());
            assertEquals(List.of(created.get(1)), ids(store.list(RunQuery.all().withStatus(RunStatus.FAILED))));
            assertEquals(6, store.count(RunQuery.all().withStatus(RunStatus.QUEUED)));
            assertEquals(3, store.count(new RunQuery(null, null, null, "ada", 0, 1000)));
            assertEquals(created.subList(4, 7), ids(store.list(new RunQuery(null, null, null, "ada", 0, 1000))));
            assertEquals(0, store.count(RunQuery.all().withExperiment("oscillator").withTag("paper")
                    .withStatus(RunStatus.FAILED)));
            assertEquals(7, store.count(RunQuery.all().page(5, 1)), "count ignores the page");
            assertThrows(IllegalArgumentException.class, () -> store.list(RunQuery.all().page(-1, 10)));
        }
    }

    @OnEveryBackend
    void tagsAreReplacedInTheirOrderWithoutDuplicates(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator("draft")).id();

            store.setTags(id, List.of("paper", "best", "paper", "figure-3"));
            assertEquals(List.of("paper", "best", "figure-3"), store.find(id).orElseThrow().tags());
            store.setTags(id, List.of());
            assertEquals(List.of(), store.find(id).orElseThrow().tags());

            assertThrows(IllegalArgumentException.class, () -> store.setTags(id, List.of("ok", " ")));
            assertThrows(IllegalArgumentException.class, () -> store.setTags("20000101-000000-0000", List.of("x")));
            assertThrows(IllegalArgumentException.class, () -> store.create(Runs.oscillator("")));
        }
    }

    @OnEveryBackend
    void notesCanBeWrittenAtAnyTime(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            String id = store.create(Runs.oscillator()).id();
            store.finish(id, RunStatus.SUCCEEDED, null, Map.of("loss", 0.1));

            store.setNotes(id, "Converges with lr=1e-3; see figure 3.\nTry tanh next.");
            assertEquals("Converges with lr=1e-3; see figure 3.\nTry tanh next.", store.find(id).orElseThrow().notes());
            store.setNotes(id, null);
            assertEquals("", store.find(id).orElseThrow().notes());
            assertThrows(IllegalArgumentException.class, () -> store.setNotes("20000101-000000-0000", "x"));
        }
    }

    @OnEveryBackend
    void aRunNeedsItsExperimentAndPlugin(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            NewRun noExperiment = new NewRun(" ", "org.physlab.mechanics", "1.0.0", Map.of(), 1, "cpu", "h", "u",
                    List.of(), "");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.create(noExperiment));
            assertTrue(e.getMessage().contains("experimentId"), e.getMessage());
            assertEquals(0, store.count(RunQuery.all()));
        }
    }

    private static List<String> ids(List<RunRecord> runs) {
        return runs.stream().map(RunRecord::id).toList();
    }
}
