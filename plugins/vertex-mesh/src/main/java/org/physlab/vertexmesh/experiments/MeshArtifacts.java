package org.physlab.vertexmesh.experiments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.physlab.api.Artifact;
import org.physlab.vertexmesh.geometry.Geometry;
import org.physlab.vertexmesh.mesh.Mesh;
import org.physlab.vertexmesh.mesh.ObjFormat;

/** Turns meshes into platform artifacts: mesh layers, edge-length histograms, OBJ files. */
public final class MeshArtifacts {

    private MeshArtifacts() { }

    /** A mesh layer whose face values are A_f/a₀ (1 = the target area of an equilateral triangle with side ℓ₀). */
    public static Artifact.MeshLayer layer(String label, Mesh mesh, double ell0) {
        int n = mesh.topology().vertexCount();
        double[][] vertices = new double[n][];
        for (int v = 0; v < n; v++) vertices[v] = new double[] {mesh.x(v), mesh.y(v)};
        int[] f3 = mesh.topology().faces();
        int[][] faces = new int[f3.length / 3][];
        for (int f = 0; f < faces.length; f++) faces[f] = new int[] {f3[3 * f], f3[3 * f + 1], f3[3 * f + 2]};
        double a0 = Math.sqrt(3) / 4 * ell0 * ell0;
        double[] ratio = Arrays.stream(Geometry.signedAreas(mesh)).map(a -> a / a0).toArray();
        return new Artifact.MeshLayer(label, vertices, faces, null, ratio);
    }

    /**
     * Histograms of the edge lengths (each undirected edge once) of several meshes over common bins, as
     * a line chart of counts against bin centres.
     */
    public static Artifact.LineChart edgeLengthHistogram(String name, String title, List<String> labels, List<Mesh> meshes, int bins) {
        List<double[]> lengths = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Mesh m : meshes) {
            double[] l = Arrays.copyOf(Geometry.halfEdgeLengths(m), m.topology().edgeCount());
            lengths.add(l);
            for (double x : l) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double width = hi > lo ? (hi - lo) / bins : Math.max(lo, 1e-12) * 1e-3;
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) centres[b] = lo + (b + 0.5) * width;
        List<Artifact.Series> series = new ArrayList<>();
        for (int i = 0; i < meshes.size(); i++) {
            double[] counts = new double[bins];
            for (double x : lengths.get(i)) counts[Math.min(bins - 1, (int) ((x - lo) / width))]++;
            series.add(new Artifact.Series(labels.get(i), centres.clone(), counts));
        }
        return new Artifact.LineChart(name, title, "edge length", "number of edges", false, false, series);
    }

    /** The mesh as an OBJ file artifact. */
    public static Artifact.FileArtifact obj(String name, String title, Mesh mesh) {
        return Artifact.FileArtifact.of(name, title, "model/obj", ObjFormat.toText(mesh).getBytes(StandardCharsets.UTF_8));
    }
}
