package org.physlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.cli.PhyslabCliTest.Outcome;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.LogLine;
import org.physlab.store.MetricPoint;
import org.physlab.store.NewRun;
import org.physlab.store.RunQuery;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.store.RunStore;
import org.physlab.store.StoreConfig;

/**
 * {@code physlab backup} and {@code physlab restore}: a home with runs, metrics, artifacts and logs is
 * backed up, restored into a fresh home and reads back the same; on H2 (the default home database) in
 * both formats, and on PostgreSQL through {@code --db-url} when PHYSLAB_TEST_POSTGRES_URL names one.
 */
class BackupRestoreCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void aHomeBackedUpAndRestoredIntoAFreshHomeHasTheSameRuns() throws Exception {
        Path lab = tmp.resolve("lab");
        Path fresh = tmp.resolve("fresh");
        Path backup = tmp.resolve("backups").resolve("lab.zip");
        Map<String, Object> before = fill(StoreConfig.embedded(lab));

        Outcome backedUp = physlab(Map.of(), "--home", lab.toString(), "backup", backup.toString());
        assertEquals(0, backedUp.exitCode(), backedUp.err());
        assertTrue(backedUp.err().contains("backed up 2 runs to " + backup + " (H2 backup, "), backedUp.err());
        assertEquals("", backedUp.out());

