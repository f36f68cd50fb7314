package org.physlab.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.physlab.api.Summary;
import org.physlab.compute.Nd4jComputeService;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.matrix.MatrixProductExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;
import org.physlab.testkit.experiments.version.v1.VersionExperiment;

class PluginHostTest {

    @TempDir
    Path home;
    Path plugins;
    Path staging;
    PluginHost host;
    final RecordingListener listener = new RecordingListener();

    @BeforeAll
    static void nd4jBeforeFelix() {
        Nd4jComputeService.initialize(1);
    }

    @BeforeEach
    void folders() {
        plugins = home.resolve("plugins");
        staging = home.resolve("staging");
    }

    @AfterEach
    void closeHost() {
        if (host != null) host.close();
    }

    private PluginHost startHost() {
        host = new PluginHost(List.of(plugins), home.resolve("cache/felix"), Duration.ofMillis(50));
        host.addListener(listener);
        host.start();
        return host;
    }

    @Test
    void installsThePluginsAlreadyInTheFolderAtStart() throws Exception {
        Files.createDirectories(plugins);
        TestBundles.plugin(plugins, "testkit.counting", "1.0.0", CountExperiment.class, SleepExperiment.class);

        startHost();

        assertEquals(List.of("testkit.count", "testkit.sleep"), host.experiments().stream().map(CatalogEntry::id).toList());
        PluginInfo plugin = host.plugins().get(0);
        assertEquals(1, host.plugins().size());
        assertEquals("testkit.counting", plugin.id());
        assertEquals("1.0.0", plugin.version());
        assertEquals("ACTIVE", plugin.state());
        assertNull(plugin.error());
        assertEquals(List.of("testkit.count", "testkit.sleep"), plugin.experimentIds());
        assertEquals(plugins.resolve("testkit.counting-1.0.0.jar").toAbsolutePath(), plugin.file());

        CatalogEntry count = host.find("testkit.count").orElseThrow();
        assertEquals("testkit.counting", count.pluginId());
        assertEquals("1.0.0", count.pluginVersion());
        assertEquals(plugin.bundleId(), count.bundleId());
        assertNotSame(CountExperiment.class, count.experiment().getClass(), "the class comes from the bundle, not the class path");
        assertNotNull(FrameworkUtil.getBundle(count.experiment().getClass()));
        assertEquals(List.of("added testkit.count 1.0.0", "added testkit.sleep 1.0.0"), listener.snapshot());
    }

    @Test
    void picksUpAJarDroppedWhileRunning() throws Exception {
        startHost();
        assertTrue(host.experiments().isEmpty());

        Path jar = TestBundles.plugin(staging, "testkit.counting", "1.0.0", CountExperiment.class);
        Files.copy(jar, plugins.resolve("counting.jar"));   // a plain copy: the watcher waits until it is complete

        Eventually.await("testkit.count appears", () -> host.find("testkit.count").isPresent(), host::plugins);
        assertEquals("ACTIVE", host.plugins().get(0).state());
        assertEquals(List.of("added testkit.count 1.0.0"), listener.snapshot());
    }

    /** What the server writes to the audit log for jars copied into, replaced in or deleted from the folder. */
    @Test
    void changesMadeInTheFolderItselfAreReportedButDeploysAndRemovesAreNot() throws Exception {
        List<PluginHost.FolderChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        startHost();
        host.onFolderChange(changes::add);
        host.deploy(TestBundles.plugin(staging, "testkit.matrix", "1.0.0", MatrixProductExperiment.class), "matrix.jar");

        Path counting = plugins.resolve("counting.jar");
        Files.copy(TestBundles.plugin(staging, "testkit.counting", "1.0.0", CountExperiment.class), counting);
        Eventually.await("the copied jar is installed", () -> changes.size() == 1, host::plugins);
        PluginHost.FolderChange installed = changes.get(0);
        assertEquals("plugin.install", installed.action());
        assertEquals("testkit.counting", installed.pluginId());
        assertEquals("1.0.0", installed.version());
        assertEquals("ACTIVE", installed.outcome());
        assertEquals(Files.getOwner(counting).getName(), installed.owner());

        Path v2 = TestBundles.plugin(staging.resolve("v2"), "testkit.counting", "1.0.1", CountExperiment.class);
        Files.copy(v2, counting, StandardCopyOption.REPLACE_EXISTING);
        Eventually.await("the replaced jar is updated", () -> changes.size() == 2, host::plugins);
        assertEquals("plugin.update", changes.get(1).action());
        assertEquals("1.0.1", changes.get(1).version());

        Files.delete(counting);
        Eventually.await("the deleted jar is removed", () -> changes.size() == 3, host::plugins);
        assertEquals("plugin.remove", changes.get(2).action());
        assertEquals("testkit.counting", changes.get(2).pluginId());

        assertTrue(host.remove("testkit.matrix"));
        host.rescan();
        assertEquals(3, changes.size(), "deploy() and remove() are reported by their callers, who know the user: " + changes);
    }

