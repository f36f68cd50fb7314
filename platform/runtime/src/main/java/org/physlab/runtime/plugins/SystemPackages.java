package org.physlab.runtime.plugins;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.physlab.api.Experiment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packages the host's class path offers to plugins through the OSGi system bundle
 * ({@code org.osgi.framework.system.packages.extra}): the plugin API with the version its
 * manifest exports, and every package under {@code org.nd4j}, {@code org.deeplearning4j},
 * {@code org.bytedeco} and {@code org.slf4j}. Those carry the versions their jar's own
 * {@code Export-Package} declares (javacpp and slf4j-api are OSGi bundles, and bnd gives plugins
 * built against them a version range; slf4j-api 2 exports {@code org.slf4j} as both 2.0.x and
 * 1.7.36, and so does the host), and no version otherwise (ND4J's jars declare none).
 */
final class SystemPackages {

    private static final Logger LOG = LoggerFactory.getLogger(SystemPackages.class);

    /** Package prefixes shared with plugins, as class-file paths. */
    static final List<String> SHARED_PREFIXES = List.of("org/nd4j/", "org/deeplearning4j/", "org/bytedeco/", "org/slf4j/");

    static final String API_PACKAGE = Experiment.class.getPackageName();

    private static final Map<String, String> CACHE = new HashMap<>();

    private SystemPackages() { }

    /**
     * The value for {@code org.osgi.framework.system.packages.extra} for the JVM's class path,
     * computed once per class path.
     *
     * @throws IllegalStateException if the plugin API's version cannot be found
     */
    static synchronized String extraForThisJvm() {
        String classPath = System.getProperty("java.class.path", "");
        return CACHE.computeIfAbsent(classPath, cp -> {
            long start = System.nanoTime();
            List<Path> entries = Stream.of(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
            String extra = extra(entries, apiVersion(codeSource(Experiment.class)));
            LOG.debug("scanned the class path for shared packages in {} ms", (System.nanoTime() - start) / 1_000_000);
            return extra;
        });
    }

    /** The header value for {@code classPath}, with the API exported at {@code apiVersion}. */
    static String extra(List<Path> classPath, String apiVersion) {
        Map<String, Set<String>> packages = scan(classPath);
        packages.remove(API_PACKAGE);
        StringBuilder b = new StringBuilder(API_PACKAGE).append(";version=\"").append(apiVersion).append('"');
        packages.forEach((pkg, versions) -> {
            if (versions.isEmpty()) {
                b.append(',').append(pkg);
            } else {
                for (String version : versions) b.append(',').append(pkg).append(";version=\"").append(version).append('"');
            }
        });
        return b.toString();
    }

    /**
     * Shared package name to the versions its jar exports it at (highest first; empty when the jar
     * declares none), sorted by name.
     */
    static Map<String, Set<String>> scan(List<Path> classPath) {
        Map<String, Set<String>> packages = new TreeMap<>();
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> todo = new ArrayDeque<>(classPath);
        while (!todo.isEmpty()) {
            Path entry = todo.removeFirst().toAbsolutePath().normalize();
            if (!seen.add(entry)) continue;
            try {
                if (Files.isDirectory(entry)) {
                    scanDirectory(entry, packages);
                } else if (Files.isRegularFile(entry)) {
                    todo.addAll(scanJar(entry, packages));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("skipping class path entry {}: {}", entry, e.toString());
            }
        }
        return packages;
    }

    /** Scans a jar; returns the entries of its manifest's {@code Class-Path}. */
    private static List<Path> scanJar(Path jar, Map<String, Set<String>> packages) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            Map<String, Set<String>> versions = exportedVersions(manifest);
            file.stream().map(JarEntry::getName).forEach(name -> addPackage(name, versions, packages));
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) return List.of();
            Path base = jar.getParent();
            return Stream.of(classPath.trim().split("\\s+")).map(s -> resolve(base, s)).filter(p -> p != null).toList();
        }
    }

    private static void scanDirectory(Path dir, Map<String, Set<String>> packages) throws IOException {
        Map<String, Set<String>> versions = Map.of();
        Path manifestFile = dir.resolve("META-INF/MANIFEST.MF");
        if (Files.isRegularFile(manifestFile)) {
            try (InputStream in = Files.newInputStream(manifestFile)) {
                versions = exportedVersions(new Manifest(in));
            }
        }
        Map<String, Set<String>> v = versions;
        for (String prefix : SHARED_PREFIXES) {
            Path root = dir.resolve(prefix);
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .map(p -> dir.relativize(p).toString().replace(File.separatorChar, '/'))
                        .forEach(name -> addPackage(name, v, packages));
            }
        }
    }

    private static void addPackage(String classFile, Map<String, Set<String>> versions, Map<String, Set<String>> packages) {
        if (!classFile.endsWith(".class") || classFile.startsWith("META-INF/")) return;
        int slash = classFile.lastIndexOf('/');
        if (slash < 0) return;
        String dir = classFile.substring(0, slash + 1);
        if (SHARED_PREFIXES.stream().noneMatch(dir::startsWith)) return;
        String pkg = classFile.substring(0, slash).replace('/', '.');
        Set<String> known = packages.computeIfAbsent(pkg, p -> new TreeSet<>(SystemPackages::compareVersionsDescending));
        known.addAll(versions.getOrDefault(pkg, Set.of()));
    }

    private static Map<String, Set<String>> exportedVersions(Manifest manifest) {
        if (manifest == null) return Map.of();
        Map<String, Set<String>> versions = new HashMap<>();
        for (ManifestHeader.Clause clause : ManifestHeader.parse(manifest.getMainAttributes().getValue("Export-Package"))) {
            String version = clause.attribute("version");
            if (version == null) continue;
            for (String name : clause.names()) versions.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(version);
        }
        return versions;
    }

    private static int compareVersionsDescending(String a, String b) {
        try {
            return org.osgi.framework.Version.parseVersion(b).compareTo(org.osgi.framework.Version.parseVersion(a));
        } catch (IllegalArgumentException e) {
            return b.compareTo(a);
        }
    }

    /**
     * The version the plugin API's manifest exports, e.g. {@code 1.0.0}, read from the jar or classes
     * folder {@code location} (bnd writes the manifest when the api module is built).
     */
    static String apiVersion(Path location) {
        Manifest manifest = null;
        try {
            if (Files.isDirectory(location)) {
                Path file = location.resolve("META-INF/MANIFEST.MF");
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        manifest = new Manifest(in);
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile(), false)) {
                    manifest = jar.getManifest();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the manifest of the plugin API at " + location + ": " + e.getMessage(), e);
        }
        Set<String> versions = exportedVersions(manifest).getOrDefault(API_PACKAGE, Set.of());
        String version = versions.isEmpty() ? null : versions.iterator().next();
        if (version == null) {
            throw new IllegalStateException("cannot tell which version of " + API_PACKAGE + " the host offers: the manifest at "
                    + location + " has no Export-Package for it. Build the api module with Maven, whose bnd plugin writes it.");
        }
        return version;
    }

    static Path codeSource(Class<?> type) {
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

    /** A {@code Class-Path} entry (a relative URL) against the folder of the jar naming it; null if odd. */
    private static Path resolve(Path base, String relativeUrl) {
        try {
            return Path.of(base.toUri().resolve(relativeUrl));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** For log lines: how many packages, and how many with versions. */
    static String describe(String extra) {
        List<ManifestHeader.Clause> clauses = ManifestHeader.parse(extra);
        long versioned = clauses.stream().filter(c -> c.attribute("version") != null).count();
        return clauses.size() + " packages (" + versioned + " versioned): "
                + clauses.stream().limit(4).map(c -> String.join(";", c.names())).collect(Collectors.joining(", ")) + ", …";
    }
}
