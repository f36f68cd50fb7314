package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backups: a store with runs, metrics, artifacts and logs is backed up, restored into an empty
 * database and reads back the same, in the native format of each database and as SQL text; restores
 * refuse to overwrite data or a database in use.
 */
class StoreBackupTest {

    private static final Duration STALE = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0}, sql={1}")
    @CsvSource({"EMBEDDED, false", "EMBEDDED, true", "TCP_SERVER, true", "POSTGRESQL, false", "POSTGRESQL, true"})
    void aRestoredBackupHoldsTheSameRunsMetricsArtifactsAndLogs(Backend backend, boolean sql, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("backups").resolve(sql ? "physlab.sql" : "physlab.backup");
        Map<String, Object> before;
        StoreBackup.Result written;
        try (TestDatabase source = backend.createDatabase(dir.resolve("source"))) {
            try (RunStore store = source.open()) {
                fill(store);
                before = snapshot(store);
            }
            written = StoreBackup.backup(source.config(), file, sql);
        }
        assertEquals(2, written.runs());
        assertTrue(written.bytes() > 0 && written.bytes() == Files.size(file));
        assertEquals(StoreBackup.formatOf(file), written.format());

        try (TestDatabase target = backend.createDatabase(dir.resolve("target"))) {
            StoreBackup.Result restored = StoreBackup.restore(target.config(), file, false, STALE);
            assertEquals(2, restored.runs());
            try (RunStore store = target.open()) {
                assertEquals(before, snapshot(store));
            }
        }
    }

    @OnEveryBackend
    void aRestoreRefusesADatabaseThatHoldsRunsUnlessForced(Backend backend, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("one-run.sql");
        try (TestDatabase source = backend.createDatabase(dir.resolve("source"))) {
            try (RunStore store = source.open()) {
                store.create(Runs.oscillator("from-the-backup"));
            }
            StoreBackup.backup(source.config(), file, true);
        }
        try (TestDatabase target = backend.createDatabase(dir.resolve("target"))) {
            String kept;
            try (RunStore store = target.open()) {
                kept = store.create(Runs.oscillator("already-there")).id();
            }

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> StoreBackup.restore(target.config(), file, false, STALE));
            assertTrue(refused.getMessage().contains("holds data already") && refused.getMessage().contains("--force"),
                    refused.getMessage());
            try (RunStore store = target.open()) {
                assertTrue(store.find(kept).isPresent(), "a refused restore changes nothing");
            }

            assertEquals(1, StoreBackup.restore(target.config(), file, true, STALE).runs());
            try (RunStore store = target.open()) {
                assertFalse(store.find(kept).isPresent(), "forced: the old runs are replaced");
                assertEquals(List.of("from-the-backup"), store.list(RunQuery.all()).get(0).tags());
            }
        }
    }

    @OnEveryBackend
    void aRestoreRefusesADatabaseALiveProcessHolds(Backend backend, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.sql");
        try (TestDatabase source = backend.createDatabase(dir.resolve("source"))) {
            source.open().close();
            StoreBackup.backup(source.config(), file, true);
        }
        try (TestDatabase target = backend.createDatabase(dir.resolve("target")); RunStore server = target.open()) {
            server.registerProcess("lab-1", 4242, "server");

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> StoreBackup.restore(target.config(), file, false, STALE));
            assertTrue(refused.getMessage().contains("in use by a Physlab server on lab-1 (pid 4242)"), refused.getMessage());
        }
    }

    @Test
    void anH2BackupZipIsNotRestoredOverADatabaseFileInUse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("physlab.zip");
        try (RunStore store = RunStore.open(StoreConfig.embedded(dir.resolve("a")))) {
            store.create(Runs.oscillator());
        }
        StoreBackup.backup(StoreConfig.embedded(dir.resolve("a")), file, false);
        StoreConfig busy = StoreConfig.embedded(dir.resolve("b"));
        try (RunStore running = RunStore.open(busy)) {
            String id = running.create(Runs.oscillator("live")).id();

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> StoreBackup.restore(busy, file, true, STALE));
            assertTrue(refused.getMessage().contains("is in use"), refused.getMessage());
            assertTrue(running.find(id).isPresent(), "the live database is untouched");
        }
    }

    @Test
    void backupsNeverOverwriteAFileAndNeedAStore(@TempDir Path dir) throws Exception {
        StoreConfig config = StoreConfig.embedded(dir.resolve("home"));
        Path existing = Files.writeString(dir.resolve("taken.zip"), "precious");
        try (RunStore store = RunStore.open(config)) {
            store.create(Runs.oscillator());
        }
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> StoreBackup.backup(config, existing, false));
        assertTrue(taken.getMessage().contains("exists already"), taken.getMessage());
        assertEquals("precious", Files.readString(existing, StandardCharsets.UTF_8));

        StoreConfig empty = new StoreConfig("jdbc:h2:file:" + dir.resolve("nothing").resolve("db"), "sa", "");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> StoreBackup.backup(empty, dir.resolve("x.zip"), false));
        assertTrue(none.getMessage().contains("there is no run store"), none.getMessage());
    }

    @Test
    void aBackupIsRestoredOnlyIntoItsKindOfDatabase(@TempDir Path dir) throws Exception {
        Path dump = Files.write(dir.resolve("pg.dump"), "PGDMP\u0001\u000e".getBytes(StandardCharsets.ISO_8859_1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoreBackup.restore(StoreConfig.embedded(dir.resolve("home")), dump, false, STALE));
        assertTrue(e.getMessage().contains("PostgreSQL dump"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> StoreBackup.restore(StoreConfig.embedded(dir.resolve("home")), dir.resolve("missing"), false, STALE));
    }

    @Test
    void h2DatabaseFilesAreFoundInFileUrlsOnly() {
        assertEquals(Path.of("/data/db/physlab"), StoreBackup.h2DatabaseFile("jdbc:h2:file:/data/db/physlab;AUTO_SERVER=TRUE"));
        assertEquals(Path.of("/data/db/physlab"), StoreBackup.h2DatabaseFile("jdbc:h2:/data/db/physlab"));
        assertEquals(null, StoreBackup.h2DatabaseFile("jdbc:h2:tcp://127.0.0.1:9092/physlab"));
        assertEquals(null, StoreBackup.h2DatabaseFile("jdbc:h2:mem:test"));
    }

    /** Two runs: one finished with two metric series, a data artifact, a file artifact and logs; one queued. */
    private static void fill(RunStore store) {
        String process = store.registerProcess("lab-1", 1234, "cli");
        String done = store.create(Runs.oscillator("baseline", "paper"), process).id();
        store.markRunning(done, process);
        List<MetricPoint> points = new ArrayList<>();
        for (int step = 1; step <= 700; step++) {
            points.add(new MetricPoint("loss", step, 1.0 / step, 1_700_000_000_000L + step));
            points.add(new MetricPoint("accuracy", step, 1 - 1.0 / (step + 1), 1_700_000_000_000L + step));
        }
        store.appendMetrics(done, points);
        Instant t = Instant.parse("2026-12-07T08:00:00.123456Z");
        store.putArtifact(new ArtifactInfo(done, "response", "line", "Response curve", "application/json", null, 0, t),
                "{\"x\":[1,2],\"y\":[0.5,0.25]}".getBytes(StandardCharsets.UTF_8));
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 + 7);
        }
        store.putArtifact(new ArtifactInfo(done, "weights", "file", "Weights", "application/octet-stream", "w.bin", 0, t),
                binary);
        store.appendLogs(done, List.of(new LogLine(1, t, "INFO", "epoch 1"), new LogLine(2, t.plusMillis(5), "WARN",
                "learning rate 'high' — \"ünïcode\"")));
        store.setNotes(done, "first try");
        store.finish(done, RunStatus.FAILED, "diverged at step 700\n".repeat(200), Map.of("loss", 1.0 / 700));
        store.create(Runs.ofExperiment("pendulum", "grace"));
    }

    /** Everything the store holds about every run, through its API. */
    private static Map<String, Object> snapshot(RunStore store) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (RunRecord run : store.list(RunQuery.all())) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("record", run);
            for (String key : store.metricKeys(run.id())) {
                one.put("metric " + key, store.metrics(run.id(), key, Long.MIN_VALUE, Integer.MAX_VALUE));
            }
            one.put("stats", store.metricStats(run.id()));
            for (ArtifactInfo artifact : store.artifacts(run.id())) {
                one.put("artifact " + artifact.name(), artifact);
                one.put("data " + artifact.name(), HexFormat.of().formatHex(store.artifactData(run.id(), artifact.name()).orElseThrow()));
            }
            one.put("logs", store.logs(run.id(), Long.MIN_VALUE, Integer.MAX_VALUE));
            all.put(run.id(), one);
        }
        return all;
    }
}
