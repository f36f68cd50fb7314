package org.physlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.PhyslabConfig;
import org.physlab.runtime.ProcessKind;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.fail.FailExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;
import org.physlab.testkit.experiments.version.v1.VersionExperiment;

/**
 * The REST API on a real server (port 0) over a real Physlab with a test plugin, spoken to with
 * {@link java.net.http.HttpClient} as any client would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiTest {
    @TempDir
    static Path home;
    Physlab lab;
    PhyslabServer server;
    ApiClient api;

    @BeforeAll
    void start() throws Exception {
        TestBundles.plugin(home.resolve("plugins"), "testkit.demo", "1.2.3",
                CountExperiment.class, SleepExperiment.class, FailExperiment.class);
        lab = Physlab.start(PhyslabConfig.load(home, Map.of("physlab.runs.maxConcurrent", "2")), ProcessKind.SERVER);
        server = new PhyslabServer(lab, "127.0.0.1", 0);
        server.start();
        api = new ApiClient(server.uri());
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (lab != null) lab.close();
    }

    private String launch(String body) throws Exception {
        ApiClient.Answer a = api.post("/api/runs", body);
        assertEquals(201, a.status(), a.toString());
        String id = a.json().get("id").asText();
        assertEquals("/api/runs/" + id, a.header("Location"));
        return id;
    }

    @Test
    void healthBackendAndIndexAnswer() throws Exception {
        JsonNode health = api.get("/api/health").json();
        assertEquals("ok", health.get("status").asText());
        assertEquals(3, health.get("experiments").asInt());
        assertEquals(PhyslabVersion.get(), health.get("version").asText());
        assertEquals("CPU", api.get("/api/backend").json().get("backend").asText());

        ApiClient.Answer index = api.get("/");
        assertFalse(server.servesWebUi(), "no web UI on this module's class path: the plain index page serves /");
        assertEquals(200, index.status());
        assertTrue(index.header("Content-Type").startsWith("text/html"));
        assertTrue(index.text().contains("testkit.count"), index.text());
        ApiClient.Answer openapi = api.get("/api/openapi.yaml");
        assertEquals(200, openapi.status());
        assertTrue(openapi.text().startsWith("openapi: 3"), openapi.text());
    }

    @Test
    void experimentsCarryTheirPluginAndFullSchema() throws Exception {
        JsonNode list = api.get("/api/experiments").json();
        List<String> ids = new ArrayList<>();
        list.forEach(e -> ids.add(e.get("id").asText()));
        assertEquals(List.of("testkit.count", "testkit.fail", "testkit.sleep"), ids);

        JsonNode count = api.get("/api/experiments/testkit.count").json();
        assertEquals("testkit.demo", count.get("pluginId").asText());
        assertEquals("1.2.3", count.get("pluginVersion").asText());
        JsonNode steps = count.get("parameters").get(0);
        assertEquals("steps", steps.get("name").asText());
        assertEquals("int", steps.get("type").asText());
        assertEquals(5, steps.get("default").asInt());
        assertEquals(1.0, steps.get("min").asDouble());
        assertEquals(1_000_000.0, steps.get("max").asDouble());
        assertEquals("how far to count", steps.get("help").asText());
        assertEquals("ms", count.get("parameters").get(1).get("unit").asText());

        ApiClient.Answer unknown = api.get("/api/experiments/nope.nothing");
        assertEquals(404, unknown.status());
        assertTrue(unknown.json().get("error").asText().contains("unknown experiment 'nope.nothing'"));
    }

    @Test
    void aRunIsLaunchedRecordedAndReadBackWithMetricsLogsArtifactsAndExports() throws Exception {
        String id = launch("{\"experiment\": \"testkit.count\", \"parameters\": {\"steps\": 5000}, \"seed\": 11, "
                + "\"tags\": [\"api\"], \"notes\": \"from the test\"}");
        JsonNode run = api.awaitRun(id, "SUCCEEDED");
        assertEquals(5000 * 5001 / 2.0, run.get("summary").get("sum").asDouble());
        assertEquals(11, run.get("seed").asLong());
        assertEquals("testkit.demo", run.get("plugin").asText());
        assertEquals(List.of("api"), List.of(run.get("tags").get(0).asText()));
        assertTrue(run.get("endedAt").asText().endsWith("Z"), "instants are ISO-8601: " + run);

        JsonNode metrics = api.get("/api/runs/" + id + "/metrics").json();
        assertEquals("[\"noise\",\"square\",\"value\"]", metrics.get("keys").toString());
        assertEquals(5000, metrics.get("stats").get("value").get("count").asLong());
        assertEquals(5000.0, metrics.get("stats").get("value").get("last").asDouble());

        JsonNode page = api.get("/api/runs/" + id + "/metrics/value?limit=100").json();
        assertEquals(100, page.get("steps").size());
        assertTrue(page.get("hasMore").asBoolean());
        assertEquals(100, page.get("nextAfter").asLong());
        JsonNode next = api.get("/api/runs/" + id + "/metrics/value?after=4990&limit=100").json();
        assertEquals(10, next.get("steps").size());
        assertEquals(4991, next.get("steps").get(0).asLong());
        assertFalse(next.get("hasMore").asBoolean());

        JsonNode thin = api.get("/api/runs/" + id + "/metrics/square?maxPoints=200").json();
        assertTrue(thin.get("downsampled").asBoolean());
        assertTrue(thin.get("steps").size() <= 200, thin.get("steps").size() + " points");
        assertEquals(1, thin.get("steps").get(0).asLong());
        assertEquals(25_000_000.0, thin.get("values").get(thin.get("values").size() - 1).asDouble());
        assertEquals(404, api.get("/api/runs/" + id + "/metrics/nothing").status());

        JsonNode logs = api.get("/api/runs/" + id + "/logs").json();
        List<String> messages = new ArrayList<>();
        logs.get("lines").forEach(l -> messages.add(l.get("message").asText()));
        assertTrue(messages.contains("counting to 5000"), messages.toString());
        long lastSeq = logs.get("nextAfter").asLong();
        assertEquals(0, api.get("/api/runs/" + id + "/logs?after=" + lastSeq).json().get("lines").size());

        JsonNode artifacts = api.get("/api/runs/" + id + "/artifacts").json();
        assertEquals(CountExperiment.ARTIFACTS.size(), artifacts.size());
        ApiClient.Answer file = api.get("/api/runs/" + id + "/artifacts/count-file");
        assertEquals(200, file.status());
        assertTrue(file.header("Content-Type").startsWith("text/csv"), file.header("Content-Type"));
        assertTrue(file.header("Content-Disposition").startsWith("attachment; filename=\"count.csv\""));
        assertTrue(file.text().startsWith("step,value\n1,1\n"));
        ApiClient.Answer line = api.get("/api/runs/" + id + "/artifacts/count-line");
        assertTrue(line.header("Content-Type").startsWith("application/json"));
        assertNotNull(line.json());
        assertEquals(404, api.get("/api/runs/" + id + "/artifacts/nothing").status());

        ApiClient.Answer csv = api.get("/api/runs/" + id + "/export?format=csv");
        assertEquals(200, csv.status());
        List<String> rows = csv.text().lines().toList();
        assertEquals("run,key,step,value,time", rows.get(0));
        assertEquals(1 + 3 * 5000, rows.size());
        JsonNode exported = api.get("/api/runs/" + id + "/export?format=json").json();
        assertEquals(5000, exported.get("metrics").get("square").get("values").size());
        assertEquals(400, api.get("/api/runs/" + id + "/export?format=xml").status());

        ApiClient.Answer tagged = api.put("/api/runs/" + id.substring(0, id.length() - 1) + "/tags", "[\"api\", \"checked\"]");
        assertEquals(200, tagged.status(), tagged.toString());
        assertEquals("[\"api\",\"checked\"]", tagged.json().get("tags").toString());
        ApiClient.Answer noted = api.put("/api/runs/" + id + "/notes", "{\"notes\": \"looks right\"}");
        assertEquals(200, noted.status(), noted.toString());
        assertEquals("looks right", noted.json().get("notes").asText());
        assertEquals(1, api.get("/api/runs?tag=checked").json().get("total").asLong());
    }

    @Test
    void invalidParametersAnswer400WithFieldErrorsAndStoreNothing() throws Exception {
        long before = api.get("/api/runs").json().get("total").asLong();
        ApiClient.Answer a = api.post("/api/runs",
                "{\"experiment\": \"testkit.count\", \"parameters\": {\"steps\": 0, \"delayMillis\": \"soon\", \"speed\": 3}}");
        assertEquals(400, a.status(), a.toString());
        JsonNode body = a.json();
        assertTrue(body.get("error").asText().startsWith("invalid parameters"), body.toString());
        List<String> fields = new ArrayList<>();
        body.get("fieldErrors").forEach(e -> fields.add(e.get("parameter").asText()));
        assertTrue(fields.containsAll(List.of("steps", "delayMillis", "speed")), fields.toString());
        assertEquals(before, api.get("/api/runs").json().get("total").asLong());

        assertEquals(404, api.post("/api/runs", "{\"experiment\": \"nope.nothing\"}").status());
        assertEquals(400, api.post("/api/runs", "{\"experiment\": ").status());
        assertEquals(400, api.post("/api/runs", "{\"experiment\": \"testkit.count\", \"sead\": 1}").status());
        assertEquals(before, api.get("/api/runs").json().get("total").asLong());
    }

    @Test
    void runsAreListedFilteredAndPaged() throws Exception {
        String ok = launch("{\"experiment\": \"testkit.count\", \"tags\": [\"listing\"]}");
        String failed = launch("{\"experiment\": \"testkit.fail\", \"tags\": [\"listing\"]}");
        api.awaitRun(ok, "SUCCEEDED");
        JsonNode f = api.awaitRun(failed, "FAILED");
        assertTrue(f.get("error").asText().contains("failed on purpose at step 2"), f.toString());

        JsonNode page = api.get("/api/runs?tag=listing&limit=1").json();
        assertEquals(2, page.get("total").asLong());
        assertEquals(1, page.get("runs").size());
        assertEquals(failed, page.get("runs").get(0).get("id").asText(), "newest first");
        assertEquals(ok, api.get("/api/runs?tag=listing&limit=1&offset=1").json().get("runs").get(0).get("id").asText());
        JsonNode onlyFailed = api.get("/api/runs?tag=listing&status=failed").json();
        assertEquals(1, onlyFailed.get("total").asLong());
        assertEquals(400, api.get("/api/runs?status=happy").status());
        assertEquals(400, api.get("/api/runs?limit=0").status());
        assertEquals(404, api.get("/api/runs/no-such-run").status());
        ApiClient.Answer ambiguous = api.get("/api/runs/" + ok.substring(0, 4));
        assertEquals(404, ambiguous.status());
        assertTrue(ambiguous.json().get("error").asText().contains("ambiguous"), ambiguous.toString());
        assertEquals("ok", api.get("/api/health").json().get("status").asText(), "a failed run leaves the server well");
    }

    @Test
    void runsAreFilteredByParameterAndMetricRangeAndSorted() throws Exception {
        String three = launch("{\"experiment\": \"testkit.count\", \"parameters\": {\"steps\": 3}, \"tags\": [\"index\"]}");
        String six = launch("{\"experiment\": \"testkit.count\", \"parameters\": {\"steps\": 6}, \"tags\": [\"index\"]}");
        String nine = launch("{\"experiment\": \"testkit.count\", \"parameters\": {\"steps\": 9}, \"tags\": [\"index\"]}");
        for (String id : List.of(three, six, nine)) api.awaitRun(id, "SUCCEEDED");

        assertEquals(List.of(six), ids(api.get("/api/runs?tag=index&param.steps=6").json()));
        assertEquals(List.of(six), ids(api.get("/api/runs?tag=index&param.steps=6.0").json()), "numbers compare as numbers");
        // testkit.count logs value = step, so the last value is the number of steps.
        assertEquals(List.of(nine, six), ids(api.get("/api/runs?tag=index&metric.value=5:").json()));
        assertEquals(List.of(three), ids(api.get("/api/runs?tag=index&metric.value=:4.5").json()));
        assertEquals(List.of(six), ids(api.get("/api/runs?tag=index&metric.value=4:7&param.delayMillis=0").json()));
        assertEquals(List.of(three, six, nine), ids(api.get("/api/runs?tag=index&sort=metric:value").json()));
        assertEquals(List.of(nine, six, three), ids(api.get("/api/runs?tag=index&sort=-param:steps").json()));
        assertEquals(List.of(three, six, nine), ids(api.get("/api/runs?tag=index&sort=created").json()));
        assertEquals(List.of(six), ids(api.get("/api/runs?tag=index&q=" + six.substring(6)).json()));

        ApiClient.Answer badRange = api.get("/api/runs?metric.value=7");
        assertEquals(400, badRange.status());
        assertTrue(badRange.json().get("error").asText().contains("<min>:<max>"), badRange.toString());
        assertEquals(400, api.get("/api/runs?metric.value=a:b").status());
        ApiClient.Answer empty = api.get("/api/runs?metric.value=5:1");
        assertEquals(400, empty.status());
        assertTrue(empty.json().get("error").asText().contains("greater than max"), empty.toString());
        ApiClient.Answer badSort = api.get("/api/runs?sort=colour");
        assertEquals(400, badSort.status());
        assertTrue(badSort.json().get("error").asText().contains("metric:<key>"), badSort.toString());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("runs").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    @Test
    void aRunningRunIsCancelled() throws Exception {
        String id = launch("{\"experiment\": \"testkit.sleep\"}");
        api.awaitRun(id, "RUNNING");
        ApiClient.Answer cancel = api.post("/api/runs/" + id + "/cancel", "");
        assertEquals(202, cancel.status(), cancel.toString());
        api.awaitRun(id, "CANCELLED");
        assertEquals(409, api.post("/api/runs/" + id + "/cancel", "").status());
    }

    @Test
    void pluginsAreListedUploadedAndRemovedAndBrokenOnesReported() throws Exception {
        JsonNode plugins = api.get("/api/plugins").json();
        assertEquals("testkit.demo", plugins.get(0).get("id").asText());
        assertEquals("ACTIVE", plugins.get(0).get("state").asText());

        Path jars = Files.createDirectories(home.resolve("uploads"));
        ApiClient.Answer good = api.upload("/api/plugins?fileName=version.jar",
                TestBundles.plugin(jars, "testkit.version", "1.0.0", VersionExperiment.class));
        assertEquals(201, good.status(), good.toString());
        assertEquals("ACTIVE", good.json().get("state").asText());
        assertEquals(200, api.get("/api/experiments/" + VersionExperiment.ID).status());

        ApiClient.Answer broken = api.upload("/api/plugins?fileName=garbage.jar", TestBundles.garbage(jars, "garbage.jar"));
        assertEquals(422, broken.status(), broken.toString());
        String brokenId = broken.json().get("plugin").get("id").asText();
        JsonNode listed = api.get("/api/plugins/" + brokenId).json();
        assertEquals("FAILED", listed.get("state").asText());
        assertFalse(listed.get("error").asText().isBlank());

        assertEquals(204, api.delete("/api/plugins/" + brokenId).status());
        assertEquals(404, api.delete("/api/plugins/" + brokenId).status());
        assertEquals(204, api.delete("/api/plugins/testkit.version").status());
        assertEquals(404, api.get("/api/experiments/" + VersionExperiment.ID).status());

        assertEquals(400, api.upload("/api/plugins", TestBundles.garbage(jars, "x.jar")).status());
        assertEquals(400, api.upload("/api/plugins?fileName=../evil.jar", TestBundles.garbage(jars, "y.jar")).status());
    }

    @Test
    void aSecondServerOnATakenPortSaysSo() {
        PhyslabServer second = new PhyslabServer(lab, "127.0.0.1", server.port());
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, second::start);
        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + server.port()), e.getMessage());
        second.close();
    }

    @Test
    void unknownPathsAndMethodsAnswerJson() throws Exception {
        ApiClient.Answer nope = api.get("/api/nope");
        assertEquals(404, nope.status());
        assertTrue(nope.json().get("error").asText().contains("no such endpoint"));
        ApiClient.Answer wrong = api.delete("/api/experiments");
        assertEquals(405, wrong.status());
        assertEquals("GET", wrong.header("Allow"));
        assertTrue(wrong.header("Content-Type").startsWith("application/json"));
    }
}
