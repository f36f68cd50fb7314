package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a store: migrations, re-opening, closing, and several stores on one database. */
class StoreOpeningTest {

    private static final List<String> TABLES = List.of("PROCESSES", "RUNS", "RUN_TAGS", "METRICS", "ARTIFACTS", "RUN_LOGS");

    @OnEveryBackend
    void migrationsCreateTheSchemaInAnEmptyDatabase(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore store = db.open()) {
            for (String table : TABLES) {
                assertEquals(1L, ((Number) db.queryValue("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE UPPER(TABLE_NAME) = ? AND UPPER(TABLE_SCHEMA) = UPPER(CURRENT_SCHEMA)", table)).longValue(), table + " exists");
            }
            assertEquals(1L, ((Number) db.queryValue(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\"")).longValue());
            assertEquals(0, store.count(RunQuery.all()));
        }
    }

    @OnEveryBackend
    void reopeningAnExistingDatabaseKeepsItsRunsAndMigratesNothing(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir)) {
            String id;
            try (RunStore store = db.open()) {
                id = store.create(Runs.oscillator("baseline")).id();
            }
            Object historyBefore = db.queryValue("SELECT COUNT(*) FROM \"flyway_schema_history\"");
            Object installedBefore = db.queryValue("SELECT MAX(\"installed_on\") FROM \"flyway_schema_history\"");

            try (RunStore store = db.open()) {
                assertEquals(List.of("baseline"), store.find(id).orElseThrow().tags());
            }
            assertEquals(historyBefore, db.queryValue("SELECT COUNT(*) FROM \"flyway_schema_history\""));
            assertEquals(installedBefore, db.queryValue("SELECT MAX(\"installed_on\") FROM \"flyway_schema_history\""));
        }
    }

    @OnEveryBackend
    void twoStoresOnOneDatabaseSeeEachOthersWrites(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir); RunStore server = db.open(); RunStore cli = db.open()) {
            RunRecord queuedByCli = cli.create(Runs.oscillator());
            String serverProcess = server.registerProcess("lab-1", ProcessHandle.current().pid(), "server");

            assertTrue(server.markRunning(queuedByCli.id(), serverProcess));
            server.appendMetrics(queuedByCli.id(), List.of(new MetricPoint("loss", 1, 0.5, 1000)));
            assertTrue(server.finish(queuedByCli.id(), RunStatus.SUCCEEDED, null, Map.of("loss", 0.5)));

            RunRecord seenByCli = cli.find(queuedByCli.id()).orElseThrow();
            assertEquals(RunStatus.SUCCEEDED, seenByCli.status());
            assertEquals(serverProcess, seenByCli.processId());
            assertEquals(1, cli.metricStats(queuedByCli.id()).get("loss").count());
            assertFalse(cli.finish(queuedByCli.id(), RunStatus.FAILED, "too late", Map.of()));
        }
    }

    @OnEveryBackend
    void aDatabaseWhoseSchemaDoesNotMatchItsMigrationsIsRefused(Backend backend, @TempDir Path dir) throws Exception {
        try (TestDatabase db = backend.create(dir)) {
            db.open().close();
            db.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");

            StoreException e = assertThrows(StoreException.class, db::open);

            assertTrue(e.getMessage().startsWith("migrating the run store at " + db.config().jdbcUrl() + " failed: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("checksum mismatch for migration version 1"), e.getMessage());
        }
    }

    @Test
    void closingAnEmbeddedStoreClosesTheDatabaseFile(@TempDir Path home) {
        Path lockFile = home.resolve("db").resolve("physlab.lock.db");
        RunStore store = RunStore.open(StoreConfig.embedded(home));
        store.create(Runs.oscillator());
        assertTrue(Files.exists(lockFile), "an open embedded database holds its lock file");

        store.close();

        assertFalse(Files.exists(lockFile), "a cleanly closed database removes its lock file");
        assertTrue(Files.exists(home.resolve("db").resolve("physlab.mv.db")));
        store.close(); // a second close does nothing
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> store.count(RunQuery.all()));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertThrows(IllegalStateException.class, () -> store.updateProgress("20261123-145501-3fa9", 0.5, "late"));
    }

    @Test
    void openingAnUnreachableDatabaseSaysWhichAndWhy() {
        StoreConfig nowhere = new StoreConfig("jdbc:h2:tcp://127.0.0.1:1/physlab", "sa", "");
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(nowhere));
        assertTrue(e.getMessage().startsWith("opening the run store at jdbc:h2:tcp://127.0.0.1:1/physlab failed: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("SQL state"), e.getMessage());
    }

    @Test
    void openingWithoutAUrlIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RunStore.open(new StoreConfig(" ", "sa", "")));
    }
}
