package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.api.Artifact;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Summary;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.LogLine;
import org.physlab.store.MetricPoint;
import org.physlab.store.MetricStats;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.testkit.experiments.count.CountExperiment;

/** What runs report (metrics, logs, progress, artifacts) and how it reaches the store. */
class RunReportingTest {
    @TempDir
    Path home;
    SchedulerFixture lab;
    RunScheduler runs;

    @BeforeEach
    void start() {
        lab = new SchedulerFixture(home);
        lab.catalog.add(new CountExperiment());
        runs = lab.scheduler(2);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private RunRecord run(String experiment, Map<String, ?> parameters) throws InterruptedException {
        RunRecord done = runs.await(runs.submit(LaunchRequest.of(experiment, parameters, 1L)).id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.SUCCEEDED, done.status(), () -> "run failed: " + done.error());
        return done;
    }

    @Test
    void aHundredThousandMetricPointsAllArriveInOrder() throws Exception {
        int points = 100_000;
        lab.catalog.add(TestExperiment.of("test.flood", run -> {
            long start = System.nanoTime();
            for (int step = 0; step < points; step++) run.metric("loss", step, 1.0 / (step + 1));
            double seconds = (System.nanoTime() - start) / 1e9;
            return Summary.builder().put("seconds", seconds).build();
        }));
        long start = System.nanoTime();
        RunRecord done = run("test.flood", Map.of());
        double total = (System.nanoTime() - start) / 1e9;
        double inRun = done.summary().get("seconds");
        System.out.printf("logging %,d points took the run %.3f s (%,.0f points/s); stored and recorded after %.3f s%n",
                points, inRun, points / inRun, total);

        MetricStats stats = lab.store.metricStats(done.id()).get("loss");
        assertEquals(points, stats.count());
        assertEquals(points - 1, stats.lastStep());
        assertEquals(1.0 / points, stats.last(), 1e-15);
        List<MetricPoint> all = lab.store.metrics(done.id(), "loss", -1, points + 10);
        assertEquals(points, all.size());
        for (int i = 0; i < points; i++) assertEquals(i, all.get(i).step());
    }

    @Test
    void metricsFromSeveralThreadsOfOneRunAllArrive() throws Exception {
        lab.catalog.add(TestExperiment.of("test.threads", run -> {
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                String key = "worker" + t;
                threads[t] = new Thread(() -> {
                    for (int step = 0; step < 20_000; step++) run.metric(key, step, step);
                });
                threads[t].start();
            }
            for (Thread t : threads) t.join();
            return Summary.empty();
        }));
        RunRecord done = run("test.threads", Map.of());
        Map<String, MetricStats> stats = lab.store.metricStats(done.id());
        assertEquals(List.of("worker0", "worker1", "worker2", "worker3"), lab.store.metricKeys(done.id()));
        for (MetricStats s : stats.values()) assertEquals(20_000, s.count(), s.key());
    }

    @Test
    void progressIsWrittenAtMostEveryQuarterSecondButTheFinalValueAlwaysArrives() throws Exception {
        lab.catalog.add(TestExperiment.of("test.progress", run -> {
            for (int i = 1; i <= 50_000; i++) run.progress(i / 50_000.0, "sample " + i);
            run.progress(0.97, "almost");
            return Summary.empty();
        }));
        RunRecord done = run("test.progress", Map.of());
        assertEquals(0.97, done.progress());
        assertEquals("almost", done.progressMessage());
    }

    @Test
    void logLinesAreFormattedAndKeptInOrder() throws Exception {
        lab.catalog.add(TestExperiment.of("test.log", run -> {
            run.log().info("epoch %d: loss %.3f", 3, 0.12345);
            run.log().warn("100%% literal without arguments is kept as written: %d");
            run.log().error("bad format %q", 1);
            return Summary.empty();
        }));
        RunRecord done = run("test.log", Map.of());
        List<String> lines = lab.store.logs(done.id(), 0, 100).stream()
                .map(l -> l.level() + " " + l.message()).collect(Collectors.toList());
        int first = lines.indexOf("INFO epoch 3: loss 0.123");
        assertTrue(first >= 0, lines.toString());
        assertEquals("WARN 100%% literal without arguments is kept as written: %d", lines.get(first + 1));
        assertEquals("ERROR bad format %q [1]", lines.get(first + 2));
        List<LogLine> raw = lab.store.logs(done.id(), 0, 100);
        for (int i = 1; i < raw.size(); i++) assertTrue(raw.get(i).seq() > raw.get(i - 1).seq());
    }

    @Test
    void artifactsAreStoredWithTheirKindAndALaterRunCanLoadThem() throws Exception {
        RunRecord counted = run(CountExperiment.ID, Map.of("steps", 4));
        List<ArtifactInfo> stored = lab.store.artifacts(counted.id());
        assertEquals(CountExperiment.ARTIFACTS.stream().sorted().toList(), stored.stream().map(ArtifactInfo::name).sorted().toList());
        ArtifactInfo csv = stored.stream().filter(a -> a.name().equals("count-file")).findFirst().orElseThrow();
        assertEquals("file", csv.kind());
        assertEquals("text/csv", csv.mediaType());
        assertEquals("count.csv", csv.fileName());
        ArtifactInfo line = stored.stream().filter(a -> a.name().equals("count-line")).findFirst().orElseThrow();
        assertEquals("line", line.kind());
        assertEquals("application/json", line.mediaType());

        lab.catalog.add(TestExperiment.of("test.reuse", ParameterSchema.builder()
                .add(Parameter.text("source").required()).build(), run -> {
                    String source = run.parameters().getString("source");
                    Artifact.LineChart chart = assertInstanceOf(Artifact.LineChart.class, run.loadArtifact(source, "count-line"));
                    Artifact.FileArtifact file = assertInstanceOf(Artifact.FileArtifact.class, run.loadArtifact(source, "count-file"));
                    assertArrayEquals(new double[] {1, 2, 3, 4}, chart.series().get(0).y());
                    assertEquals("step,value\n1,1\n2,2\n3,3\n4,4\n", new String(file.content(), StandardCharsets.UTF_8));
                    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                            () -> run.loadArtifact(source, "weights"));
                    assertEquals("run " + source + " has no artifact 'weights'", missing.getMessage());
                    IllegalArgumentException noRun = assertThrows(IllegalArgumentException.class,
                            () -> run.loadArtifact("nonexistent-run", "count-line"));
                    assertEquals("no run 'nonexistent-run'", noRun.getMessage());
                    return Summary.builder().put("points", chart.series().get(0).y().length).build();
                }));
        RunRecord reused = run("test.reuse", Map.of("source", counted.id()));
        assertEquals(4.0, reused.summary().get("points"));
    }

    @Test
    void aSecondArtifactOfTheSameNameReplacesTheFirst() throws Exception {
        lab.catalog.add(TestExperiment.of("test.replace", run -> {
            run.artifact(Artifact.FileArtifact.of("notes", "Notes", "text/plain", "first".getBytes(StandardCharsets.UTF_8)));
            run.artifact(Artifact.FileArtifact.of("notes", "Notes", "text/plain", "second".getBytes(StandardCharsets.UTF_8)));
            return Summary.empty();
        }));
        RunRecord done = run("test.replace", Map.of());
        assertEquals(1, lab.store.artifacts(done.id()).size());
        assertEquals("second", new String(lab.store.artifactData(done.id(), "notes").orElseThrow(), StandardCharsets.UTF_8));
    }
}
