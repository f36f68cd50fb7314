package org.physlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.count.CountExperiment;

/**
 * Crash safety of {@code physlab serve} (docs/lab-server.md, "Crash safety"): the server's JVM is killed
 * with SIGKILL while four runs execute and four more wait in its queue, then started again on the same
 * home. The four are recorded INTERRUPTED with the reason, every metric point they had stored survives
 * (read through the CLI while no server runs, and again after the restart), and the queued runs, one of
 * them a real plugin's experiment, are taken over by the new server and finish.
 */
class CrashRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DISTRIBUTION = Path.of(System.getProperty("physlab.distribution", "target/physlab"));
    private static final List<String> COUNT_KEYS = List.of("noise", "square", "value");
    private static final int SLOTS = 4;
    private static final int QUEUED_STEPS = 40;

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aServerKilledWithSigkillLeavesItsRunsInterruptedWithTheirMetricsAndItsQueueResumes() throws Exception {
        Path home = tmp.resolve("home");
        Path logs = tmp.resolve("logs");
        TestBundles.plugin(home.resolve("plugins"), "testkit.crash", "1.0.0", CountExperiment.class);
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/physlab.properties"), "physlab.runs.cpuSlots=" + SLOTS + "\n");
        Launcher cli = new Launcher(DISTRIBUTION, home, Files.createDirectories(logs.resolve("cli")));

        ServerProcess server = ServerProcess.start(DISTRIBUTION, home, logs, "serve-1");
        List<String> running = new ArrayList<>();
        List<String> queued = new ArrayList<>();
        Map<String, Map<String, Long>> before = new LinkedHashMap<>();
        try {
            // Four runs that would count for hours, 50 steps a second, three metric points a step.
            for (int i = 0; i < SLOTS; i++) {
                running.add(launch(server, "testkit.count", Map.of("steps", 1_000_000, "delayMillis", 20)));
            }
            // Four that wait for a slot: three counts and a real experiment of a shipped plugin.
            for (int i = 0; i < 3; i++) {
                queued.add(launch(server, "testkit.count", Map.of("steps", QUEUED_STEPS, "delayMillis", 5)));
            }
            queued.add(launch(server, "vertex-mesh.relax", Map.of("solver", "gd", "steps", 2000, "recordEvery", 100)));

            for (String id : running) awaitRun(server, id, r -> r.path("status").asText().equals("RUNNING"), "RUNNING");
            for (String id : running) awaitPoints(server, id, 100);
            JsonNode queue = get(server, "/api/queue");
            assertEquals(SLOTS, queue.path("running").size(), queue.toString());
            List<String> waiting = new ArrayList<>();
            queue.path("queued").forEach(q -> waiting.add(q.path("id").asText()));
            assertEquals(queued, waiting, "the four wait in launch order: " + queue);

            for (String id : running) before.put(id, counts(get(server, "/api/runs/" + id + "/metrics")));

            assertEquals(137, server.kill(), "SIGKILL: 128 + 9");
        } finally {
            if (server.isAlive()) server.kill();
        }

        // No server runs: the store as the CLI reads it holds every point seen before the kill, with no gap.
        Map<String, String> exported = new LinkedHashMap<>();
        for (String id : running) {
            Launcher.Result csv = cli.run("export", id, "--format", "csv");
            assertEquals(0, csv.exitCode(), csv.toString());
            exported.put(id, csv.out());
        }
        Map<String, Map<String, Long>> afterKill = new LinkedHashMap<>();
        for (String id : running) {
            Map<String, List<Long>> steps = stepsByKey(exported.get(id));
            assertEquals(COUNT_KEYS, List.copyOf(steps.keySet()), id);
            Map<String, Long> n = new TreeMap<>();
            for (Map.Entry<String, List<Long>> e : steps.entrySet()) {
                List<Long> s = e.getValue();
                for (int i = 0; i < s.size(); i++) {
                    assertEquals(i + 1L, s.get(i), "run " + id + " metric " + e.getKey() + ": steps 1, 2, … without a gap");
                }
                n.put(e.getKey(), (long) s.size());
            }
            afterKill.put(id, n);
        }

        ServerProcess restarted = ServerProcess.start(DISTRIBUTION, home, logs, "serve-2");
        try {
            for (String id : running) {
                JsonNode run = get(restarted, "/api/runs/" + id);
                assertEquals("INTERRUPTED", run.path("status").asText(), run.toString());
                assertTrue(run.path("error").asText().contains("is gone"), "the reason names the dead process: " + run);
                assertTrue(run.hasNonNull("endedAt"), run.toString());
                Map<String, Long> stored = counts(get(restarted, "/api/runs/" + id + "/metrics"));
                assertEquals(afterKill.get(id), stored, "run " + id + ": the restart changed no metric");
                for (String key : COUNT_KEYS) {
                    assertTrue(stored.get(key) >= before.get(id).get(key), "run " + id + " metric " + key + ": "
                            + stored.get(key) + " points stored, " + before.get(id).get(key) + " seen before the kill");
                }
                Launcher.Result csv = cli.run("export", id, "--format", "csv");
                assertEquals(exported.get(id), csv.out(), "run " + id + ": the same points, values and times after the restart");
            }
            for (String id : queued) {
                JsonNode run = awaitRun(restarted, id, r -> !List.of("QUEUED", "RUNNING").contains(r.path("status").asText()),
                        "ended");
                assertEquals("SUCCEEDED", run.path("status").asText(), "the queued run resumed on the new server: " + run);
            }
            for (String id : queued.subList(0, 3)) {
                assertEquals(Map.of("noise", (long) QUEUED_STEPS, "square", (long) QUEUED_STEPS, "value", (long) QUEUED_STEPS),
                        counts(get(restarted, "/api/runs/" + id + "/metrics")), id);
            }
            assertEquals(Map.of("energy", 21L), counts(get(restarted, "/api/runs/" + queued.get(3) + "/metrics")),
                    "relax: energy at step 0 and every 100 steps to 2000");

            String after = launch(restarted, "testkit.count", Map.of("steps", 10));
            assertEquals("SUCCEEDED", awaitRun(restarted, after, r -> r.path("status").asText().equals("SUCCEEDED")
                    || r.path("status").asText().equals("FAILED"), "ended").path("status").asText());
        } finally {
            assertEquals(0, restarted.stop(), "the restarted server stops cleanly");
        }
        // On stderr (the journal of a service) one warning per run the crash interrupted, and nothing else.
        List<String> warnings = restarted.unexpectedErrLines();
        assertEquals(running.size(), warnings.size(), "no other warnings or stack traces: " + restarted.err());
        for (String id : running) {
            assertTrue(warnings.stream().anyMatch(l -> l.contains(" WARN ") && l.contains("run " + id + " (testkit.count) of a "
                    + "process that is gone was marked INTERRUPTED")), id + ": " + restarted.err());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private String launch(ServerProcess server, String experiment, Map<String, Object> parameters) throws Exception {
        String body = JSON.writeValueAsString(Map.of("experiment", experiment, "parameters", parameters, "tags", List.of("crash")));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asText();
    }

    private JsonNode get(ServerProcess server, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private JsonNode awaitRun(ServerProcess server, String id, Predicate<JsonNode> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Launcher.PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(server, "/api/runs/" + id);
            if (condition.test(last)) return last;
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " not " + what + " within " + Launcher.PATIENCE + ": " + last);
    }

    private void awaitPoints(ServerProcess server, String id, long points) throws Exception {
        long deadline = System.nanoTime() + Launcher.PATIENCE.toNanos();
        Map<String, Long> last = Map.of();
        while (System.nanoTime() < deadline) {
            last = counts(get(server, "/api/runs/" + id + "/metrics"));
            if (last.size() == COUNT_KEYS.size() && last.values().stream().allMatch(n -> n >= points)) return;
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " stored no " + points + " points per metric within " + Launcher.PATIENCE + ": " + last);
    }

    /** Point counts by key from {@code GET …/metrics}. */
    private static Map<String, Long> counts(JsonNode metrics) {
        Map<String, Long> counts = new TreeMap<>();
        metrics.path("stats").forEach(s -> counts.put(s.path("key").asText(), s.path("count").asLong()));
        return counts;
    }

    /** The steps of each key in a CSV export ({@code run,key,step,value,time}), in file order. */
    private static Map<String, List<Long>> stepsByKey(String csv) {
        Map<String, List<Long>> steps = new TreeMap<>();
        csv.lines().skip(1).forEach(line -> {
            String[] f = line.split(",");
            steps.computeIfAbsent(f[1], k -> new ArrayList<>()).add(Long.parseLong(f[2]));
        });
        return steps;
    }
}
