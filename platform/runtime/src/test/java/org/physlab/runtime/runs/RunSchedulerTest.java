package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.physlab.api.FieldError;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Summary;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;

/** Submitting runs: what is checked first, what is recorded, what listeners hear, and seeds. */
class RunSchedulerTest {
    @TempDir
    Path home;
    SchedulerFixture lab;
    RunScheduler runs;

    @BeforeEach
    void start() {
        lab = new SchedulerFixture(home);
        lab.catalog.add(TestExperiment.of("pendulum.period", ParameterSchema.builder()
                .add(Parameter.real("length").defaultValue(1.0).min(1e-3).unit("m"))
                .add(Parameter.integer("swings").defaultValue(3).range(1, 100))
                .build(), run -> {
                    double l = run.parameters().getDouble("length");
                    return Summary.builder().put("period", 2 * Math.PI * Math.sqrt(l / 9.81)).build();
                }));
        runs = lab.scheduler(2);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void invalidParametersAreAllReportedAndNothingIsStored() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> runs.submit(
                LaunchRequest.of("pendulum.period", Map.of("length", "-2", "swings", "many", "colour", "red"), 1L)));
        List<String> wrong = e.errors().stream().map(FieldError::parameter).toList();
        assertTrue(wrong.containsAll(List.of("length", "swings", "colour")), wrong.toString());
        assertEquals(0, lab.storedRuns());
        assertEquals(List.of(), runs.activeRunIds());
    }

    @Test
    void anUnknownExperimentNamesTheInstalledOnesAndStoresNothing() {
        UnknownExperimentException e = assertThrows(UnknownExperimentException.class,
                () -> runs.submit(LaunchRequest.of("pendulum.chaos", Map.of(), null)));
        assertEquals("unknown experiment 'pendulum.chaos'; installed: pendulum.period", e.getMessage());
        assertEquals("pendulum.chaos", e.experimentId());
        assertEquals(0, lab.storedRuns());
    }

    @Test
    void aNonPositiveTimeLimitIsRefusedBeforeAnythingIsStored() {
        LaunchRequest request = new LaunchRequest("pendulum.period", Map.of(), 1L, List.of(), "", null, Duration.ZERO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runs.submit(request));
        assertEquals("the time limit must be positive, got 0 s", e.getMessage());
        assertEquals(0, lab.storedRuns());
    }

    @Test
    void aSucceededRunRecordsWhatRanWhereAndByWhom() throws Exception {
        RunRecord queued = runs.submit(new LaunchRequest("pendulum.period", Map.of("length", "2.0"), 42L,
                List.of("baseline"), "first try", "ada", null));
        assertEquals(RunStatus.QUEUED, queued.status());

        RunRecord done = runs.await(queued.id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.SUCCEEDED, done.status());
        assertEquals(2 * Math.PI * Math.sqrt(2.0 / 9.81), done.summary().get("period"), 1e-12);
        assertEquals("pendulum.period", done.experimentId());
        assertEquals("testkit", done.pluginId());
        assertEquals("1.0.0", done.pluginVersion());
        assertEquals(42L, done.seed());
        assertEquals("CPU", done.backend());
        assertEquals(SchedulerFixture.HOST, done.host());
        assertEquals("ada", done.user());
        assertEquals(List.of("baseline"), done.tags());
        assertEquals("first try", done.notes());
        assertEquals(lab.processId, done.processId());
        assertEquals(2.0, ((Number) done.parameters().get("length")).doubleValue());
        assertEquals(3, ((Number) done.parameters().get("swings")).intValue(), "defaults are recorded too");
        assertNotNull(done.startedAt());
        assertNotNull(done.endedAt());
        assertEquals(null, done.error());
        assertFalse(runs.activeRunIds().contains(queued.id()));
    }

    @Test
    void aRunWithoutSeedOrUserGetsAFreshSeedAndTheConfiguredUser() throws Exception {
        RunRecord a = runs.submit(LaunchRequest.of("pendulum.period", Map.of(), null));
        RunRecord b = runs.submit(LaunchRequest.of("pendulum.period", Map.of(), null));
        assertNotEquals(a.seed(), b.seed());
        assertTrue(a.seed() >= 0 && a.seed() < (1L << 53));
        assertEquals("tester", runs.await(a.id(), SchedulerFixture.PATIENCE).user());
        runs.await(b.id(), SchedulerFixture.PATIENCE);
    }

    @Test
    void listenersHearEveryStatusInOrderAndEveryProgressAndMetricCall() throws Exception {
        lab.catalog.add(TestExperiment.of("test.report", run -> {
            for (int i = 1; i <= 1000; i++) {
                run.metric("loss", i, 1.0 / i);
                run.progress(i / 1000.0, "step " + i);
            }
            return Summary.empty();
        }));
        List<String> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Double> progress = Collections.synchronizedList(new ArrayList<>());
        List<Long> steps = Collections.synchronizedList(new ArrayList<>());
        runs.addListener(new RunListener() {
            @Override
            public void statusChanged(RunRecord run) {
                statuses.add(run.status().name());
            }

            @Override
            public void progress(String runId, double fraction, String message) {
                progress.add(fraction);
            }

            @Override
            public void metric(String runId, String key, long step, double value) {
                steps.add(step);
            }
        });
        RunRecord done = runs.await(runs.submit(LaunchRequest.of("test.report", Map.of(), 1L)).id(), SchedulerFixture.PATIENCE);

        assertEquals(List.of("QUEUED", "RUNNING", "SUCCEEDED"), statuses);
        assertEquals(1000, progress.size());
        assertEquals(1000, steps.size());
        assertEquals(1.0, done.progress(), "the final progress reaches the store");
        assertEquals("step 1000", done.progressMessage());
        assertEquals(1000, lab.store.metricStats(done.id()).get("loss").count());
    }

    @Test
    void aListenerThatThrowsDisturbsNeitherTheRunNorOtherListeners() throws Exception {
        List<RunStatus> heard = Collections.synchronizedList(new ArrayList<>());
        runs.addListener(new RunListener() {
            @Override
            public void statusChanged(RunRecord run) {
                throw new IllegalStateException("broken listener");
            }
        });
        runs.addListener(new RunListener() {
            @Override
            public void statusChanged(RunRecord run) {
                heard.add(run.status());
            }
        });
        RunRecord done = runs.await(runs.submit(LaunchRequest.of("pendulum.period", Map.of(), 1L)).id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.SUCCEEDED, done.status());
        assertEquals(List.of(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.SUCCEEDED), heard);
    }

    @Test
    void theSameSeedGivesTheSameNumbersAndAnotherSeedOtherNumbers() throws Exception {
        lab.catalog.add(TestExperiment.of("test.random", ParameterSchema.builder()
                .add(Parameter.integer("drawsBefore").defaultValue(0).range(0, 1000)).build(), run -> {
                    RandomGenerator main = run.random();
                    int before = run.parameters().getInt("drawsBefore");
                    for (int i = 0; i < before; i++) main.nextDouble();
                    double mainDraw = main.nextGaussian();
                    double validation = run.random("validation").nextDouble();
                    INDArray weights = Nd4j.rand(3, 3);
                    return Summary.builder().put("main", mainDraw).put("validation", validation)
                            .put("nd4j", weights.getDouble(0, 0)).put("nd4jLast", weights.getDouble(2, 2)).build();
                }));
        Map<String, Double> a = summaryOf("test.random", Map.of(), 7L);
        Map<String, Double> b = summaryOf("test.random", Map.of(), 7L);
        Map<String, Double> c = summaryOf("test.random", Map.of(), 8L);
        Map<String, Double> drewMore = summaryOf("test.random", Map.of("drawsBefore", 17), 7L);

        assertEquals(a, b);
        assertNotEquals(a.get("main"), c.get("main"));
        assertNotEquals(a.get("validation"), c.get("validation"));
        assertNotEquals(a.get("nd4j"), c.get("nd4j"));
        assertNotEquals(a.get("main"), drewMore.get("main"));
        assertEquals(a.get("validation"), drewMore.get("validation"),
                "a named stream does not depend on what else the run drew");
    }

    @Test
    void awaitOnAnUnknownRunSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runs.await("no-such-run", Duration.ofSeconds(1)));
        assertEquals("no run 'no-such-run'", e.getMessage());
        assertFalse(runs.cancel("no-such-run", "why not"));
    }

    @Test
    void awaitReturnsTheCurrentRecordWhenTheTimeoutPassesFirst() throws Exception {
        lab.catalog.add(TestExperiment.of("test.wait", TestExperiment::untilCancelled));
        RunRecord queued = runs.submit(LaunchRequest.of("test.wait", Map.of(), 1L));
        SchedulerFixture.waitFor("the run to start", () -> lab.record(queued.id()).status() == RunStatus.RUNNING);
        assertEquals(RunStatus.RUNNING, runs.await(queued.id(), Duration.ofMillis(50)).status());
        assertEquals(List.of(queued.id()), runs.activeRunIds());
        assertTrue(runs.cancel(queued.id().substring(0, 8), "enough"), "a unique id prefix names the run");
        assertEquals(RunStatus.CANCELLED, runs.await(queued.id(), SchedulerFixture.PATIENCE).status());
        assertFalse(runs.cancel(queued.id(), "again"), "an ended run cannot be cancelled");
    }

    private Map<String, Double> summaryOf(String experiment, Map<String, ?> parameters, long seed) throws InterruptedException {
        RunRecord done = runs.await(runs.submit(LaunchRequest.of(experiment, parameters, seed)).id(), SchedulerFixture.PATIENCE);
        assertEquals(RunStatus.SUCCEEDED, done.status(), () -> "run failed: " + done.error());
        return done.summary();
    }
}
