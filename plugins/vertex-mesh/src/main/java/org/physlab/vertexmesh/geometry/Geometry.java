package org.physlab.vertexmesh.geometry;

import org.physlab.vertexmesh.mesh.HalfEdgeMesh;
import org.physlab.vertexmesh.mesh.Mesh;

/**
 * Geometry kernels of a planar mesh (spec §4), each one loop over half-edges or faces in double
 * precision. Per-half-edge results have N_HE entries (every edge twice), per-face results N_F, and
 * per-vertex results N_V; 2-D points are interleaved x, y.
 */
public final class Geometry {

    private Geometry() { }

    /** ℓ_h = ‖V[origin h] − V[destination h]‖ for every half-edge. */
    public static double[] halfEdgeLengths(Mesh mesh) {
        HalfEdgeMesh t = mesh.topology();
        double[] out = new double[t.halfEdgeCount()];
        for (int h = 0; h < out.length; h++) {
            int p = t.origin(h), q = t.destination(h);
            out[h] = Math.hypot(mesh.x(p) - mesh.x(q), mesh.y(p) - mesh.y(q));
        }
        return out;
    }

    /** ½·cross(b − a, c − a) per face, positive for counter-clockwise faces. */
    public static double[] signedAreas(Mesh mesh) {
        double[] out = new double[mesh.topology().faceCount()];
        for (int f = 0; f < out.length; f++) out[f] = mesh.signedArea(f);
        return out;
    }

    /** The sum of the three side lengths of each face. */
    public static double[] perimeters(Mesh mesh) {
        HalfEdgeMesh t = mesh.topology();
        double[] len = halfEdgeLengths(mesh);
        double[] out = new double[t.faceCount()];
        for (int f = 0; f < out.length; f++) {
            int h = t.faceHalfEdge(f);
            out[f] = len[h] + len[t.next(h)] + len[t.prev(h)];
        }
        return out;
    }

    /**
     * The interior angle opposite each half-edge (at the face's third vertex), atan2(|cross(u, v)|, u·v)
     * with u, v the vectors from that vertex to the half-edge's ends; 0 on boundary half-edges.
     */
    public static double[] oppositeAngles(Mesh mesh) {
        HalfEdgeMesh t = mesh.topology();
        double[] out = new double[t.halfEdgeCount()];
        for (int h = 0; h < out.length; h++) {
            if (t.isBoundary(h)) continue;
            double[] uv = cornerVectors(mesh, h);
            out[h] = Math.atan2(Math.abs(uv[0] * uv[3] - uv[1] * uv[2]), uv[0] * uv[2] + uv[1] * uv[3]);
        }
        return out;
    }

    /** cot of the angle opposite each half-edge, (u·v)/max(|cross(u, v)|, 1e-12); 0 on boundary half-edges. */
    public static double[] oppositeCotangents(Mesh mesh) {
        HalfEdgeMesh t = mesh.topology();
        double[] out = new double[t.halfEdgeCount()];
        for (int h = 0; h < out.length; h++) {
            if (t.isBoundary(h)) continue;
            double[] uv = cornerVectors(mesh, h);
            out[h] = (uv[0] * uv[2] + uv[1] * uv[3]) / Math.max(Math.abs(uv[0] * uv[3] - uv[1] * uv[2]), 1e-12);
        }
        return out;
    }

    /** The cotangent weight of each half-edge's edge, w = (cot α + cot β)/2 (the same for h and its twin). */
    public static double[] cotanWeights(Mesh mesh) {
        HalfEdgeMesh t = mesh.topology();
        double[] cot = oppositeCotangents(mesh);
        double[] out = new double[cot.length];
        for (int h = 0; h < out.length; h++) out[h] = 0.5 * (cot[h] + cot[t.twin(h)]);
        return out;
    }

