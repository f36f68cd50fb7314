package org.physlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.cli.PhyslabCliTest.Outcome;
import org.physlab.server.json.Json;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.LogLine;
import org.physlab.store.MetricPoint;
import org.physlab.store.NewRun;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.store.RunStore;
import org.physlab.store.StoreConfig;

/**
 * {@code runs}, {@code show}, {@code compare} and {@code export} against a real run store, filled
 * directly through the store (these commands need no plugins and no ND4J).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryCommandsTest {
    @TempDir
    static Path home;
    String fast;
    String slow;
    String broken;

    @BeforeAll
    void recordRuns() {
        try (RunStore store = RunStore.open(StoreConfig.embedded(home))) {
            String process = store.registerProcess("lab1", ProcessHandle.current().pid(), "cli");
            fast = record(store, process, 0.01, 42, List.of("sweep"), RunStatus.SUCCEEDED, null);
            slow = record(store, process, 0.001, 42, List.of("sweep", "slow"), RunStatus.SUCCEEDED, null);
            broken = record(store, process, 10.0, 7, List.of(), RunStatus.FAILED, "metric 'loss' became NaN at step 3");
            store.unregisterProcess(process);
        }
    }

    private static String record(RunStore store, String process, double lr, long seed, List<String> tags,
                                 RunStatus status, String error) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", lr);
        params.put("hidden", new int[] {100, 100});
        RunRecord run = store.create(new NewRun("oscillator.response", "physlab.oscillator", "1.0.0", params, seed,
                "CPU", "lab1", "ada", tags, ""));
        store.markRunning(run.id(), process);
        List<MetricPoint> points = new ArrayList<>();
        long t = Instant.parse("2025-03-01T12:00:00Z").toEpochMilli();
        for (int step = 1; step <= 4; step++) points.add(new MetricPoint("loss", step, 1.0 / (step * lr * 100), t + step));
        store.appendMetrics(run.id(), points);
        store.putArtifact(new ArtifactInfo(run.id(), "model", "file", "Trained network", "application/zip", "model.zip",
                3, Instant.now()), new byte[] {1, 2, 3});
        store.appendLogs(run.id(), List.of(new LogLine(1, Instant.now(), "INFO", "training with lr " + lr),
                new LogLine(2, Instant.now(), "INFO", "done")));
        store.finish(run.id(), status, error, status == RunStatus.SUCCEEDED ? Map.of("finalLoss", 1.0 / (4 * lr * 100)) : Map.of());
        return run.id();
    }

    private Outcome physlab(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return PhyslabCliTest.execute(all.toArray(String[]::new));
    }

    @Test
    void runsListsNewestFirstAndFilters() throws Exception {
        Outcome all = physlab("runs");
        assertEquals(0, all.exitCode(), all.toString());
        assertTrue(all.err().startsWith("physlab home: " + home), all.err());
        List<String> lines = all.out().lines().toList();
        assertEquals(4, lines.size(), all.out());
        assertTrue(lines.get(0).startsWith("ID "), all.out());
        assertTrue(lines.get(1).startsWith(broken + " "), all.out());
        assertTrue(lines.get(1).contains("FAILED"), all.out());
        assertTrue(lines.get(3).contains("finalLoss=0.25"), all.out());

        JsonNode sweep = Json.mapper().readTree(physlab("runs", "--tag", "sweep", "--json").out());
        assertEquals(2, sweep.size());
        assertEquals(slow, sweep.get(0).get("id").asText());
        JsonNode failed = Json.mapper().readTree(physlab("runs", "--status", "FAILED", "--json").out());
        assertEquals(1, failed.size());
        assertEquals("metric 'loss' became NaN at step 3", failed.get(0).get("error").asText());
        Outcome limited = physlab("runs", "--limit", "1");
        assertTrue(limited.err().contains("showing 1 of 3 runs"), limited.err());
        Outcome none = physlab("runs", "--experiment", "nope.nothing", "--json");
        assertEquals("[ ]", none.out().strip());
    }

    @Test
    void showTellsEverythingAboutOneRun() throws Exception {
        Outcome show = physlab("show", fast.substring(0, fast.length() - 1));
        assertEquals(0, show.exitCode(), show.toString());
        for (String part : List.of("run " + fast, "experiment  oscillator.response", "plugin      physlab.oscillator 1.0.0",
                "status      SUCCEEDED", "seed        42", "tags        sweep", "lr      0.01", "hidden  100,100",
                "finalLoss  0.25", "loss", "model  file   3 B  Trained network", "training with lr 0.01")) {
            assertTrue(show.out().contains(part), part + " missing from\n" + show.out());
        }
        JsonNode json = Json.mapper().readTree(physlab("show", fast, "--json", "--logs", "1").out());
        assertEquals(fast, json.get("run").get("id").asText());
        assertEquals(4, json.get("metrics").get(0).get("count").asLong());
        assertEquals(1, json.get("logs").size());
        assertEquals("done", json.get("logs").get(0).get("message").asText());
        assertEquals("/api/runs/" + fast + "/artifacts/model", json.get("artifacts").get(0).get("url").asText());
    }

    @Test
    void compareShowsDifferencesAndMetricsSideBySide() throws Exception {
        Outcome text = physlab("compare", fast, slow, broken);
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("\\s+lr\\s+0\\.01\\s+0\\.001\\s+10")), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("\\s+finalLoss\\s+0\\.25\\s+2\\.5\\s+-")), text.out());
        assertTrue(text.out().contains("(1 more the same; --all lists them)"), text.out());
        JsonNode json = Json.mapper().readTree(physlab("compare", fast, slow, "--json").out());
        assertEquals("[0.01,0.001]", json.get("differentParameters").get("lr").toString());
        assertEquals("[100,100]", json.get("sameParameters").get("hidden").toString());
        assertEquals(2, physlab("compare", fast).exitCode(), "one run is not a comparison");
    }

    @Test
    void exportWritesCsvOrJsonToStdoutOrAFile() throws Exception {
        Outcome csv = physlab("export", fast);
        assertEquals(0, csv.exitCode(), csv.toString());
        assertEquals(List.of("run,key,step,value,time",
                fast + ",loss,1,1.0,2025-03-01T12:00:00.001Z",
                fast + ",loss,2,0.5,2025-03-01T12:00:00.002Z",
                fast + ",loss,3,0.3333333333333333,2025-03-01T12:00:00.003Z",
                fast + ",loss,4,0.25,2025-03-01T12:00:00.004Z"), csv.out().lines().toList());

        Path file = home.resolve("out/fast.json");
        Outcome json = physlab("export", fast, "--format", "json", "--output", file.toString());
        assertEquals(0, json.exitCode(), json.toString());
        assertEquals("", json.out());
        JsonNode exported = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("[1,2,3,4]", exported.get("metrics").get("loss").get("steps").toString());
        assertEquals(fast, exported.get("run").get("id").asText());
    }

    @Test
    void unknownRunsExitWithThree() {
        for (String command : List.of("show", "export")) {
            Outcome o = physlab(command, "zzzzzzzz");
            assertEquals(ExitCodes.NOT_FOUND, o.exitCode(), o.toString());
            assertTrue(o.err().contains("physlab: unknown run 'zzzzzzzz'"), o.err());
        }
        assertEquals(ExitCodes.NOT_FOUND, physlab("compare", fast, "zzzzzzzz").exitCode());
        Outcome ambiguous = physlab("show", fast.substring(0, 4));
        assertEquals(ExitCodes.NOT_FOUND, ambiguous.exitCode(), ambiguous.toString());
        assertTrue(ambiguous.err().contains("ambiguous"), ambiguous.err());
    }
}
