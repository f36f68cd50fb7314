package org.physlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.runtime.runs.RunListener;
import org.physlab.runtime.runs.UnknownExperimentException;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.store.RunStore;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;
import org.physlab.testkit.experiments.version.v1.VersionExperiment;

/** The whole platform on a temporary home: real H2, real Felix, real testkit plugin bundles. */
class PhyslabTest {
    @TempDir
    Path tmp;

    private Path home() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(TestHomes.plugins(home));
        return home;
    }

    @Test
    void runsAnExperimentOfAPluginDroppedIntoTheHome() throws Exception {
        Path home = home();
        TestBundles.plugin(TestHomes.plugins(home), "testkit.count", "1.0.0", CountExperiment.class);
        RunRecord done;
        try (Physlab lab = Physlab.start(TestHomes.config(home))) {
            assertNotNull(lab.processId());
            RunRecord queued = lab.runs().submit(LaunchRequest.of(CountExperiment.ID, Map.of("steps", "3"), 5L));
            done = lab.runs().await(queued.id(), TestHomes.PATIENCE);
            assertEquals(RunStatus.SUCCEEDED, done.status(), () -> "failed: " + lab.store().find(queued.id()).orElseThrow().error());
            assertEquals("testkit.count", done.pluginId());
            assertEquals("1.0.0", done.pluginVersion());
            assertEquals(lab.compute().backend().backend(), done.backend());
            assertEquals("tester", done.user());
            assertEquals(6.0, done.summary().get("sum"));
            assertEquals(3, lab.store().metricStats(done.id()).get("value").count());
            UnknownExperimentException e = assertThrows(UnknownExperimentException.class,
                    () -> lab.runs().submit(LaunchRequest.of("testkit.nothing", Map.of(), null)));
            assertTrue(e.getMessage().contains("installed: " + CountExperiment.ID), e.getMessage());
        }
        try (RunStore store = RunStore.open(TestHomes.config(home).store())) {
            assertEquals(RunStatus.SUCCEEDED, store.find(done.id()).orElseThrow().status(), "the history outlives the process");
        }
    }

    @Test
    void closingInterruptsRunningRunsAndIsIdempotent() throws Exception {
        Path home = home();
        TestBundles.plugin(TestHomes.plugins(home), "testkit.sleep", "1.0.0", SleepExperiment.class);
        Physlab lab = Physlab.start(TestHomes.config(home));
        AtomicLong ticksHeard = new AtomicLong();
        lab.runs().addListener(new RunListener() {
            @Override
            public void metric(String runId, String key, long step, double value) {
                ticksHeard.incrementAndGet();
            }
        });
        RunRecord run = lab.runs().submit(LaunchRequest.of(SleepExperiment.ID, Map.of(), 1L));
        TestHomes.waitFor("a few ticks", () -> ticksHeard.get() >= 5);
        long heardBeforeClose = ticksHeard.get();
        lab.close();
        lab.close();

        try (Physlab again = Physlab.start(TestHomes.config(home))) {
            RunRecord after = again.store().find(run.id()).orElseThrow();
            assertEquals(RunStatus.INTERRUPTED, after.status());
            assertEquals("platform shut down", after.error());
            assertTrue(again.store().metricStats(run.id()).get("tick").count() >= heardBeforeClose,
                    "every tick logged before the shutdown was stored");
        }
    }

    @Test
    void updatingAPluginInterruptsItsRunningRunAndLaterRunsUseTheNewVersion() throws Exception {
        Path home = home();
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        Path v1 = TestBundles.plugin(staging, "testkit.update", "1.0.0", SleepExperiment.class, VersionExperiment.class);
        Path v2 = TestBundles.plugin(staging, "testkit.update", "2.0.0", SleepExperiment.class,
                org.physlab.testkit.experiments.version.v2.VersionExperiment.class);
        try (Physlab lab = Physlab.start(TestHomes.config(home))) {
            lab.plugins().deploy(v1, "testkit-update.jar");
            RunRecord old = lab.runs().await(lab.runs().submit(LaunchRequest.of(VersionExperiment.ID, Map.of(), 1L)).id(),
                    TestHomes.PATIENCE);
            assertEquals(1.0, old.summary().get("version"));
            assertEquals("1.0.0", old.pluginVersion());

            RunRecord sleeping = lab.runs().submit(LaunchRequest.of(SleepExperiment.ID, Map.of(), 2L));
            TestHomes.waitFor("the run to start", () -> lab.store().find(sleeping.id()).orElseThrow().status() == RunStatus.RUNNING);

            lab.plugins().deploy(v2, "testkit-update.jar");

            RunRecord interrupted = lab.runs().await(sleeping.id(), TestHomes.PATIENCE);
            assertEquals(RunStatus.INTERRUPTED, interrupted.status());
            assertTrue(interrupted.error().contains("updated to 2.0.0"), interrupted.error());
            assertEquals("1.0.0", interrupted.pluginVersion());

            TestHomes.waitFor("version 2 in the catalog", () -> lab.plugins().find(VersionExperiment.ID)
                    .map(e -> e.pluginVersion().equals("2.0.0")).orElse(false));
            RunRecord fresh = lab.runs().await(lab.runs().submit(LaunchRequest.of(VersionExperiment.ID, Map.of(), 3L)).id(),
                    TestHomes.PATIENCE);
            assertEquals(RunStatus.SUCCEEDED, fresh.status(), () -> "failed: " + fresh.error());
            assertEquals(2.0, fresh.summary().get("version"));
            assertEquals("2.0.0", fresh.pluginVersion());
        }
    }

    @Test
    void removingAPluginInterruptsItsRunningRun() throws Exception {
        Path home = home();
        TestBundles.plugin(TestHomes.plugins(home), "testkit.sleep", "1.0.0", SleepExperiment.class);
        try (Physlab lab = Physlab.start(TestHomes.config(home))) {
            RunRecord run = lab.runs().submit(LaunchRequest.of(SleepExperiment.ID, Map.of(), 1L));
            TestHomes.waitFor("the run to start", () -> lab.store().find(run.id()).orElseThrow().status() == RunStatus.RUNNING);
            assertTrue(lab.plugins().remove("testkit.sleep"));
            RunRecord after = lab.runs().await(run.id(), TestHomes.PATIENCE);
            assertEquals(RunStatus.INTERRUPTED, after.status());
            assertTrue(after.error() != null && !after.error().isBlank());
            assertThrows(UnknownExperimentException.class, () -> lab.runs().submit(LaunchRequest.of(SleepExperiment.ID, Map.of(), 2L)));
        }
    }

    @Test
    void theFelixCachesOfDeadProcessesAreRemovedAndLiveOnesKept() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path dead = Files.createDirectories(cache.resolve("felix-" + deadPid()).resolve("bundle1"));
        Files.writeString(dead.resolve("bundle.jar"), "x");
        Path mine = Files.createDirectories(cache.resolve("felix-" + ProcessHandle.current().pid()));
        Path parent = Files.createDirectories(cache.resolve("felix-" + ProcessHandle.current().parent().orElseThrow().pid()));
        Path other = Files.createDirectories(cache.resolve("something-else"));

        Physlab.removeCachesOfDeadProcesses(cache);

        assertTrue(Files.notExists(dead.getParent()));
        assertTrue(Files.isDirectory(mine));
        assertTrue(Files.isDirectory(parent));
        assertTrue(Files.isDirectory(other));
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").start();
        p.waitFor();
        return p.pid();
    }
}