    /**
     * The cotangent Laplacian applied to a scalar field u on the vertices:
     * (Lu)_i = Σ_j w_ij (u_j − u_i) over the neighbours j of i (natural boundary conditions), so that
     * −uᵀLu = ∫|∇u|² for the piecewise-linear interpolant of u.
     */
    public static double[] cotanLaplacian(Mesh mesh, double[] u) {
        HalfEdgeMesh t = mesh.topology();
        if (u.length != t.vertexCount()) {
            throw new IllegalArgumentException("one value per vertex expected (" + t.vertexCount() + "), got " + u.length);
        }
        double[] w = cotanWeights(mesh);
        double[] out = new double[u.length];
        for (int h = 0; h < t.edgeCount(); h++) {
            int p = t.origin(h), q = t.destination(h);
            double flow = w[h] * (u[q] - u[p]);
            out[p] += flow;
            out[q] -= flow;
        }
        return out;
    }

    /**
     * Circumcentres of the faces by barycentric weights w_a = ℓ_a²(ℓ_b² + ℓ_c² − ℓ_a²) (ℓ_a the side
     * opposite a, cyclically for b and c), divided by max(Σw, 1e-12). 2·N_F entries.
     */
    public static double[] circumcentres(Mesh mesh) {
        HalfEdgeMesh t = mesh.topology();
        int[] f3 = t.faces();
        double[] out = new double[2 * t.faceCount()];
        for (int f = 0; f < t.faceCount(); f++) {
            int a = f3[3 * f], b = f3[3 * f + 1], c = f3[3 * f + 2];
            double la = dist2(mesh, b, c), lb = dist2(mesh, c, a), lc = dist2(mesh, a, b);
            double wa = la * (lb + lc - la), wb = lb * (lc + la - lb), wc = lc * (la + lb - lc);
            double s = Math.max(wa + wb + wc, 1e-12);
            out[2 * f] = (wa * mesh.x(a) + wb * mesh.x(b) + wc * mesh.x(c)) / s;
            out[2 * f + 1] = (wa * mesh.y(a) + wb * mesh.y(b) + wc * mesh.y(c)) / s;
        }
        return out;
    }

    /**
     * The Voronoi (dual) cell area of every vertex: the sum over its faces of the corner areas
     * (ℓ_h²·cot_h + ℓ_{next h}²·cot_{next h})/8, h the face's half-edge ending at the vertex. The areas
     * of all vertices add up to the mesh area.
     */
    public static double[] voronoiAreas(Mesh mesh) {
        HalfEdgeMesh t = mesh.topology();
        double[] len = halfEdgeLengths(mesh), cot = oppositeCotangents(mesh);
        double[] out = new double[t.vertexCount()];
        for (int h = 0; h < len.length; h++) {
            if (t.isBoundary(h)) continue;
            int n = t.next(h);
            out[t.destination(h)] += (len[h] * len[h] * cot[h] + len[n] * len[n] * cot[n]) / 8;
        }
        return out;
    }

    /** The Voronoi (dual) cell perimeter of every vertex, Σ over incoming half-edges of w·ℓ (w the cotan weight). */
    public static double[] voronoiPerimeters(Mesh mesh) {
        HalfEdgeMesh t = mesh.topology();
        double[] len = halfEdgeLengths(mesh), w = cotanWeights(mesh);
        double[] out = new double[t.vertexCount()];
        for (int h = 0; h < len.length; h++) out[t.destination(h)] += w[h] * len[h];
        return out;
    }

    /** u = V[origin h] − a, v = V[destination h] − a with a the vertex opposite h: {ux, uy, vx, vy}. */
    private static double[] cornerVectors(Mesh mesh, int h) {
        HalfEdgeMesh t = mesh.topology();
        int p = t.origin(h), q = t.destination(h), a = t.destination(t.next(h));
        return new double[] {mesh.x(p) - mesh.x(a), mesh.y(p) - mesh.y(a), mesh.x(q) - mesh.x(a), mesh.y(q) - mesh.y(a)};
    }

    private static double dist2(Mesh mesh, int i, int j) {
        double dx = mesh.x(i) - mesh.x(j), dy = mesh.y(i) - mesh.y(j);
        return dx * dx + dy * dy;
    }
}
