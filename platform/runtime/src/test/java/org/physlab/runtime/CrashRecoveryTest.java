package org.physlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.store.MetricPoint;
import org.physlab.store.MetricStats;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;

/**
 * Crash recovery with real processes: a second JVM runs an experiment and is killed with SIGKILL
 * (no shutdown hook, nothing closed), and another Physlab on the same home cleans up after it.
 */
class CrashRecoveryTest {
    @TempDir
    Path tmp;

    private Path homeWithPlugins() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(TestHomes.plugins(home));
        TestBundles.plugin(TestHomes.plugins(home), "testkit.count", "1.0.0", CountExperiment.class);
        TestBundles.plugin(TestHomes.plugins(home), "testkit.sleep", "1.0.0", SleepExperiment.class);
        return home;
    }

    @Test
    void aRunOfAKilledProcessIsInterruptedAtTheNextStartAndKeepsItsFlushedMetrics() throws Exception {
        Path home = homeWithPlugins();
        ChildLab child = ChildLab.start(home, CountExperiment.ID, "value", 50, "steps=1000000", "delayMillis=5");
        long flushedBeforeKill = child.storedPoints;
        child.kill();

        try (Physlab lab = Physlab.start(TestHomes.config(home))) {
            RunRecord crashed = lab.store().find(child.runId).orElseThrow();
            assertEquals(RunStatus.INTERRUPTED, crashed.status());
            assertNotNull(crashed.error());
            assertTrue(!crashed.error().isBlank(), "a reason is recorded");
            assertNotNull(crashed.endedAt());

            MetricStats value = lab.store().metricStats(crashed.id()).get("value");
            assertTrue(value.count() >= flushedBeforeKill, value.count() + " points, " + flushedBeforeKill + " before the kill");
            assertEquals(value.count(), value.lastStep(), "steps 1..n, none missing");
            MetricPoint first = lab.store().metrics(crashed.id(), "value", 0, 1).get(0);
            assertEquals(1, first.step());

            RunRecord fresh = lab.runs().await(lab.runs().submit(LaunchRequest.of(CountExperiment.ID, Map.of("steps", "3"), 1L)).id(),
                    TestHomes.PATIENCE);
            assertEquals(RunStatus.SUCCEEDED, fresh.status(), () -> "the database works after the crash: " + fresh.error());
        } finally {
            child.close();
        }
    }

    @Test
    void aLiveProcessIsLeftAloneAndItsRunsAreCleanedUpOnlyOnceItIsKilled() throws Exception {
        Path home = homeWithPlugins();
        try (Physlab server = Physlab.start(TestHomes.config(home), ProcessKind.SERVER)) {
            RunRecord serverRun = server.runs().submit(LaunchRequest.of(SleepExperiment.ID, Map.of(), 1L));
            TestHomes.waitFor("the server's run to start",
                    () -> server.store().find(serverRun.id()).orElseThrow().status() == RunStatus.RUNNING);

            ChildLab cli = ChildLab.start(home, CountExperiment.ID, "value", 20, "steps=1000000", "delayMillis=5");
            try {
                assertEquals(RunStatus.RUNNING, server.store().find(serverRun.id()).orElseThrow().status(),
                        "the second process's start left the first one's run alone");
                assertTrue(server.store().interruptOrphans(Physlab.localHostName(), server.config().staleAfter()).isEmpty(),
                        "no run of a live process is an orphan");
                assertEquals(RunStatus.RUNNING, server.store().find(cli.runId).orElseThrow().status());

                cli.kill();

                TestHomes.waitFor("the server's sweep to mark the killed CLI's run", () ->
                        server.store().find(cli.runId).orElseThrow().status() == RunStatus.INTERRUPTED);
                RunRecord crashed = server.store().find(cli.runId).orElseThrow();
                assertTrue(crashed.error() != null && !crashed.error().isBlank());
                assertTrue(server.store().metricStats(cli.runId).get("value").count() >= cli.storedPoints);
                assertEquals(RunStatus.RUNNING, server.store().find(serverRun.id()).orElseThrow().status(),
                        "the server's own run goes on");
            } finally {
                cli.close();
            }
            assertTrue(server.runs().cancel(serverRun.id(), "test over"));
            assertEquals(RunStatus.CANCELLED, server.runs().await(serverRun.id(), TestHomes.PATIENCE).status());
        }
    }
}
