package org.physlab.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPackagesTest {

    @TempDir
    Path dir;

    @Test
    void exportsTheApiAndTheSharedLibrariesOfThisClassPath() {
        Map<String, List<String>> exports = ManifestHeader.parse(SystemPackages.extraForThisJvm()).stream()
                .collect(Collectors.groupingBy(c -> c.names().get(0), Collectors.mapping(c -> String.valueOf(c.attribute("version")),
                        Collectors.toList())));

        assertEquals(List.of("1.1.0"), exports.get("org.physlab.api"));
        assertEquals(List.of("null"), exports.get("org.nd4j.linalg.factory"), "ND4J's jars declare no versions");
        assertEquals(List.of("null"), exports.get("org.deeplearning4j.nn.conf"));
        assertEquals(List.of("1.5.7"), exports.get("org.bytedeco.javacpp"), "javacpp is a bundle and says its version");
        assertEquals(List.of("2.0.16", "1.7.36"), exports.get("org.slf4j"), "slf4j-api 2 exports both");
        assertTrue(exports.size() > 200, "a few hundred packages, got " + exports.size());
        assertTrue(exports.keySet().stream().noneMatch(p -> p.startsWith("org.physlab.testkit") || p.startsWith("org.physlab.runtime")
                || p.startsWith("org.apache.felix") || p.startsWith("org.osgi")), "only the shared packages");
    }

    @Test
    void scansFoldersAndJarsAndFollowsClassPathManifests() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("org/nd4j/example"));
        Files.write(classes.resolve("org/nd4j/example/A.class"), new byte[] {1});
        Files.createDirectories(classes.resolve("com/example"));
        Files.write(classes.resolve("com/example/B.class"), new byte[] {1});
        Path library = jar(dir.resolve("lib/library.jar"), null, "org.slf4j.example;version=\"3.1\"",
                "org/slf4j/example/C.class", "META-INF/versions/11/org/bytedeco/hidden/D.class");
        Path launcher = jar(dir.resolve("launcher.jar"), "lib/library.jar", null, "org/deeplearning4j/E.class");

        Map<String, Set<String>> packages = SystemPackages.scan(List.of(classes, launcher));

        assertEquals(List.of("org.deeplearning4j", "org.nd4j.example", "org.slf4j.example"), List.copyOf(packages.keySet()));
        assertEquals(Set.of("3.1"), packages.get("org.slf4j.example"));
        assertEquals(Set.of(), packages.get("org.nd4j.example"));
        assertTrue(Files.exists(library));
    }

    @Test
    void putsTheApiFirstWithItsVersion() {
        String extra = SystemPackages.extra(List.of(), "1.2.0");
        assertEquals("org.physlab.api;version=\"1.2.0\"", extra);
    }

    @Test
    void anApiWithoutAnExportedVersionIsAClearError() throws Exception {
        Files.createDirectories(dir.resolve("org/physlab/api"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SystemPackages.apiVersion(dir));

        assertTrue(e.getMessage().contains("has no Export-Package for it"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void readsTheApiVersionFromAJar() throws Exception {
        Path api = jar(dir.resolve("api.jar"), null, "org.physlab.api;version=\"1.4.0\"", "org/physlab/api/Experiment.class");
        assertEquals("1.4.0", SystemPackages.apiVersion(api));
    }

    private static Path jar(Path file, String classPath, String exports, String... entries) throws Exception {
        Files.createDirectories(file.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        if (exports != null) manifest.getMainAttributes().putValue("Export-Package", exports);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (String entry : entries) {
                jar.putNextEntry(new JarEntry(entry));
                jar.write(1);
                jar.closeEntry();
            }
        }
        return file;
    }
}
