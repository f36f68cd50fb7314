package org.physlab.vertexmesh.mesh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wavefront OBJ reading and writing for planar triangle meshes, as Blender and other tools write them.
 * <p>Reading keeps {@code v} and {@code f} lines and skips comments, {@code o}, {@code g}, {@code s},
 * {@code usemtl}, {@code mtllib}, {@code vt}, {@code vn} and any other statement. Face entries may be
 * {@code v}, {@code v/vt}, {@code v//vn} or {@code v/vt/vn} (only the vertex index is used), 1-based or
 * negative (relative to the last vertex read). Only triangles are accepted, all z coordinates must be
 * equal (the mesh lies in a plane parallel to xy), and the result must be a manifold mesh with
 * counter-clockwise, non-degenerate faces; anything else raises an {@link InvalidMeshException} naming
 * the line, face or edge.
 */
public final class ObjFormat {

    private ObjFormat() { }

    /** Reads an OBJ file. */
    public static Mesh read(Path path) throws IOException {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (InvalidMeshException e) {
            throw new InvalidMeshException(path.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads OBJ text. */
    public static Mesh read(Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<double[]> vertices = new ArrayList<>();
        List<int[]> faces = new ArrayList<>();
        List<Integer> faceLines = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) continue;
            String[] tok = content.split("\\s+");
            switch (tok[0]) {
                case "v" -> {
                    if (tok.length < 3) throw lineError(lineNo, "a vertex needs at least x and y: '" + content + "'");
                    double[] xyz = new double[3];
                    for (int i = 1; i < Math.min(tok.length, 4); i++) xyz[i - 1] = number(tok[i], lineNo);
                    vertices.add(xyz);
                }
                case "f" -> {
                    if (tok.length != 4) {
                        throw lineError(lineNo, "face with " + (tok.length - 1) + " vertices; only triangles are supported"
                                + " (triangulate the mesh first, e.g. Blender's Triangulate Faces)");
                    }
                    int[] tri = new int[3];
                    for (int i = 0; i < 3; i++) tri[i] = vertexIndex(tok[i + 1], vertices.size(), lineNo);
                    faces.add(tri);
                    faceLines.add(lineNo);
                }
                default -> { } // o, g, s, usemtl, mtllib, vt, vn, vp, l, ...: not needed for a planar triangle mesh
            }
        }
        if (vertices.isEmpty()) throw new InvalidMeshException("the OBJ text has no 'v' lines");
        if (faces.isEmpty()) throw new InvalidMeshException("the OBJ text has no 'f' lines");
        double z0 = vertices.get(0)[2];
        double[] xy = new double[2 * vertices.size()];
        for (int i = 0; i < vertices.size(); i++) {
            double[] p = vertices.get(i);
            if (Math.abs(p[2] - z0) > 1e-9 * Math.max(1, Math.abs(z0))) {
                throw new InvalidMeshException("vertex " + (i + 1) + " has z = " + p[2] + " but vertex 1 has z = " + z0
                        + ": only planar meshes parallel to the xy-plane are supported");
            }
            xy[2 * i] = p[0];
            xy[2 * i + 1] = p[1];
        }
        int[] flat = new int[3 * faces.size()];
        for (int f = 0; f < faces.size(); f++) System.arraycopy(faces.get(f), 0, flat, 3 * f, 3);
        try {
            return new Mesh(HalfEdgeMesh.fromTriangles(vertices.size(), flat), xy).requirePositivelyOriented();
        } catch (InvalidMeshException e) {
            if (e.face() < 0) throw e;
            throw new InvalidMeshException("OBJ line " + faceLines.get(e.face()) + ": " + e.getMessage()
                    + " (face and vertex numbers counted from 0)", e);
        }
    }

    /** Writes {@code v x y 0} lines (round-trip exact) and {@code f a b c} lines (1-based). */
    public static void write(Mesh mesh, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(64 * mesh.topology().vertexCount());
        b.append("# physlab vertex-mesh: ").append(mesh.topology().vertexCount()).append(" vertices, ")
                .append(mesh.topology().faceCount()).append(" faces\n");
        for (int v = 0; v < mesh.topology().vertexCount(); v++) {
            b.append("v ").append(mesh.x(v)).append(' ').append(mesh.y(v)).append(" 0\n");
        }
        int[] f = mesh.topology().faces();
        for (int i = 0; i < f.length; i += 3) {
            b.append("f ").append(f[i] + 1).append(' ').append(f[i + 1] + 1).append(' ').append(f[i + 2] + 1).append('\n');
        }
        out.write(b.toString());
        out.flush();
    }

    /** The OBJ text of a mesh. */
    public static String toText(Mesh mesh) {
        StringWriter w = new StringWriter();
        try {
            write(mesh, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static double number(String s, int lineNo) {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) throw lineError(lineNo, "non-finite coordinate '" + s + "'");
            return d;
        } catch (NumberFormatException e) {
            throw lineError(lineNo, "'" + s + "' is not a number");
        }
    }

    private static int vertexIndex(String entry, int verticesSoFar, int lineNo) {
        String first = entry.split("/", -1)[0];
        int idx;
        try {
            idx = Integer.parseInt(first);
        } catch (NumberFormatException e) {
            throw lineError(lineNo, "'" + entry + "' is not a vertex index");
        }
        int zeroBased = idx > 0 ? idx - 1 : verticesSoFar + idx;
        if (idx == 0 || zeroBased < 0 || zeroBased >= verticesSoFar) {
            throw lineError(lineNo, "vertex index " + idx + " is out of range (" + verticesSoFar + " vertices defined so far)");
        }
        return zeroBased;
    }

    private static InvalidMeshException lineError(int lineNo, String what) {
        return new InvalidMeshException("OBJ line " + lineNo + ": " + what);
    }
}
