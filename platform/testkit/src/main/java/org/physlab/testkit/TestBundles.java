package org.physlab.testkit;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.BundleActivator;
import org.physlab.api.Experiment;
import org.physlab.testkit.activators.ThrowingActivator;

/**
 * Builds real OSGi plugin bundles at test time, with bnd, from the test kit's own classes: each
 * experiment's package goes into the jar privately, {@code META-INF/services/org.physlab.api.Experiment}
 * lists the experiments, and bnd computes {@code Import-Package} (e.g.
 * {@code org.physlab.api;version="[1.1,2)"}), just as the bnd Maven plugin does for a real plugin.
 *
 * <pre>{@code
 * Path v1 = TestBundles.plugin(tmp, "testkit.version", "1.0.0", org.physlab.testkit.experiments.version.v1.VersionExperiment.class);
 * Path broken = TestBundles.withThrowingActivator(tmp, "testkit.activator", "1.0.0", CountExperiment.class);
 * Path custom = TestBundles.bundle("testkit.custom", "1.2.0").experiments(CountExperiment.class)
 *         .importPackage("org.example.missing").fileName("custom.jar").build(tmp);
 * }</pre>
 *
 * <p>Jars are written to a temporary name in {@code dir} and then moved into place, so a folder
 * watcher never sees half a jar. The classes come from wherever this class was loaded: a jar or a
 * {@code target/classes} folder.
 */
public final class TestBundles {

    /** The package {@link #withUnresolvableImport} imports, which nothing exports. */
    public static final String MISSING_PACKAGE = "org.physlab.testkit.nowhere";

    /** Where plugins list their experiments. */
    public static final String SERVICES = "META-INF/services/" + Experiment.class.getName();

    private TestBundles() { }

    /** A good plugin bundle offering {@code experiments}, written to {@code dir/<symbolicName>-<version>.jar}. */
    @SafeVarargs
    public static Path plugin(Path dir, String symbolicName, String version, Class<? extends Experiment>... experiments) {
        return bundle(symbolicName, version).experiments(experiments).build(dir);
    }

    /** A plugin that also imports {@link #MISSING_PACKAGE}, so it installs but never resolves. */
    @SafeVarargs
    public static Path withUnresolvableImport(Path dir, String symbolicName, String version,
                                              Class<? extends Experiment>... experiments) {
        return bundle(symbolicName, version).experiments(experiments).importPackage(MISSING_PACKAGE).build(dir);
    }

    /** A plugin whose {@code Bundle-Activator} ({@link ThrowingActivator}) throws from {@code start}. */
    @SafeVarargs
    public static Path withThrowingActivator(Path dir, String symbolicName, String version,
                                             Class<? extends Experiment>... experiments) {
        return bundle(symbolicName, version).experiments(experiments).activator(ThrowingActivator.class).build(dir);
    }

    /**
     * A plugin whose service file lists {@code broken}, e.g.
     * {@link org.physlab.testkit.experiments.broken.ThrowingConstructorExperiment} or
     * {@link org.physlab.testkit.experiments.broken.ThrowingDescriptorExperiment}, beside any good ones.
     */
    @SafeVarargs
    public static Path withBrokenExperiment(Path dir, String symbolicName, String version,
                                            Class<? extends Experiment> broken, Class<? extends Experiment>... good) {
        List<Class<? extends Experiment>> all = new ArrayList<>(Arrays.asList(good));
        all.add(broken);
        return bundle(symbolicName, version).experiments(all).build(dir);
    }

    /** A plugin whose service file names a class that is not in the bundle. */
    public static Path withMissingExperimentClass(Path dir, String symbolicName, String version, String className) {
        return bundle(symbolicName, version).serviceLine(className).build(dir);
    }