    @Test
    void runsAnExperimentFromAnInstalledBundle() throws Exception {
        startHost();
        host.deploy(TestBundles.plugin(staging, "testkit.counting", "1.0.0", CountExperiment.class), "counting.jar");
        CatalogEntry count = host.find("testkit.count").orElseThrow();
        MinimalRunContext run = new MinimalRunContext(count, Map.of("steps", 5));

        Summary summary = count.experiment().run(run);

        assertEquals(15.0, summary.metrics().get("sum"));
        assertTrue(run.metrics.contains("square@5=25.0"), run.metrics.toString());
        assertEquals(CountExperiment.ARTIFACTS.size(), run.artifacts.size());
    }

    @Test
    void pluginsUseTheHostsNd4j() throws Exception {
        startHost();
        PluginInfo info = host.deploy(TestBundles.plugin(staging, "testkit.matrix", "1.0.0", MatrixProductExperiment.class),
                "matrix.jar");
        assertEquals("ACTIVE", info.state(), String.valueOf(info.error()));
        CatalogEntry matrix = host.find("testkit.matrix-product").orElseThrow();

        Summary summary = matrix.experiment().run(new MinimalRunContext(matrix, Map.of("size", 6)));

        assertEquals(MatrixProductExperiment.expectedTrace(6), summary.metrics().get("trace"), 1e-9);
    }

