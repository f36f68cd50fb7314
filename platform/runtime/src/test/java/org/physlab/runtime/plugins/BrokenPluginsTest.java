package org.physlab.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.physlab.testkit.TestBundles;
import org.physlab.testkit.experiments.broken.ThrowingConstructorExperiment;
import org.physlab.testkit.experiments.broken.ThrowingDescriptorExperiment;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.fail.FailExperiment;
import org.physlab.testkit.experiments.version.v1.VersionExperiment;

/** Every kind of broken jar is FAILED with a message naming the problem; the good plugin beside it keeps working. */
class BrokenPluginsTest {

    @TempDir
    Path home;
    Path staging;
    PluginHost host;

    @BeforeEach
    void startHostWithAGoodPlugin() {
        staging = home.resolve("staging");
        host = new PluginHost(List.of(home.resolve("plugins")), home.resolve("cache"), Duration.ofMillis(50));
        host.start();
        PluginInfo good = host.deploy(TestBundles.plugin(staging, "testkit.good", "1.0.0", CountExperiment.class), "good.jar");
        assertEquals("ACTIVE", good.state());
    }

    @AfterEach
    void closeHost() {
        host.close();
    }

    static Stream<Arguments> brokenJars() {
        return Stream.of(
                broken("garbage bytes", dir -> TestBundles.garbage(dir, "broken.jar"),
                        "not a jar file: broken.jar cannot be read as a zip archive"),
                broken("a plain jar", dir -> TestBundles.notABundle(dir, "broken.jar", FailExperiment.class),
                        "not an OSGi bundle: the manifest of broken.jar has no Bundle-SymbolicName header"),
                broken("an unresolvable import", dir -> TestBundles.withUnresolvableImport(dir, "testkit.broken", "1.0.0",
                        FailExperiment.class), "cannot resolve: it imports package " + TestBundles.MISSING_PACKAGE
                        + ", which neither the host nor any plugin exports"),
                broken("a throwing activator", dir -> TestBundles.withThrowingActivator(dir, "testkit.broken", "1.0.0",
                        FailExperiment.class), "its activator org.physlab.testkit.activators.ThrowingActivator failed: "
                        + "IllegalStateException: activator broken on purpose"),
                broken("a throwing constructor", dir -> TestBundles.withBrokenExperiment(dir, "testkit.broken", "1.0.0",
                        ThrowingConstructorExperiment.class, FailExperiment.class), "experiment class "
                        + ThrowingConstructorExperiment.class.getName() + ": constructor threw IllegalStateException: "
                        + "constructor broken on purpose"),
                broken("a throwing descriptor", dir -> TestBundles.withBrokenExperiment(dir, "testkit.broken", "1.0.0",
                        ThrowingDescriptorExperiment.class, FailExperiment.class), "experiment "
                        + ThrowingDescriptorExperiment.class.getName() + ": descriptor() threw IllegalStateException: "
                        + "descriptor broken on purpose"),
                broken("a missing experiment class", dir -> TestBundles.withMissingExperimentClass(dir, "testkit.broken",
                        "1.0.0", "org.example.Missing"), "experiment class org.example.Missing listed in "
                        + "META-INF/services/org.physlab.api.Experiment is not in the bundle"));
    }

    private static Arguments broken(String what, Function<Path, Path> build, String expectedError) {
        return Arguments.of(what, build, expectedError);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenJars")
    void aBrokenJarFailsWithAClearMessageAndTheGoodPluginKeepsWorking(String what, Function<Path, Path> build,
                                                                      String expectedError) throws Exception {
        PluginInfo broken = host.deploy(build.apply(staging), "broken.jar");

        assertEquals("FAILED", broken.state(), what);
        assertTrue(broken.error().startsWith(expectedError), "error was: " + broken.error());
        assertEquals(List.of(), broken.experimentIds());
        assertTrue(host.find(FailExperiment.ID).isEmpty(), "a failed plugin offers nothing");

        CatalogEntry count = host.find(CountExperiment.ID).orElseThrow();
        assertEquals(3.0, count.experiment().run(new MinimalRunContext(count, Map.of("steps", 2))).metrics().get("sum"));
        assertEquals(Map.of("good.jar", "ACTIVE", "broken.jar", "FAILED"), host.plugins().stream()
                .collect(java.util.stream.Collectors.toMap(p -> p.file().getFileName().toString(), PluginInfo::state)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenJars")
    void aFailedJarReplacedByAGoodOneWorks(String what, Function<Path, Path> build, String expectedError) {
        assertEquals("FAILED", host.deploy(build.apply(staging), "broken.jar").state());

        PluginInfo fixed = host.deploy(TestBundles.plugin(staging, "testkit.broken", "1.0.1", FailExperiment.class), "broken.jar");

        assertEquals("ACTIVE", fixed.state(), String.valueOf(fixed.error()));
        assertNull(fixed.error());
        assertEquals(List.of(FailExperiment.ID), fixed.experimentIds());
        assertTrue(host.removalPendingBundles().isEmpty());
    }

    @Test
    void aBrokenUpdateWithdrawsTheOldExperimentsAndFails() {
        RecordingListener listener = new RecordingListener();
        host.addListener(listener);
        host.deploy(TestBundles.plugin(staging, "testkit.version", "1.0.0", VersionExperiment.class), "version.jar");

        PluginInfo info = host.deploy(TestBundles.withThrowingActivator(staging, "testkit.version", "2.0.0",
                org.physlab.testkit.experiments.version.v2.VersionExperiment.class), "version.jar");

        assertEquals("FAILED", info.state());
        assertEquals("2.0.0", info.version());
        assertTrue(info.error().contains("activator broken on purpose"), info.error());
        assertTrue(host.find(VersionExperiment.ID).isEmpty());
        assertEquals(List.of("added testkit.version 1.0.0",
                "removing testkit.version 1.0.0 (plugin testkit.version updated to 2.0.0) while its bundle is STOPPING"),
                listener.snapshot());
    }

    @Test
    void aSecondJarOfTheSamePluginFails() {
        PluginInfo twin = host.deploy(TestBundles.plugin(staging, "testkit.good", "1.1.0", FailExperiment.class), "twin.jar");

        assertEquals("FAILED", twin.state());
        assertTrue(twin.error().startsWith("plugin testkit.good is already installed from "), twin.error());
        assertTrue(twin.error().endsWith("good.jar; remove one of the two jars"), twin.error());
    }
}