    /**
     * A plain jar without OSGi headers (no {@code Bundle-SymbolicName}), holding {@code experiments} and
     * their service file all the same, as a plugin author who forgot the bnd plugin would produce.
     */
    @SafeVarargs
    public static Path notABundle(Path dir, String fileName, Class<? extends Experiment>... experiments) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path target = dir.resolve(fileName);
        return writeAtomically(target, tmp -> {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp), manifest)) {
                Set<String> packages = new LinkedHashSet<>();
                for (Class<? extends Experiment> e : experiments) packages.add(e.getPackageName());
                try (Jar classes = new Jar(classesLocation(TestBundles.class).toFile())) {
                    for (var entry : classes.getResources().entrySet()) {
                        String path = entry.getKey();
                        int slash = path.lastIndexOf('/');
                        String pkg = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
                        if (path.endsWith(".class") && packages.contains(pkg)) {
                            out.putNextEntry(new JarEntry(path));
                            entry.getValue().write(out);
                            out.closeEntry();
                        }
                    }
                }
                out.putNextEntry(new JarEntry(SERVICES));
                out.write(serviceFile(names(List.of(experiments))).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        });
    }

    /** A file named like a jar that holds random bytes, not even a zip. */
    public static Path garbage(Path dir, String fileName) {
        byte[] bytes = new byte[2048];
        new Random(fileName.hashCode()).nextBytes(bytes);
        bytes[0] = 'n';
        bytes[1] = 'o';     // never "PK", the zip signature
        return writeAtomically(dir.resolve(fileName), tmp -> Files.write(tmp, bytes));
    }

    /** Starts a bundle description; {@link BundleSpec#build} writes it. */
    public static BundleSpec bundle(String symbolicName, String version) {
        return new BundleSpec(symbolicName, version);
    }

    /** What goes into one test bundle. */
    public static final class BundleSpec {
        private final String symbolicName;
        private final String version;
        private final List<String> serviceLines = new ArrayList<>();
        private final Set<String> packages = new LinkedHashSet<>();
        private final List<String> imports = new ArrayList<>();
        private String activator;
        private String fileName;

        private BundleSpec(String symbolicName, String version) {
            this.symbolicName = Objects.requireNonNull(symbolicName, "symbolicName");
            this.version = Objects.requireNonNull(version, "version");
        }

        /** Packs each experiment's package and lists the experiment in the service file. */
        @SafeVarargs
        public final BundleSpec experiments(Class<? extends Experiment>... experiments) {
            return experiments(Arrays.asList(experiments));
        }

        public BundleSpec experiments(List<Class<? extends Experiment>> experiments) {
            for (Class<? extends Experiment> e : experiments) {
                packages.add(e.getPackageName());
                serviceLines.add(e.getName());
            }
            return this;
        }

        /** Adds a raw line to the service file (e.g. a class that does not exist). */
        public BundleSpec serviceLine(String line) {
            serviceLines.add(line);
            return this;
        }

        /** Packs the activator's package and names it in {@code Bundle-Activator}. */
        public BundleSpec activator(Class<? extends BundleActivator> type) {
            packages.add(type.getPackageName());
            activator = type.getName();
            return this;
        }

        /** An extra {@code Import-Package} clause, e.g. {@code "org.example;version=1.0"}. */
        public BundleSpec importPackage(String clause) {
            imports.add(clause);
            return this;
        }

        /** The jar's file name; {@code <symbolicName>-<version>.jar} by default. */
        public BundleSpec fileName(String name) {
            fileName = name;
            return this;
        }

        /** Builds the bundle with bnd and writes it into {@code dir}; returns its path. */
        public Path build(Path dir) {
            Path target = dir.resolve(fileName != null ? fileName : symbolicName + "-" + version + ".jar");
            return writeAtomically(target, tmp -> {
                try (Builder b = new Builder()) {
                    b.addClasspath(classesLocation(TestBundles.class).toFile());
                    b.addClasspath(classesLocation(Experiment.class).toFile());
                    b.setProperty(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
                    b.setProperty(Constants.BUNDLE_VERSION, version);
                    b.setProperty(Constants.BUNDLE_NAME, "Test plugin " + symbolicName);
                    b.setProperty(Constants.PRIVATEPACKAGE, String.join(",", packages));
                    List<String> importClauses = new ArrayList<>(imports);
                    importClauses.add("*");
                    b.setProperty(Constants.IMPORT_PACKAGE, String.join(",", importClauses));
                    if (activator != null) b.setProperty(Constants.BUNDLE_ACTIVATOR, activator);
                    b.setProperty(Constants.NOEXTRAHEADERS, "true");
                    Jar jar = b.build();
                    if (!b.getErrors().isEmpty()) {
                        throw new IllegalStateException("bnd could not build " + symbolicName + ": " + b.getErrors());
                    }
                    jar.putResource(SERVICES, new EmbeddedResource(serviceFile(serviceLines), System.currentTimeMillis()));
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        jar.write(out);
                    }
                }
            });
        }
    }

    private static List<String> names(List<Class<? extends Experiment>> experiments) {
        return experiments.stream().map(Class::getName).toList();
    }

    private static String serviceFile(List<String> lines) {
        StringBuilder b = new StringBuilder("# experiments of this test plugin\n");
        for (String line : lines) b.append(line).append('\n');
        return b.toString();
    }

    /** Where {@code type} was loaded from: a jar or a classes folder. */
    static Path classesLocation(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("odd code source " + source.getLocation(), e);
        }
    }

    private interface Writer {
        void write(Path tmp) throws Exception;
    }

    private static Path writeAtomically(Path target, Writer writer) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
            try {
                writer.write(tmp);
                return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + target + ": " + e, e);
        }
    }
}
