package org.physlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.fail.FailExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;

/**
 * The built distribution end to end, through its real launcher {@code target/physlab/bin/physlab}:
 * one home, a test plugin dropped into it, and every command a user has, in the order a user would
 * try them, ending with {@code physlab serve} and a {@code physlab run} beside it on the same home.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhyslabDistributionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DISTRIBUTION = Path.of(System.getProperty("physlab.distribution", "target/physlab"));

    @TempDir
    static Path tmp;
    Path home;
    Launcher physlab;

    /** The summary of the first seeded run, which every later run with that seed must reproduce. */
    JsonNode seededSummary;
    final List<String> runIds = new ArrayList<>();

    @BeforeAll
    void setUp() throws IOException {
        home = tmp.resolve("home with space");
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        physlab = new Launcher(DISTRIBUTION, home, logs);
    }

    @Test
    @Order(1)
    void theDistributionHasItsLayout() throws IOException {
        Path launcher = DISTRIBUTION.resolve("bin/physlab");
        assertTrue(Files.getPosixFilePermissions(launcher).contains(PosixFilePermission.OWNER_EXECUTE));
        assertTrue(Files.isDirectory(DISTRIBUTION.resolve("plugins")));
        assertTrue(Files.isRegularFile(DISTRIBUTION.resolve("conf/physlab.properties")));
        try (Stream<Path> lib = Files.list(DISTRIBUTION.resolve("lib"))) {
            List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
            assertTrue(jars.stream().anyMatch(j -> j.startsWith("physlab-cli-")), jars.toString());
            assertTrue(jars.stream().anyMatch(j -> j.matches("nd4j-native-.*-linux-x86_64\\.jar")), jars.toString());
            assertFalse(jars.stream().anyMatch(j -> j.startsWith("physlab-testkit")), "test code is never shipped");
            assertTrue(jars.stream().anyMatch(j -> j.startsWith("physlab-web-ui-")), "the web UI is on the host class path: " + jars);
            assertTrue(jars.stream().anyMatch(j -> j.startsWith("flow-server-")), "with Vaadin: " + jars);
            assertFalse(jars.stream().anyMatch(j -> j.startsWith("vaadin-dev")), "production mode only: " + jars);
            assertFalse(jars.stream().anyMatch(j -> j.startsWith("selenium-")), "browser-test tools are never shipped");
        }
        try (Stream<Path> plugins = Files.list(DISTRIBUTION.resolve("plugins"))) {
            List<String> jars = plugins.map(p -> p.getFileName().toString()).toList();
            assertTrue(jars.stream().noneMatch(j -> j.startsWith("physlab-")), "host jars are not plugins: " + jars);
        }
        try (Stream<Path> target = Files.list(DISTRIBUTION.getParent())) {
            assertTrue(target.anyMatch(p -> p.getFileName().toString().matches("physlab-.*\\.tar\\.gz")));
        }
    }

    @Test
    @Order(2)
    void pluginsOnAFreshHomeSaysWhichHomeIsUsed() throws Exception {
        Launcher.Result r = physlab.run("plugins");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("physlab home: " + home.toAbsolutePath()), r.toString());
        assertFalse(r.out().contains("testkit.demo"), r.toString());
        if (hasJars(DISTRIBUTION.resolve("plugins"))) {
            // The plugins shipped in the distribution's plugins/ folder all start.
            List<String> rows = r.out().lines().skip(1).toList();
            assertFalse(rows.isEmpty(), r.toString());
            // (a plugin module still being written may ship with no experiment yet: ACTIVE, nothing after it)
            assertTrue(rows.stream().allMatch(l -> l.matches("\\S+\\s+\\S+\\s+ACTIVE(\\s+.*)?")), r.toString());
        } else {
            assertTrue(r.out().startsWith("No plugins installed"), r.toString());
        }
    }

    @Test
    @Order(3)
    void aPluginDroppedIntoTheHomeIsListed() throws Exception {
        TestBundles.plugin(home.resolve("plugins"), "testkit.demo", "1.2.3",
                CountExperiment.class, SleepExperiment.class, FailExperiment.class);
        Launcher.Result r = physlab.run("plugins");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("testkit\\.demo\\s+1\\.2\\.3\\s+ACTIVE\\s+.*testkit\\.count.*")),
                r.toString());
    }

    @Test
    @Order(4)
    void describeShowsParametersWithDefaultsRangesUnitsAndHelp() throws Exception {
        Launcher.Result r = physlab.run("describe", "testkit.count");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("testkit.count - Count\nplugin testkit.demo 1.2.3\n"), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+steps\\s+int\\s+5\\s+\\[1, 1000000]\\s+how far to count")), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+delayMillis\\s+int\\s+0\\s+\\[0, 60000]\\s+ms\\s+pause after each step")), r.toString());
    }

    @Test
    @Order(5)
    void twoRunsWithTheSameSeedPrintOneJsonObjectWithIdenticalSummaries() throws Exception {
        JsonNode first = runJson(0, "run", "testkit.count", "--set", "steps=20", "--seed", "7", "--tag", "it", "--json");
        JsonNode second = runJson(0, "run", "testkit.count", "--set", "steps=20", "--seed", "7", "--json");
        for (JsonNode run : List.of(first, second)) {
            List<String> fields = new ArrayList<>();
            run.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("runId", "experiment", "plugin", "pluginVersion", "status", "seed", "parameters",
                    "summary", "durationSeconds", "error"), fields);
            assertEquals("SUCCEEDED", run.get("status").asText());
            assertEquals("testkit.count", run.get("experiment").asText());
            assertEquals("testkit.demo", run.get("plugin").asText());
            assertEquals("1.2.3", run.get("pluginVersion").asText());
            assertEquals(7, run.get("seed").asLong());
            assertEquals(20, run.get("parameters").get("steps").asInt());
            assertEquals(0, run.get("parameters").get("delayMillis").asInt());
            assertEquals(210.0, run.get("summary").get("sum").asDouble());
            assertTrue(run.get("error").isNull());
            runIds.add(run.get("runId").asText());
        }
        assertNotEquals(first.get("runId"), second.get("runId"));
        assertEquals(first.get("summary"), second.get("summary"));
        seededSummary = first.get("summary");
    }

    @Test
    @Order(6)
    void invalidParametersExitWithTwoAndStoreNothing() throws Exception {
        int before = runs().size();
        for (String setting : List.of("steps=0", "steps=many", "stepz=3")) {
            Launcher.Result r = physlab.run("run", "testkit.count", "--set", setting, "--json");
            assertEquals(2, r.exitCode(), r.toString());
            assertEquals("", r.out(), "nothing on stdout: " + r);
            List<String> reasons = r.errLines().stream().filter(l -> !l.startsWith("physlab home: ")).toList();
            assertEquals(1, reasons.size(), "one line of reason: " + r);
            assertTrue(reasons.get(0).startsWith("physlab: invalid parameters for testkit.count: "), r.toString());
            assertTrue(reasons.get(0).contains(setting.substring(0, 5)), r.toString());
        }
        assertEquals(before, runs().size(), "invalid runs are not stored");
    }

    @Test
    @Order(7)
    void unknownExperimentsAndRunsExitWithThree() throws Exception {
        Launcher.Result r = physlab.run("run", "nope.nothing", "--json");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("unknown experiment 'nope.nothing'"), r.toString());
        assertTrue(r.err().contains("testkit.count"), "names the installed experiments: " + r);
        assertEquals(3, physlab.run("describe", "nope.nothing").exitCode());
        Launcher.Result show = physlab.run("show", "zzzzzzzz");
        assertEquals(3, show.exitCode(), show.toString());
        assertTrue(show.err().contains("unknown run 'zzzzzzzz'"), show.toString());
    }

    @Test
    @Order(8)
    void aFailedRunExitsWithOneAndStillPrintsItsJson() throws Exception {
        JsonNode run = runJson(1, "run", "testkit.fail", "--set", "failAtStep=3", "--json");
        assertEquals("FAILED", run.get("status").asText());
        assertTrue(run.get("error").asText().contains("failed on purpose at step 3"), run.toString());
        assertEquals(0, run.get("summary").size());
        runIds.add(run.get("runId").asText());
    }

    @Test
    @Order(9)
    void historyCommandsReadWhatWasRecorded() throws Exception {
        List<JsonNode> all = runs();
        assertEquals(3, all.size(), all.toString());
        assertEquals(runIds.get(2), all.get(0).get("id").asText(), "newest first");

        Launcher.Result filtered = physlab.run("runs", "--status", "failed");
        assertEquals(0, filtered.exitCode(), filtered.toString());
        assertEquals(2, filtered.out().lines().count(), "header and the failed run: " + filtered);
        assertTrue(filtered.out().contains(runIds.get(2)), filtered.toString());

        Launcher.Result tagged = physlab.run("runs", "--tag", "it", "--json");
        assertEquals(1, JSON.readTree(tagged.out()).size(), tagged.toString());

        Launcher.Result show = physlab.run("show", runIds.get(0).substring(0, runIds.get(0).length() - 1));
        assertEquals(0, show.exitCode(), show.toString());
        for (String part : List.of("run " + runIds.get(0), "experiment  testkit.count", "plugin      testkit.demo 1.2.3",
                "status      SUCCEEDED", "seed        7", "Summary", "sum", "Metrics", "square", "Artifacts",
                "count-file", "counted to 20")) {
            assertTrue(show.out().contains(part), part + " missing:\n" + show);
        }
        JsonNode report = JSON.readTree(physlab.run("show", runIds.get(0), "--json").out());
        assertEquals(7, report.get("artifacts").size(), report.toString());
        assertEquals(3, report.get("metrics").size(), report.toString());

        Launcher.Result compare = physlab.run("compare", runIds.get(0), runIds.get(2));
        assertEquals(0, compare.exitCode(), compare.toString());
        assertTrue(compare.out().contains("Parameters that differ"), compare.toString());
        assertTrue(compare.out().lines().anyMatch(l -> l.matches("\\s+sum\\s+210\\s+-")), compare.toString());
        JsonNode c = JSON.readTree(physlab.run("compare", runIds.get(0), runIds.get(1), "--json").out());
        assertEquals(0, c.get("differentParameters").size(), "the seeded runs used the same parameters: " + c);

        Launcher.Result csv = physlab.run("export", runIds.get(0), "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.toString());
        List<String> lines = csv.out().lines().toList();
        assertEquals("run,key,step,value,time", lines.get(0));
        assertEquals(1 + 3 * 20, lines.size(), "three metrics of 20 steps");
        assertTrue(lines.stream().anyMatch(l -> l.matches(Pattern.quote(runIds.get(0)) + ",square,20,400\\.0,\\d{4}-.*Z")),
                csv.toString());

        Path file = tmp.resolve("exports/run.json");
        Launcher.Result json = physlab.run("export", runIds.get(0), "--format", "json", "--output", file.toString());
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode exported = JSON.readTree(file.toFile());
        assertEquals(20, exported.get("metrics").get("value").get("steps").size());
        assertEquals(runIds.get(0), exported.get("run").get("id").asText());
    }

    @Test
    @Order(10)
    void ctrlCCancelsARunAndRecordsItCancelled() throws Exception {
        Launcher.Running run = physlab.start("run", "testkit.sleep", "--json");
        String id = awaitMatch(run, Pattern.compile("(?m)^run (\\S+) \\(testkit\\.sleep"));
        awaitStatus(id, "RUNNING");
        Launcher.interrupt(run.process);
        Launcher.Result r = run.await();
        assertEquals(1, r.exitCode(), r.toString());
        JsonNode result = JSON.readTree(r.out());
        assertEquals("CANCELLED", result.get("status").asText(), r.toString());
        assertTrue(r.err().contains("cancelling run " + id), r.toString());
        assertEquals(id, result.get("runId").asText());
        awaitStatus(id, "CANCELLED");
    }

    @Test
    @Order(11)
    void serveAnswersTheApiAndTheWebUiWhileARunFromTheCliUsesTheSameHome() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Launcher.Running serve = physlab.start("serve", "--port", Integer.toString(port));
        try {
            String url = awaitMatch(serve, Pattern.compile("Physlab serves the web UI at (http://127\\.0\\.0\\.1:" + port + "/)"));
            HttpClient http = HttpClient.newHttpClient();

            // The web UI: Vaadin's bootstrap page of the pre-compiled production bundle, and its resources.
            HttpResponse<String> bootstrap = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, bootstrap.statusCode(), bootstrap.body());
            assertTrue(bootstrap.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), bootstrap.headers().toString());
            Matcher script = Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"").matcher(bootstrap.body());
            assertTrue(script.find(), "the bootstrap page loads the production bundle: " + bootstrap.body());
            for (String resource : List.of(script.group(1), "physlab/charts.js")) {
                HttpResponse<String> js = http.send(HttpRequest.newBuilder(URI.create(url + resource)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, js.statusCode(), resource);
                assertTrue(js.headers().firstValue("Content-Type").orElse("").contains("javascript"), resource + ": " + js.headers());
                assertFalse(js.body().isBlank(), resource);
            }

            HttpResponse<String> experiments = http.send(HttpRequest.newBuilder(URI.create(url + "api/experiments")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, experiments.statusCode());
            assertTrue(experiments.body().contains("\"testkit.count\""), experiments.body());

            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url + "api/runs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"experiment\": \"testkit.count\", \"parameters\": {\"steps\": 20}, \"seed\": 7}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            String restRun = JSON.readTree(created.body()).get("id").asText();

            JsonNode cli = runJson(0, "run", "testkit.count", "--set", "steps=20", "--seed", "7", "--json");
            assertEquals(seededSummary, cli.get("summary"), "the CLI's run beside the server reproduces the seed");

            JsonNode viaRest = awaitRestStatus(http, url + "api/runs/" + restRun, "SUCCEEDED");
            assertEquals(seededSummary, viaRest.get("summary"), "the server's run reproduces it too");

            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(url + "api/runs?experiment=testkit.count")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode page = JSON.readTree(list.body());
            List<String> ids = new ArrayList<>();
            page.get("runs").forEach(r -> ids.add(r.get("id").asText()));
            assertTrue(ids.contains(cli.get("runId").asText()), "the server sees the CLI's run: " + ids);
            assertTrue(ids.contains(restRun), ids.toString());
        } finally {
            serve.process.destroy();       // SIGTERM, as a service manager stops it
        }
        Launcher.Result stopped = serve.await();
        assertEquals(0, stopped.exitCode(), "serve stops cleanly on SIGTERM: " + stopped);
        assertEquals(List.of("physlab home: " + home.toAbsolutePath(), "stopping"), stopped.errLines(),
                "no warnings or stack traces: " + stopped);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private JsonNode runJson(int expectedExit, String... args) throws Exception {
        Launcher.Result r = physlab.run(args);
        assertEquals(expectedExit, r.exitCode(), r.toString());
        assertEquals(1, r.out().strip().lines().count(), "exactly one line on stdout: " + r);
        assertTrue(r.errLines().stream().allMatch(l -> l.startsWith("physlab home: ") || l.matches("run \\S+ \\(.*, seed -?\\d+\\)")),
                "no warnings or stack traces on stderr: " + r);
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(r.out())) {
            List<JsonNode> all = values.readAll();
            assertEquals(1, all.size(), "exactly one JSON value: " + r);
            assertTrue(all.get(0).isObject(), r.toString());
            return all.get(0);
        }
    }

    private List<JsonNode> runs() throws Exception {
        Launcher.Result r = physlab.run("runs", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(r.out()).forEach(list::add);
        return list;
    }

    private void awaitStatus(String runId, String status) throws Exception {
        long deadline = System.nanoTime() + Launcher.PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Launcher.Result r = physlab.run("show", runId, "--json", "--logs", "0");
            if (r.exitCode() == 0) {
                last = JSON.readTree(r.out()).get("run").get("status").asText();
                if (last.equals(status)) return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("run " + runId + " did not become " + status + " (last: " + last + ")");
    }

    private static JsonNode awaitRestStatus(HttpClient http, String url, String status) throws Exception {
        long deadline = System.nanoTime() + Launcher.PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (last.get("status").asText().equals(status)) return last;
            Thread.sleep(200);
        }
        throw new AssertionError(url + " did not become " + status + ": " + last);
    }

    /** Waits until the command's stdout or stderr matches, and returns the first group. */
    private static String awaitMatch(Launcher.Running running, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + Launcher.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (String text : List.of(running.out(), running.err())) {
                Matcher m = pattern.matcher(text);
                if (m.find()) return m.group(1);
            }
            if (!running.process.isAlive()) {
                throw new AssertionError("physlab ended (exit " + running.process.exitValue() + ") before printing "
                        + pattern + "\n--- stdout\n" + running.out() + "--- stderr\n" + running.err());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + pattern + " within " + Duration.ofNanos(Launcher.PATIENCE.toNanos())
                + "\n--- stderr\n" + running.err());
    }

    private static boolean hasJars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".jar"));
        }
    }
}
