package org.physlab.archetype;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A throw-away local Maven repository for nested Maven builds. Freshly built Physlab artifacts are
 * installed into it the way {@code mvn install} lays them out, so the nested builds use exactly this
 * build's jars and never touch the shared {@code ~/.m2}. Everything else (plugins, JUnit, bnd) comes
 * from a warm local repository used read-only as a {@code file://} mirror: no network access at all.
 */
final class ScratchRepository {

    /** Maven coordinates read from a pom. */
    record Coordinates(String groupId, String artifactId, String version, String packaging) {
        Path directoryIn(Path repository) {
            return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
        }

        String fileName(String extension) {
            return artifactId + "-" + version + "." + extension;
        }
    }

    private final Path root;

    ScratchRepository(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    Path root() {
        return root;
    }

    /** Deletes everything of one group, e.g. copies of org.physlab installed by an earlier run. */
    void forgetGroup(String groupId) throws IOException {
        Path group = root.resolve(groupId.replace('.', '/'));
        if (!Files.exists(group)) {
            return;
        }
        try (Stream<Path> files = Files.walk(group)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Installs a project: its pom, and its jar unless it is a pom-packaged parent ({@code jar} null).
     *
     * @return the coordinates read from the pom
     */
    Coordinates install(Path pom, Path jar) throws IOException {
        Coordinates c = coordinatesOf(pom);
        if (jar == null && !c.packaging().equals("pom")) {
            throw new IllegalArgumentException(c.artifactId() + " is packaged as " + c.packaging() + " but no file was given");
        }
        if (jar != null && !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no packaged file for " + c.artifactId() + " at " + jar
                    + " (the integration test needs a build that has reached 'package')");
        }
        Path dir = Files.createDirectories(c.directoryIn(root));
        Files.copy(pom, dir.resolve(c.fileName("pom")), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(c.fileName("jar")), StandardCopyOption.REPLACE_EXISTING);
        }
        return c;
    }

    /**
     * Lists an installed archetype in the repository's {@code archetype-catalog.xml}, as
     * {@code mvn install} of an archetype does, so {@code -DarchetypeCatalog=local} finds it.
     */
    void catalogArchetype(Coordinates archetype, String description) throws IOException {
        Files.writeString(root.resolve("archetype-catalog.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <archetype-catalog xmlns="http://maven.apache.org/plugins/maven-archetype-plugin/archetype-catalog/1.0.0">
                  <archetypes>
                    <archetype>
                      <groupId>%s</groupId>
                      <artifactId>%s</artifactId>
                      <version>%s</version>
                      <description>%s</description>
                    </archetype>
                  </archetypes>
                </archetype-catalog>
                """.formatted(archetype.groupId(), archetype.artifactId(), archetype.version(), description));
    }

    /**
     * Writes settings that make this the local repository and {@code warmRepository} the mirror of
     * every remote one. The mirror serves releases only, so stale Physlab snapshots sitting in the
     * warm repository can never stand in for the ones installed here.
     */
    Path writeSettings(Path file, Path warmRepository) throws IOException {
        String repositoryPolicy = """
                      <id>central</id>
                      <url>https://repo.maven.apache.org/maven2</url>
                      <releases><checksumPolicy>ignore</checksumPolicy></releases>
                      <snapshots><enabled>false</enabled></snapshots>
                """;
        String settings = """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror>
                      <id>warm-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                  <profiles>
                    <profile>
                      <id>warm-local-repository</id>
                      <repositories><repository>
                %s      </repository></repositories>
                      <pluginRepositories><pluginRepository>
                %s      </pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>warm-local-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(root.toAbsolutePath(), warmRepository.toAbsolutePath().toUri(), repositoryPolicy, repositoryPolicy);
        return Files.writeString(file, settings);
    }

    static Coordinates coordinatesOf(Path pom) throws IOException {
        Element project;
        try {
            project = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IOException("cannot read " + pom + ": " + e.getMessage(), e);
        }
        Element parent = child(project, "parent");
        String groupId = text(project, "groupId", parent);
        String artifactId = text(project, "artifactId", null);
        String version = text(project, "version", parent);
        Element packaging = child(project, "packaging");
        if (groupId == null || artifactId == null || version == null) {
            throw new IOException(pom + " lacks groupId, artifactId or version");
        }
        return new Coordinates(groupId, artifactId, version, packaging == null ? "jar" : packaging.getTextContent().trim());
    }

    private static String text(Element project, String name, Element parent) {
        Element e = child(project, name);
        if (e == null && parent != null) {
            e = child(parent, name);
        }
        return e == null ? null : e.getTextContent().trim();
    }

    private static Element child(Element element, String name) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
