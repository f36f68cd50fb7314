package org.physlab.runtime.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Lists the plugin jars in the plugin folders, with what tells whether a jar changed. */
final class PluginFolders {

    /**
     * Size, modification time and file key (inode) of a jar: a copy in progress changes the first two,
     * an atomic replacement the last.
     */
    record Snapshot(long size, FileTime modified, Object fileKey) {
        static Snapshot of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Snapshot(a.size(), a.lastModifiedTime(), a.fileKey());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && size == s.size && modified.equals(s.modified) && Objects.equals(fileKey, s.fileKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(size, modified, fileKey);
        }
    }

    private PluginFolders() { }

    /** Whether {@code file} is a candidate plugin: {@code *.jar}, not hidden (temporary copies are). */
    static boolean isPluginJar(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".jar") && !name.startsWith(".");
    }

    /** Every plugin jar directly inside {@code dirs}, by absolute path. Folders that vanished are skipped. */
    static Map<Path, Snapshot> list(List<Path> dirs) {
        Map<Path, Snapshot> jars = new TreeMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) continue;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    if (!isPluginJar(file) || !Files.isRegularFile(file)) continue;
                    try {
                        jars.put(file.toAbsolutePath().normalize(), Snapshot.of(file));
                    } catch (NoSuchFileException gone) {
                        // deleted while listing: the next scan sees that
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list plugin folder " + dir + ": " + e.getMessage(), e);
            }
        }
        return jars;
    }
}
