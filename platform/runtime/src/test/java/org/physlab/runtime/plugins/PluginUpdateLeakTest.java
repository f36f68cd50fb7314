package org.physlab.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.version.v1.VersionExperiment;

/** Updating a plugin again and again leaves exactly one bundle and one set of experiments behind. */
class PluginUpdateLeakTest {

    @TempDir
    Path home;

    @Test
    void twentyUpdatesInARowLeakNothing() {
        Path v1 = TestBundles.plugin(home.resolve("v1"), "testkit.version", "1.0.0", VersionExperiment.class);
        Path v2 = TestBundles.plugin(home.resolve("v2"), "testkit.version", "2.0.0",
                org.physlab.testkit.experiments.version.v2.VersionExperiment.class);
        RecordingListener listener = new RecordingListener();
        try (PluginHost host = new PluginHost(List.of(home.resolve("plugins")), home.resolve("cache"), Duration.ofSeconds(30))) {
            host.addListener(listener);
            host.start();
            host.deploy(TestBundles.plugin(home.resolve("other"), "testkit.other", "1.0.0", CountExperiment.class), "other.jar");
            host.deploy(v1, "version.jar");
            int bundles = host.bundleCount();
            WeakReference<ClassLoader> firstLoader = new WeakReference<>(
                    host.find(VersionExperiment.ID).orElseThrow().experiment().getClass().getClassLoader());

            for (int i = 1; i <= 20; i++) {
                String expected = i % 2 == 1 ? "2.0.0" : "1.0.0";
                PluginInfo info = host.deploy(i % 2 == 1 ? v2 : v1, "version.jar");

                assertEquals(expected, info.version(), "update " + i);
                assertEquals("ACTIVE", info.state(), "update " + i + ": " + info.error());
                assertEquals(bundles, host.bundleCount(), "update " + i + " left bundles behind");
                assertEquals(2, host.experiments().size(), "update " + i);
                assertEquals(2, host.plugins().size(), "update " + i);
                assertTrue(host.removalPendingBundles().isEmpty(), "update " + i + " left old revisions behind");
                assertEquals(expected, host.find(VersionExperiment.ID).orElseThrow().pluginVersion());
            }

            assertEquals(21, listener.snapshot().stream().filter(e -> e.startsWith("added testkit.version")).count());
            assertEquals(20, listener.snapshot().stream().filter(e -> e.startsWith("removing testkit.version")).count());
            Eventually.await("the first version's class loader is collected", () -> {
                System.gc();
                return firstLoader.get() == null;
            });
        }
    }
}