        Outcome restored = physlab(Map.of(), "--home", fresh.toString(), "restore", backup.toString());
        assertEquals(0, restored.exitCode(), restored.err());
        assertTrue(restored.err().contains("restored 2 runs from " + backup), restored.err());
        assertEquals(before, snapshot(StoreConfig.embedded(fresh)));
    }

    @Test
    void anSqlBackupRestoresToo() throws Exception {
        Path lab = tmp.resolve("lab");
        Path script = tmp.resolve("lab.sql");
        Map<String, Object> before = fill(StoreConfig.embedded(lab));

        assertEquals(0, physlab(Map.of(), "--home", lab.toString(), "backup", "--sql", script.toString()).exitCode());
        String text = Files.readString(script);
        assertTrue(text.contains("TABLE \"PUBLIC\".\"RUNS\"") && text.contains("INSERT INTO \"PUBLIC\".\"METRICS\""),
                "H2's SCRIPT output: SQL that creates and fills the tables");
        Outcome restored = physlab(Map.of(), "--home", tmp.resolve("fresh").toString(), "restore", script.toString());
        assertEquals(0, restored.exitCode(), restored.err());
        assertTrue(restored.err().contains("(SQL script, "), restored.err());
        assertEquals(before, snapshot(StoreConfig.embedded(tmp.resolve("fresh"))));
    }

    @Test
    void restoringOverRunsNeedsForceAndABackupNeverOverwritesAFile() throws Exception {
        Path lab = tmp.resolve("lab");
        Path backup = tmp.resolve("lab.zip");
        Map<String, Object> before = fill(StoreConfig.embedded(lab));
        assertEquals(0, physlab(Map.of(), "--home", lab.toString(), "backup", backup.toString()).exitCode());

        Outcome again = physlab(Map.of(), "--home", lab.toString(), "backup", backup.toString());
        assertEquals(ExitCodes.USAGE, again.exitCode());
        assertTrue(again.err().contains("exists already"), again.err());

        Path other = tmp.resolve("other");
        try (RunStore store = RunStore.open(StoreConfig.embedded(other))) {
            store.create(new NewRun("pendulum", "p", "1", Map.of(), 1L, "cpu", "h", "grace", List.of(), ""));
        }
        Outcome refused = physlab(Map.of(), "--home", other.toString(), "restore", backup.toString());
        assertEquals(ExitCodes.FAILED, refused.exitCode());
        assertTrue(refused.err().contains("holds data already") && refused.err().contains("--force"), refused.err());

        Outcome forced = physlab(Map.of(), "--home", other.toString(), "restore", "--force", backup.toString());
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(before, snapshot(StoreConfig.embedded(other)));
    }

    @Test
    void aPostgresDatabaseNamedByDbUrlIsBackedUpWithPgDumpAndRestored() throws Exception {
        String server = System.getenv("PHYSLAB_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(server != null && !server.isBlank(),
                "PostgreSQL is not configured: set PHYSLAB_TEST_POSTGRES_URL, _USER and _PASSWORD (.ci/run does)");
        String user = System.getenv("PHYSLAB_TEST_POSTGRES_USER");
        String password = System.getenv("PHYSLAB_TEST_POSTGRES_PASSWORD");
        String source = createDatabase(server, user, password);
        String target = createDatabase(server, user, password);
        try {
            Map<String, Object> before = fill(new StoreConfig(source, user, password));
            Path dump = tmp.resolve("lab.dump");
            // The password travels in the environment, as PHYSLAB_DB_PASSWORD would in a shell.
            Map<String, String> env = Map.of("PHYSLAB_DB_PASSWORD", password == null ? "" : password);

            Outcome backedUp = physlab(env, "--home", tmp.resolve("a").toString(), "--db-url", source, "--db-user", user,
                    "backup", dump.toString());
            assertEquals(0, backedUp.exitCode(), backedUp.err());
            assertTrue(backedUp.err().contains("(pg_dump custom format, "), backedUp.err());

            Outcome restored = physlab(env, "--home", tmp.resolve("b").toString(), "--db-url", target, "--db-user", user,
                    "restore", dump.toString());
            assertEquals(0, restored.exitCode(), restored.err());
            assertEquals(before, snapshot(new StoreConfig(target, user, password)));
        } finally {
            dropDatabase(server, user, password, source);
            dropDatabase(server, user, password, target);
        }
    }

    private static Outcome physlab(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = PhyslabCli.execute(args, io, new Properties(), environment);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Two runs, one finished with metrics, a data and a file artifact and logs; returns the snapshot. */
    private static Map<String, Object> fill(StoreConfig config) {
        try (RunStore store = RunStore.open(config)) {
            String process = store.registerProcess("lab1", 77, "cli");
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("lr", 0.01);
            params.put("hidden", new int[] {100, 100});
            RunRecord run = store.create(new NewRun("oscillator.response", "physlab.oscillator", "1.0.0", params, 42L,
                    "CPU", "lab1", "ada", List.of("sweep"), "notes"), process);
            store.markRunning(run.id(), process);
            List<MetricPoint> points = new ArrayList<>();
            for (int step = 1; step <= 1200; step++) points.add(new MetricPoint("loss", step, 1.0 / step, 1_000L * step));
            store.appendMetrics(run.id(), points);
            Instant t = Instant.parse("2026-12-07T07:00:00.5Z");
            store.putArtifact(new ArtifactInfo(run.id(), "curve", "line", "Loss", "application/json", null, 0, t),
                    "{\"x\":[1],\"y\":[2]}".getBytes(StandardCharsets.UTF_8));
            byte[] model = new byte[50_000];
            for (int i = 0; i < model.length; i++) model[i] = (byte) (i ^ (i >> 8));
            store.putArtifact(new ArtifactInfo(run.id(), "model", "file", "Network", "application/zip", "model.zip", 0, t), model);
            store.appendLogs(run.id(), List.of(new LogLine(1, t, "INFO", "training"), new LogLine(2, t, "INFO", "done")));
            store.finish(run.id(), RunStatus.SUCCEEDED, null, Map.of("loss", 1.0 / 1200));
            store.create(new NewRun("pendulum", "physlab.mechanics", "2.0.0", Map.of("n", 3L), 1L, "CPU", "lab1", "grace",
                    List.of(), ""));
            store.unregisterProcess(process);
        }
        return snapshot(config);
    }

    /** Everything the store holds about every run, read through its API. */
    private static Map<String, Object> snapshot(StoreConfig config) {
        Map<String, Object> all = new LinkedHashMap<>();
        try (RunStore store = RunStore.open(config)) {
            for (RunRecord run : store.list(RunQuery.all())) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("record", run);
                for (String key : store.metricKeys(run.id())) {
                    one.put("metric " + key, store.metrics(run.id(), key, Long.MIN_VALUE, Integer.MAX_VALUE));
                }
                for (ArtifactInfo artifact : store.artifacts(run.id())) {
                    one.put("artifact " + artifact.name(), artifact);
                    one.put("data " + artifact.name(),
                            HexFormat.of().formatHex(store.artifactData(run.id(), artifact.name()).orElseThrow()));
                }
                one.put("logs", store.logs(run.id(), Long.MIN_VALUE, Integer.MAX_VALUE));
                all.put(run.id(), one);
            }
        }
        assertEquals(2, all.size());
        return all;
    }

    /** A new, empty database on the configured server; its JDBC URL. */
    private static String createDatabase(String server, String user, String password) throws Exception {
        String name = "physlab_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, user, password, "CREATE DATABASE " + name);
        Properties parts = org.postgresql.Driver.parseURL(server, null);
        return "jdbc:postgresql://" + parts.getProperty("PGHOST") + ":" + parts.getProperty("PGPORT") + "/" + name;
    }

    private static void dropDatabase(String server, String user, String password, String url) throws Exception {
        String name = org.postgresql.Driver.parseURL(url, null).getProperty("PGDBNAME");
        execute(server, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
