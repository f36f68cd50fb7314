package org.physlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physlab.testkit.activators.ThrowingActivator;
import org.physlab.testkit.experiments.broken.ThrowingDescriptorExperiment;
import org.physlab.testkit.experiments.count.CountExperiment;
import org.physlab.testkit.experiments.matrix.MatrixProductExperiment;
import org.physlab.testkit.experiments.sleep.SleepExperiment;

class TestBundlesTest {

    @TempDir
    Path dir;

    @Test
    void packsTheExperimentsPackagesAndListsThemAsServices() throws IOException {
        Path jar = TestBundles.plugin(dir, "testkit.counting", "1.2.3", CountExperiment.class, SleepExperiment.class);

        assertEquals(dir.resolve("testkit.counting-1.2.3.jar"), jar);
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals("testkit.counting", main.getValue("Bundle-SymbolicName"));
            assertEquals("1.2.3", main.getValue("Bundle-Version"));
            assertEquals("2", main.getValue("Bundle-ManifestVersion"));
            assertTrue(main.getValue("Import-Package").contains("org.physlab.api;version=\"[1.1,2)\""), main.getValue("Import-Package"));
            assertNull(main.getValue("Export-Package"), "plugins keep their packages private");
            assertNotNull(file.getEntry("org/physlab/testkit/experiments/count/CountExperiment.class"));
            assertNotNull(file.getEntry("org/physlab/testkit/experiments/sleep/SleepExperiment.class"));
            assertNull(file.getEntry("org/physlab/testkit/experiments/fail/FailExperiment.class"), "only the packages asked for");
            assertNull(file.getEntry("org/physlab/api/Experiment.class"), "the API comes from the host");
            assertEquals(List.of(CountExperiment.class.getName(), SleepExperiment.class.getName()), services(file));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(jar), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void importsNd4jPackagesWithoutAVersion() throws IOException {
        Path jar = TestBundles.plugin(dir, "testkit.matrix", "1.0.0", MatrixProductExperiment.class);
        try (JarFile file = new JarFile(jar.toFile())) {
            String imports = file.getManifest().getMainAttributes().getValue("Import-Package");
            assertTrue(imports.contains("org.nd4j.linalg.factory"), imports);
            assertFalse(imports.matches(".*org\\.nd4j\\.linalg\\.factory;version.*"), imports);
        }
    }

    @Test
    void aPlainJarHasNoOsgiHeaders() throws IOException {
        Path jar = TestBundles.notABundle(dir, "plain.jar", CountExperiment.class);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertNull(file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"));
            assertNotNull(file.getEntry("org/physlab/testkit/experiments/count/CountExperiment.class"));
            assertEquals(List.of(CountExperiment.class.getName()), services(file));
        }
    }

    @Test
    void garbageIsNotEvenAZip() {
        Path jar = TestBundles.garbage(dir, "garbage.jar");
        assertThrows(ZipException.class, () -> new JarFile(jar.toFile()).close());
    }

    @Test
    void anUnresolvableImportIsDeclared() throws IOException {
        Path jar = TestBundles.withUnresolvableImport(dir, "testkit.unresolvable", "1.0.0", CountExperiment.class);
        assertTrue(manifestValue(jar, "Import-Package").contains(TestBundles.MISSING_PACKAGE));
    }

    @Test
    void aThrowingActivatorIsPackedAndNamed() throws IOException {
        Path jar = TestBundles.withThrowingActivator(dir, "testkit.activator", "1.0.0", CountExperiment.class);
        assertEquals(ThrowingActivator.class.getName(), manifestValue(jar, "Bundle-Activator"));
        assertTrue(manifestValue(jar, "Import-Package").contains("org.osgi.framework"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertNotNull(file.getEntry("org/physlab/testkit/activators/ThrowingActivator.class"));
        }
    }

    @Test
    void aBrokenExperimentIsListedBesideTheGoodOnes() throws IOException {
        Path jar = TestBundles.withBrokenExperiment(dir, "testkit.broken", "1.0.0",
                ThrowingDescriptorExperiment.class, CountExperiment.class);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals(List.of(CountExperiment.class.getName(), ThrowingDescriptorExperiment.class.getName()), services(file));
        }
    }

    @Test
    void theFileNameCanBeChosenAndAnExistingJarIsReplaced() throws IOException {
        Path first = TestBundles.bundle("testkit.v", "1.0.0").experiments(CountExperiment.class).fileName("v.jar").build(dir);
        Path second = TestBundles.bundle("testkit.v", "2.0.0").experiments(CountExperiment.class).fileName("v.jar").build(dir);
        assertEquals(first, second);
        assertEquals("2.0.0", manifestValue(second, "Bundle-Version"));
    }

    @Test
    void anInvalidVersionIsABuildError() throws IOException {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestBundles.plugin(dir, "testkit.bad", "one", CountExperiment.class));
        assertTrue(e.getMessage().startsWith("bnd could not build testkit.bad: "), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing is left behind");
        }
    }

    private static String manifestValue(Path jar, String header) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(header);
        }
    }

    private static List<String> services(JarFile file) throws IOException {
        try (var in = file.getInputStream(file.getEntry(TestBundles.SERVICES))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
