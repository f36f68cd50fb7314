package org.physlab.runtime.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.api.NonFiniteMetricException;
import org.physlab.api.Summary;
import org.physlab.store.LogLine;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.testkit.experiments.fail.FailExperiment;
import org.physlab.testkit.experiments.nan.NanExperiment;

/** Runs that fail: what is recorded, and that nothing a plugin throws harms the platform. */
class RunFailureTest {
    @TempDir
    Path home;
    SchedulerFixture lab;
    RunScheduler runs;

    @BeforeEach
    void start() {
        lab = new SchedulerFixture(home);
        lab.catalog.add(new FailExperiment());
        lab.catalog.add(new NanExperiment());
        lab.catalog.add(TestExperiment.of("test.ok", run -> Summary.builder().put("ok", 1).build()));
        runs = lab.scheduler(1);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private RunRecord run(String experiment, Map<String, ?> parameters) throws InterruptedException {
        return runs.await(runs.submit(LaunchRequest.of(experiment, parameters, 1L)).id(), SchedulerFixture.PATIENCE);
    }

    @Test
    void anExceptionFailsTheRunWithItsMessageAndTheStackTraceGoesToTheRunLog() throws Exception {
        RunRecord failed = run(FailExperiment.ID, Map.of("failAtStep", 4, "message", "the solver diverged"));
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("IllegalStateException: the solver diverged at step 4", failed.error());
        assertEquals(4, lab.store.metricStats(failed.id()).get("value").count(), "metrics before the failure are kept");

        List<LogLine> log = lab.store.logs(failed.id(), 0, 1000);
        LogLine trace = log.stream().filter(l -> l.level().equals("ERROR") && l.message().contains("Exception")).findFirst().orElseThrow();
        assertTrue(trace.message().startsWith("java.lang.IllegalStateException: the solver diverged at step 4"), trace.message());
        assertTrue(trace.message().contains("\tat org.physlab.testkit.experiments.fail.FailExperiment.run("), trace.message());
        assertTrue(log.stream().anyMatch(l -> l.message().equals("about to fail at step 4")), "the plugin's own line is kept");
        for (int i = 1; i < log.size(); i++) assertTrue(log.get(i).seq() > log.get(i - 1).seq(), "log lines in order");
    }

    @Test
    void aNanMetricFailsTheRunNamingTheMetricAndStep() throws Exception {
        RunRecord failed = run(NanExperiment.ID, Map.of("steps", 10, "nanAtStep", 5));
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("metric 'loss' became NaN at step 5", failed.error());
        assertEquals(4, lab.store.metricStats(failed.id()).get("loss").count(), "the finite points before it are kept");
    }

    @Test
    void aNanMetricFailsTheRunEvenIfThePluginSwallowsTheException() throws Exception {
        lab.catalog.add(TestExperiment.of("test.swallow", run -> {
            try {
                run.metric("energy", 7, Double.NEGATIVE_INFINITY);
            } catch (NonFiniteMetricException ignored) {
                // carries on regardless
            }
            return Summary.builder().put("energy", 1).build();
        }));
        RunRecord failed = run("test.swallow", Map.of());
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("metric 'energy' became -Infinity at step 7", failed.error());
    }

    @Test
    void aNanInTheSummaryFailsTheRun() throws Exception {
        lab.catalog.add(TestExperiment.of("test.nan-summary", run -> Summary.builder().put("mse", Double.NaN).build()));
        RunRecord failed = run("test.nan-summary", Map.of());
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("summary metric 'mse' is NaN", failed.error());
    }

    @Test
    void errorsFromPluginsNeverKillTheWorkerOrThePlatform() throws Exception {
        lab.catalog.add(TestExperiment.of("test.recurse", run -> Summary.builder().put("depth", depth(0)).build()));
        lab.catalog.add(TestExperiment.of("test.oom", run -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        lab.catalog.add(TestExperiment.of("test.gone", run -> {
            throw new NoClassDefFoundError("org/example/oscillator/Solver");
        }));
        lab.catalog.add(TestExperiment.of("test.null", run -> {
            throw new NullPointerException();
        }));

        assertEquals("StackOverflowError", run("test.recurse", Map.of()).error());
        assertEquals("OutOfMemoryError: Java heap space", run("test.oom", Map.of()).error());
        assertEquals("NoClassDefFoundError: org/example/oscillator/Solver", run("test.gone", Map.of()).error());
        assertEquals("NullPointerException", run("test.null", Map.of()).error());
        RunRecord after = run("test.ok", Map.of());
        assertEquals(RunStatus.SUCCEEDED, after.status(), "the single worker survived all of them");
    }

    @Test
    void aReportAfterTheRunEndedIsRefused() throws Exception {
        java.util.concurrent.atomic.AtomicReference<org.physlab.api.RunContext> leaked = new java.util.concurrent.atomic.AtomicReference<>();
        lab.catalog.add(TestExperiment.of("test.leak", run -> {
            leaked.set(run);
            return Summary.empty();
        }));
        RunRecord done = run("test.leak", Map.of());
        assertEquals(RunStatus.SUCCEEDED, done.status());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> leaked.get().metric("late", 1, 1.0));
        assertEquals("run " + done.id() + " has ended; it takes no more reports", e.getMessage());
    }

    private static int depth(int d) {
        return depth(d + 1) + 1;
    }
}
