package org.physlab.vertexmesh.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where a mesh comes from, as written in the {@code mesh} parameter:
 * <ul>
 *   <li>{@code tutorial-disk} — the disk of triangulax's tutorial 02 (131 vertices, 224 faces), bundled;</li>
 *   <li>{@code disk:r=1,n=8} — {@link MeshGenerators#disk} with radius r and n rings (both optional: r=1, n=8);</li>
 *   <li>{@code hex:rings=4,a=0.2} — {@link MeshGenerators#hexPatch} with that many rings and lattice spacing a
 *       (defaults rings=4, a=0.2);</li>
 *   <li>anything else — the path of an OBJ file (see {@link ObjFormat}).</li>
 * </ul>
 * {@link #parse} checks the syntax (and that a file exists) without building the mesh; {@link #load}
 * builds it.
 */
public sealed interface MeshSource {

    /** The text accepted by the {@code mesh} parameter, for help texts. */
    String SYNTAX = "tutorial-disk | disk:r=1,n=8 | hex:rings=4,a=0.2 | path/to/mesh.obj";

    /** Builds (or reads) the mesh. */
    Mesh load();

    /** The canonical text of this source. */
    String spec();

    /** The bundled tutorial disk. */
    record TutorialDisk() implements MeshSource {
        /** sha256 of the bundled file, identical to triangulax's nbs/tutorials/tutorial_meshes/disk.obj. */
        public static final String SHA256 = "190f741bc78edb996fe15dd00b04a8779b1c68d25f98050be7b8778ceec95bf6";
        static final String RESOURCE = "tutorial-disk.obj";

        @Override
        public Mesh load() {
            try (InputStream in = MeshSource.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("the bundled " + RESOURCE + " is missing from the plugin");
                return ObjFormat.read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String spec() {
            return "tutorial-disk";
        }
    }

    /** {@link MeshGenerators#disk}. */
    record Disk(double radius, int rings) implements MeshSource {
        @Override
        public Mesh load() {
            return MeshGenerators.disk(radius, rings);
        }

        @Override
        public String spec() {
            return "disk:r=" + radius + ",n=" + rings;
        }
    }

    /** {@link MeshGenerators#hexPatch}. */
    record Hex(int rings, double spacing) implements MeshSource {
        @Override
        public Mesh load() {
            return MeshGenerators.hexPatch(rings, spacing);
        }

        @Override
        public String spec() {
            return "hex:rings=" + rings + ",a=" + spacing;
        }
    }

    /** An OBJ file. */
    record ObjFile(Path path) implements MeshSource {
        @Override
        public Mesh load() {
            try {
                return ObjFormat.read(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mesh file " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String spec() {
            return path.toString();
        }
    }

    /**
     * Parses a {@code mesh} parameter value.
     *
     * @throws IllegalArgumentException with a message that lists the accepted forms
     */
    static MeshSource parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("no mesh given; use " + SYNTAX);
        String s = text.strip();
        if (s.equals("tutorial-disk")) return new TutorialDisk();
        if (s.startsWith("disk:") || s.equals("disk")) {
            Map<String, String> kv = options(s, "disk", Set.of("r", "n"));
            return new Disk(positive(kv, "r", "1", s), count(kv, "n", "8", s));
        }
        if (s.startsWith("hex:") || s.equals("hex")) {
            Map<String, String> kv = options(s, "hex", Set.of("rings", "a"));
            return new Hex(count(kv, "rings", "4", s), positive(kv, "a", "0.2", s));
        }
        Path p;
        try {
            p = Path.of(s);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("mesh '" + s + "' is not a valid path; use " + SYNTAX);
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("mesh '" + s + "' is neither tutorial-disk, a generator (disk:…, hex:…) nor an"
                    + " existing OBJ file; use " + SYNTAX);
        }
        return new ObjFile(p);
    }

    private static Map<String, String> options(String s, String kind, Set<String> allowed) {
        Map<String, String> kv = new LinkedHashMap<>();
        String rest = s.length() > kind.length() ? s.substring(kind.length() + 1) : "";
        if (rest.isBlank()) return kv;
        for (String part : rest.split(",")) {
            String[] pair = part.split("=", 2);
            String k = pair[0].strip();
            if (pair.length != 2 || !allowed.contains(k)) {
                throw new IllegalArgumentException("mesh '" + s + "': '" + part.strip() + "' is not one of "
                        + String.join(", ", allowed.stream().map(a -> a + "=…").sorted().toList()) + "; use " + SYNTAX);
            }
            kv.put(k, pair[1].strip());
        }
        return kv;
    }

    private static double positive(Map<String, String> kv, String key, String dflt, String s) {
        String v = kv.getOrDefault(key, dflt);
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && Double.isFinite(d)) return d;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("mesh '" + s + "': " + key + " must be a positive number, got '" + v + "'");
    }

    private static int count(Map<String, String> kv, String key, String dflt, String s) {
        String v = kv.getOrDefault(key, dflt);
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 200) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("mesh '" + s + "': " + key + " must be a whole number from 1 to 200, got '" + v + "'");
    }
}
