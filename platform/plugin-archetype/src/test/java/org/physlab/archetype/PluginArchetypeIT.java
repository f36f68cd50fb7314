package org.physlab.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.w3c.dom.Element;

/**
 * Generates a plugin from the archetype and builds it with Maven, as the README tells a plugin
 * author to, then checks that the jar is a bundle Physlab can load.
 *
 * <p>The nested builds use a scratch local repository holding this build's Physlab jars and poms;
 * plugins and libraries come read-only from the warm local repository that runs this build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginArchetypeIT {

    private static final String SERVICES = "META-INF/services/org.physlab.api.Experiment";

    /** Shown with a failed nested build: the usual cause on a fresh machine. */
    private static final String COLD_REPOSITORY_HINT = "\n(If an artifact was not found in warm-local-repository, the local"
            + " repository of this build lacks a plugin the generated project uses: run one online Physlab build first.)";

    private Path work;
    private Path projects;
    private MavenLauncher maven;
    private String archetypeVersion;
    private Path pluginJar;

    @BeforeAll
    void generateAPluginAndPackageIt() throws Exception {
        Optional<Path> mvn = MavenLauncher.locate();
        assumeTrue(mvn.isPresent(), "skipped: no 'mvn' on the PATH, so the archetype cannot be tried the way plugin authors use it");
        work = Files.createDirectories(Path.of(property("physlab.it.work")));

        ScratchRepository repository = new ScratchRepository(work.resolve("repository"));
        repository.forgetGroup("org.physlab");
        repository.install(Path.of(property("physlab.parent.pom")), null);
        repository.install(Path.of(property("physlab.platform.pom")), null);
        repository.install(Path.of(property("physlab.api.pom")), Path.of(property("physlab.api.jar")));
        repository.install(Path.of(property("physlab.testkit.pom")), Path.of(property("physlab.testkit.jar")));
        ScratchRepository.Coordinates archetype = repository.install(Path.of(property("physlab.archetype.pom")),
                Path.of(property("physlab.archetype.jar")));
        repository.catalogArchetype(archetype, "A Physlab plugin with one example experiment");
        archetypeVersion = archetype.version();

        Path settings = repository.writeSettings(work.resolve("settings.xml"), Path.of(property("physlab.warm.repository")));
        Path noGlobalSettings = Files.writeString(work.resolve("global-settings.xml"), "<settings/>\n");
        maven = MavenLauncher.of(mvn.get(), List.of("-s", settings.toString(), "-gs", noGlobalSettings.toString()));
        projects = emptyDirectory(work.resolve("projects"));

        MavenLauncher.Result generated = generate("pendulum", "com.example.pendulum");
        assertTrue(generated.succeeded(), () -> generated.describe() + COLD_REPOSITORY_HINT);
        MavenLauncher.Result packaged = maven.run(projects, work.resolve("logs/package-pendulum.log"), "-f", "pendulum", "package");
        assertTrue(packaged.succeeded(), () -> packaged.describe() + COLD_REPOSITORY_HINT);
        pluginJar = projects.resolve("pendulum/target/pendulum-1.0.0.jar");
        assertTrue(Files.isRegularFile(pluginJar), "mvn package made no " + pluginJar);
    }

    @Test
    void theJarIsABundleNamedAfterTheProjectsCoordinates() throws IOException {
        Attributes manifest = manifestOf(pluginJar);
        assertEquals("2", manifest.getValue(Constants.BUNDLE_MANIFESTVERSION));
        assertEquals("com.example.pendulum", manifest.getValue(Constants.BUNDLE_SYMBOLICNAME));
        assertEquals("1.0.0", manifest.getValue(Constants.BUNDLE_VERSION));
    }

    @Test
    void itImportsThePluginApiFromItsVersionUpToTheNextMajor() throws IOException {
        Parameters imports = new Parameters(manifestOf(pluginJar).getValue(Constants.IMPORT_PACKAGE));
        Attrs api = imports.get("org.physlab.api");
        assertNotNull(api, "Import-Package lacks org.physlab.api: " + imports);
        assertEquals("[1.1,2)", api.getVersion());
        assertFalse(api.containsKey("resolution:"), "the API import must not be optional");
    }

    @Test
    void itExportsNothingAndCarriesNoCopyOfTheApi() throws IOException {
        assertNull(manifestOf(pluginJar).getValue(Constants.EXPORT_PACKAGE));
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            List<String> apiEntries = jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("org/physlab/")).toList();
            assertEquals(List.of(), apiEntries, "the API is provided by Physlab, never bundled");
        }
    }

    @Test
    void itsServicesFileListsTheExampleExperiment() throws IOException {
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            assertNotNull(jar.getEntry(SERVICES), "no " + SERVICES + " in the jar");
            String listed;
            try (InputStream in = jar.getInputStream(jar.getEntry(SERVICES))) {
                listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            assertEquals("com.example.pendulum.DampedPendulum", listed);
            assertNotNull(jar.getEntry("com/example/pendulum/DampedPendulum.class"));
        }
    }

    @Test
    void theGeneratedUnitTestsRanAndPassed() throws Exception {
        Path report = projects.resolve("pendulum/target/surefire-reports/TEST-com.example.pendulum.DampedPendulumTest.xml");
        assertTrue(Files.isRegularFile(report), "the generated project's tests did not run: no " + report);
        Element suite = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        assertTrue(Integer.parseInt(suite.getAttribute("tests")) >= 7, "too few tests ran: " + suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
    }

    @Test
    void felixStartsItAgainstApi1AndItsExperimentDescribesItself() throws Exception {
        withFelixExportingApi("1.1.0", framework -> {
            Bundle bundle = framework.getBundleContext().installBundle(pluginJar.toUri().toString());
            bundle.start();
            assertEquals(Bundle.ACTIVE, bundle.getState());

            URL services = bundle.getEntry(SERVICES);
            assertNotNull(services);
            String className;
            try (InputStream in = services.openStream()) {
                className = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            Experiment experiment = (Experiment) bundle.loadClass(className).getConstructor().newInstance();
            ExperimentDescriptor descriptor = experiment.descriptor();
            assertEquals("pendulum.period", descriptor.id());
            assertEquals(List.of("length", "damping", "initialAngle", "steps", "dt"),
                    descriptor.parameters().parameters().stream().map(p -> p.name()).toList());
        });
    }

    @Test
    void felixRefusesItWhenOnlyApi2IsAvailable() throws Exception {
        withFelixExportingApi("2.0.0", framework -> {
            Bundle bundle = framework.getBundleContext().installBundle(pluginJar.toUri().toString());
            BundleException e = assertThrows(BundleException.class, bundle::start);
            assertTrue(e.getMessage().contains("org.physlab.api"), e.getMessage());
        });
    }

    @Test
    void anArtifactIdThatIsNoNamespaceIsTurnedIntoOne() throws Exception {
        MavenLauncher.Result generated = generate("Double_Pendulum.Lab", "org.example.lab");
        assertTrue(generated.succeeded(), generated::describe);

        String source = Files.readString(projects.resolve("Double_Pendulum.Lab/src/main/java/org/example/lab/DampedPendulum.java"));
        assertTrue(source.contains("ID = \"double-pendulum-lab.period\";"), "unexpected experiment id in:\n" + source);
        assertEquals("double-pendulum-lab", ExperimentDescriptor.builder("double-pendulum-lab.period").build().namespace());
    }

    @Test
    void aNamespaceThatCannotStartAnExperimentIdIsRefused() throws Exception {
        MavenLauncher.Result generated = generate("bad-namespace", "org.example.bad", "-DpluginNamespace=Bad_NS");

        assertFalse(generated.succeeded(), "generation should have failed:\n" + generated.describe());
        assertTrue(Files.readString(generated.log()).contains("pluginNamespace 'Bad_NS'"), generated::describe);
        assertFalse(Files.exists(projects.resolve("bad-namespace")), "the half-made project should be removed");
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The documented one-line generation; the archetype is found in the scratch repository's catalog. */
    private MavenLauncher.Result generate(String artifactId, String packageName, String... extra)
            throws IOException, InterruptedException {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "org.apache.maven.plugins:maven-archetype-plugin:" + property("physlab.archetype.plugin.version") + ":generate",
                "-DarchetypeGroupId=org.physlab",
                "-DarchetypeArtifactId=physlab-plugin-archetype",
                "-DarchetypeVersion=" + archetypeVersion,
                "-DarchetypeCatalog=local",
                "-DgroupId=" + packageName.substring(0, packageName.lastIndexOf('.')),
                "-DartifactId=" + artifactId,
                "-Dpackage=" + packageName));
        Collections.addAll(arguments, extra);
        return maven.run(projects, work.resolve("logs/generate-" + artifactId + ".log"), arguments.toArray(String[]::new));
    }

    private interface FrameworkAction {
        void accept(Framework framework) throws Exception;
    }

    /** Starts a bare Felix whose system bundle exports the plugin API at {@code apiVersion}, runs {@code action}, stops it. */
    private void withFelixExportingApi(String apiVersion, FrameworkAction action) throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new AssertionError("no OSGi framework on the test class path"));
        Framework framework = factory.newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, work.resolve("felix-api-" + apiVersion).toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.physlab.api;version=\"" + apiVersion + "\""));
        framework.start();
        try {
            action.accept(framework);
        } finally {
            framework.stop();
            framework.waitForStop(60_000);
        }
    }

    private static Attributes manifestOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertNotNull(file.getManifest(), jar + " has no manifest");
            return file.getManifest().getMainAttributes();
        }
    }

    private static Path emptyDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException("system property '" + name + "' is not set (got '" + value
                    + "'); run this test through Maven: mvn verify -pl platform/plugin-archetype -am");
        }
        return value;
    }
}