    @Test
    void updatesAPluginTellingListenersWhileTheOldClassesStillWork() throws Exception {
        startHost();
        PluginInfo v1 = host.deploy(TestBundles.plugin(staging, "testkit.version", "1.0.0", VersionExperiment.class), "version.jar");
        listener.onRemoving = (entry, reason) -> {
            try {
                Summary old = entry.experiment().run(new MinimalRunContext(entry, Map.of()));
                listener.events.add("old classes still ran, version " + old.metrics().get("version"));
            } catch (Exception e) {
                listener.events.add("old classes failed: " + e);
            }
        };

        Path v2 = TestBundles.plugin(staging, "testkit.version", "2.0.0",
                org.physlab.testkit.experiments.version.v2.VersionExperiment.class);
        Files.move(v2, plugins.resolve("version.jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        // The catalog gains the new experiments while the bundle starts; the plugin list records the
        // update just after the start returns.
        Eventually.await("version 2 is in the catalog and the plugin list",
                () -> host.find("testkit.version").map(e -> e.pluginVersion().equals("2.0.0")).orElse(false)
                        && host.plugins().get(0).version().equals("2.0.0"), host::plugins);
        CatalogEntry entry = host.find("testkit.version").orElseThrow();
        assertEquals("Reports its own version: 2.", entry.descriptor().description());
        assertEquals(2.0, entry.experiment().run(new MinimalRunContext(entry, Map.of())).metrics().get("version"));
        assertEquals(List.of(
                "added testkit.version 1.0.0",
                "removing testkit.version 1.0.0 (plugin testkit.version updated to 2.0.0) while its bundle is STOPPING",
                "old classes still ran, version 1.0",
                "added testkit.version 2.0.0"), listener.snapshot());
        PluginInfo updated = host.plugins().get(0);
        assertEquals(v1.bundleId(), updated.bundleId(), "an update keeps the bundle");
        assertEquals("2.0.0", updated.version());
        assertTrue(updated.changedAt().isAfter(v1.changedAt()) || updated.changedAt().equals(v1.changedAt()));
        assertTrue(host.removalPendingBundles().isEmpty(), "the old revision was refreshed away");
    }

    @Test
    void uninstallsADeletedJar() throws Exception {
        startHost();
        host.deploy(TestBundles.plugin(staging, "testkit.counting", "1.0.0", CountExperiment.class), "counting.jar");
        int bundlesWithPlugin = host.bundleCount();

        Files.delete(plugins.resolve("counting.jar"));

        Eventually.await("the plugin is gone", () -> host.plugins().isEmpty() && host.experiments().isEmpty(), host::plugins);
        assertEquals(bundlesWithPlugin - 1, host.bundleCount());
        assertEquals("removing testkit.count 1.0.0 (plugin testkit.counting removed) while its bundle is STOPPING",
                listener.snapshot().get(1));
    }

    @Test
    void removeDeletesTheJarAndUninstallsThePlugin() throws Exception {
        startHost();
        host.deploy(TestBundles.plugin(staging, "testkit.counting", "1.0.0", CountExperiment.class), "counting.jar");

        assertTrue(host.remove("testkit.counting"));

        assertFalse(Files.exists(plugins.resolve("counting.jar")));
        assertTrue(host.experiments().isEmpty());
        assertTrue(host.plugins().isEmpty());
        assertFalse(host.remove("testkit.counting"), "nothing left to remove");
    }

    @Test
    void deployCopiesIntoTheFirstFolderAndReportsThePlugin() throws Exception {
        Path extra = home.resolve("more-plugins");
        host = new PluginHost(List.of(plugins, extra), home.resolve("cache"), Duration.ofMillis(50));
        host.start();
        Path jar = TestBundles.plugin(staging, "testkit.counting", "1.0.0", CountExperiment.class);

        PluginInfo info = host.deploy(jar, "counting.jar");

        assertEquals("ACTIVE", info.state());
        assertEquals(List.of("testkit.count"), info.experimentIds());
        assertEquals(plugins.resolve("counting.jar").toAbsolutePath(), info.file());
        assertTrue(Files.exists(jar), "the source stays where it was");
        try (var files = Files.list(plugins)) {
            assertEquals(List.of(plugins.resolve("counting.jar")), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void deployRejectsNamesThatAreNotPlainJarNames() throws Exception {
        startHost();
        Path jar = TestBundles.plugin(staging, "testkit.counting", "1.0.0", CountExperiment.class);
        for (String bad : new String[] {"../escape.jar", "counting.zip", ".hidden.jar", "sub/dir.jar"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> host.deploy(jar, bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> host.deploy(staging.resolve("missing.jar"), "missing.jar"));
    }

    @Test
    void aSecondPluginOfferingTheSameExperimentIdFails() throws Exception {
        startHost();
        host.deploy(TestBundles.plugin(staging, "testkit.first", "1.0.0", CountExperiment.class), "first.jar");

        PluginInfo second = host.deploy(TestBundles.plugin(staging, "testkit.second", "1.0.0", CountExperiment.class, SleepExperiment.class),
                "second.jar");

        assertEquals("FAILED", second.state());
        assertEquals("experiment id 'testkit.count' is already offered by plugin testkit.first 1.0.0; "
                + "experiment ids must be unique across plugins", second.error());
        assertEquals("testkit.first", host.find("testkit.count").orElseThrow().pluginId());
        assertTrue(host.find("testkit.sleep").isEmpty(), "a failed plugin offers nothing");
    }

    @Test
    void closeTellsListenersThatThePlatformShutDown() throws Exception {
        startHost();
        host.deploy(TestBundles.plugin(staging, "testkit.counting", "1.0.0", CountExperiment.class), "counting.jar");

        host.close();

        assertEquals("removing testkit.count 1.0.0 (platform shut down) while its bundle is STOPPING", listener.snapshot().get(1));
        assertTrue(host.experiments().isEmpty());
        assertThrows(IllegalStateException.class, host::rescan);
        host.close();   // twice is fine
    }

    @Test
    void startsAgainOnAFreshCache() throws Exception {
        Files.createDirectories(plugins);
        TestBundles.plugin(plugins, "testkit.counting", "1.0.0", CountExperiment.class);
        startHost();
        host.close();

        host = new PluginHost(List.of(plugins), home.resolve("cache/felix"), Duration.ofMillis(50));
        host.start();

        assertEquals(List.of("testkit.count"), host.experiments().stream().map(CatalogEntry::id).toList());
    }

    @Test
    void refusesToWipeAFolderThatIsNotAFelixCache() throws Exception {
        Path notACache = home.resolve("documents");
        Files.createDirectories(notACache);
        Files.writeString(notACache.resolve("thesis.tex"), "precious");
        host = new PluginHost(List.of(plugins), notACache, Duration.ofMillis(50));

        IllegalStateException e = assertThrows(IllegalStateException.class, host::start);

        assertTrue(e.getMessage().contains("does not look like a Felix cache"), e.getMessage());
        assertTrue(Files.exists(notACache.resolve("thesis.tex")));
    }

    @Test
    void rejectsACacheInsideAPluginFolder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PluginHost(List.of(plugins), plugins.resolve("cache"), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("must not contain or lie inside the plugin folder"), e.getMessage());
    }
}
