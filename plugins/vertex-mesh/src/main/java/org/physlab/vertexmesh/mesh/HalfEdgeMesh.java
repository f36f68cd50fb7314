package org.physlab.vertexmesh.mesh;

import java.util.Arrays;

/**
 * The connectivity of an oriented triangle mesh as half-edge arrays, built exactly as triangulax's
 * {@code HeMesh} (spec §3.2) so that indices agree with the reference implementation:
 * <ul>
 *   <li>the undirected edges {i,j} are sorted lexicographically as (min, max); half-edge k &lt; E runs
 *       min→max and half-edge k + E is its reverse, so {@code twin(k) = k + E} and N_HE = 2E;</li>
 *   <li>each face (v0, v1, v2) owns v0→v1, v1→v2, v2→v0 (next cycles through them);</li>
 *   <li>the half-edges no face uses are the boundary half-edges ({@code face == -1}); their next/prev
 *       walk the boundary loop, which runs clockwise when the faces are counter-clockwise;</li>
 *   <li>{@code vertexHalfEdge(v)} is the smallest outgoing half-edge index of v and
 *       {@code faceHalfEdge(f)} the smallest half-edge index of f.</li>
 * </ul>
 * Construction checks the invariants (spec §3.3) and rejects repeated vertices in a face, edges with
 * more than two faces, neighbouring faces with opposite orientations, non-manifold vertices and unused
 * vertices with an {@link InvalidMeshException} that names the face, edge or vertex. Instances are
 * immutable.
 */
public final class HalfEdgeMesh {
    private final int vertexCount;
    private final int faceCount;
    private final int edgeCount;
    private final int[] origin;
    private final int[] destination;
    private final int[] next;
    private final int[] prev;
    private final int[] face;
    private final int[] vertexHalfEdge;
    private final int[] faceHalfEdge;
    private final int boundaryHalfEdgeCount;

    private HalfEdgeMesh(int vertexCount, int faceCount, int edgeCount, int[] origin, int[] destination, int[] next,
                         int[] prev, int[] face, int[] vertexHalfEdge, int[] faceHalfEdge, int boundaryHalfEdgeCount) {
        this.vertexCount = vertexCount;
        this.faceCount = faceCount;
        this.edgeCount = edgeCount;
        this.origin = origin;
        this.destination = destination;
        this.next = next;
        this.prev = prev;
        this.face = face;
        this.vertexHalfEdge = vertexHalfEdge;
        this.faceHalfEdge = faceHalfEdge;
        this.boundaryHalfEdgeCount = boundaryHalfEdgeCount;
    }

    /**
     * Builds the half-edge structure of {@code faces.length / 3} triangles over {@code vertexCount}
     * vertices (0-based indices, counter-clockwise faces; the orientation must at least be consistent).
     *
     * @throws InvalidMeshException naming the offending face, edge or vertex
     */
    public static HalfEdgeMesh fromTriangles(int vertexCount, int[] faces) {
        if (vertexCount < 3) throw new InvalidMeshException("a triangle mesh needs at least 3 vertices, got " + vertexCount);
        if (faces == null || faces.length == 0) throw new InvalidMeshException("the mesh has no faces");
        if (faces.length % 3 != 0) {
            throw new InvalidMeshException("the face array must hold 3 vertex indices per face, got " + faces.length + " entries");
        }
        int nF = faces.length / 3;
        for (int f = 0; f < nF; f++) {
            int a = faces[3 * f], b = faces[3 * f + 1], c = faces[3 * f + 2];
            for (int v : new int[] {a, b, c}) {
                if (v < 0 || v >= vertexCount) {
                    throw new InvalidMeshException("face " + f + " " + describe(a, b, c) + " refers to vertex " + v
                            + ", which does not exist (" + vertexCount + " vertices)", f);
                }
            }
            if (a == b || b == c || a == c) {
                throw new InvalidMeshException("face " + f + " " + describe(a, b, c) + " is degenerate: it repeats a vertex", f);
            }
        }
        // 1. unique undirected edges, sorted lexicographically as (min, max)
        long[] keys = new long[3 * nF];
        for (int f = 0; f < nF; f++) {
            for (int k = 0; k < 3; k++) {
                int p = faces[3 * f + k], q = faces[3 * f + (k + 1) % 3];
                keys[3 * f + k] = key(Math.min(p, q), Math.max(p, q));
            }
        }
        Arrays.sort(keys);
        int nE = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) keys[nE++] = keys[i];
        }
        long[] edges = Arrays.copyOf(keys, nE);
        int nHE = 2 * nE;
        // 2. half-edges: k = (min -> max), k + E its reverse
        int[] orig = new int[nHE], dest = new int[nHE];
        for (int k = 0; k < nE; k++) {
            int lo = (int) (edges[k] >>> 32), hi = (int) edges[k];
            orig[k] = lo;
            dest[k] = hi;
            orig[k + nE] = hi;
            dest[k + nE] = lo;
        }
        // 3. face half-edges
        int[] heFace = new int[nHE], nxt = new int[nHE], prv = new int[nHE];
        Arrays.fill(heFace, -1);
        int[] faceHe = new int[nF];
        int[] h = new int[3];
        for (int f = 0; f < nF; f++) {
            for (int k = 0; k < 3; k++) {
                int p = faces[3 * f + k], q = faces[3 * f + (k + 1) % 3];
                int e = Arrays.binarySearch(edges, key(Math.min(p, q), Math.max(p, q)));
                h[k] = p < q ? e : e + nE;
                if (heFace[h[k]] != -1) {
                    int other = heFace[h[k]];
                    int twin = h[k] < nE ? h[k] + nE : h[k] - nE;
                    String why = heFace[twin] != -1
                            ? "more than two faces share the edge {" + p + "," + q + "} (non-manifold edge)"
                            : "face " + other + " " + describeFace(faces, other) + " uses the same directed edge "
                              + p + "→" + q + ": the two faces have opposite orientations (flipped face)";
                    throw new InvalidMeshException("face " + f + " " + describeFace(faces, f) + ": " + why, f);
                }
                heFace[h[k]] = f;
            }
            for (int k = 0; k < 3; k++) {
                nxt[h[k]] = h[(k + 1) % 3];
                prv[h[k]] = h[(k + 2) % 3];
            }
            faceHe[f] = Math.min(h[0], Math.min(h[1], h[2]));
        }
        // 4. boundary half-edges: next = the boundary half-edge leaving dest
        int[] boundaryOut = new int[vertexCount];
        Arrays.fill(boundaryOut, -1);
        int nBoundary = 0;
        for (int k = 0; k < nHE; k++) {
            if (heFace[k] != -1) continue;
            nBoundary++;
            int v = orig[k];
            if (boundaryOut[v] != -1) {
                throw new InvalidMeshException("vertex " + v + " is non-manifold: two boundary edges leave it ("
                        + v + "→" + dest[boundaryOut[v]] + " and " + v + "→" + dest[k]
                        + "), so its faces form more than one fan");
            }
            boundaryOut[v] = k;
        }
        for (int k = 0; k < nHE; k++) {
            if (heFace[k] != -1) continue;
            int n = boundaryOut[dest[k]];
            nxt[k] = n;
            prv[n] = k;
        }
        // 5. incident half-edges
        int[] incident = new int[vertexCount];
        Arrays.fill(incident, -1);
        int[] outDegree = new int[vertexCount];
        for (int k = 0; k < nHE; k++) {
            if (incident[orig[k]] == -1) incident[orig[k]] = k;
            outDegree[orig[k]]++;
        }
        for (int v = 0; v < vertexCount; v++) {
            if (incident[v] == -1) throw new InvalidMeshException("vertex " + v + " belongs to no face");
        }
        HalfEdgeMesh mesh = new HalfEdgeMesh(vertexCount, nF, nE, orig, dest, nxt, prv, heFace, incident, faceHe, nBoundary);
        // vertex-manifold: the walk h <- twin(prev(h)) visits every outgoing half-edge exactly once
        for (int v = 0; v < vertexCount; v++) {
            int start = incident[v], walked = 0, cur = start;
            do {
                walked++;
                cur = mesh.twin(prv[cur]);
            } while (cur != start && walked <= outDegree[v]);
            if (walked != outDegree[v]) {
                throw new InvalidMeshException("vertex " + v + " is non-manifold: its " + outDegree[v]
                        + " edges do not form a single fan of faces around it (the faces touch only at this vertex)");
            }
        }
        mesh.checkInvariants();
        return mesh;
    }

    private static long key(int lo, int hi) {
        return ((long) lo << 32) | (hi & 0xffffffffL);
    }

    private static String describe(int a, int b, int c) {
        return "(" + a + "," + b + "," + c + ")";
    }

    private static String describeFace(int[] faces, int f) {
        return describe(faces[3 * f], faces[3 * f + 1], faces[3 * f + 2]);
    }

    /** Spec §3.3; a failure here is a bug in the construction, not bad input. */
    private void checkInvariants() {
        for (int h = 0; h < origin.length; h++) {
            int t = twin(h);
            if (twin(t) != h || origin[h] != destination[t]) throw new IllegalStateException("twin invariant broken at half-edge " + h);
            if (face[next[h]] != face[prev[h]] || prev[next[h]] != h) {
                throw new IllegalStateException("next/prev invariant broken at half-edge " + h);
            }
            if (face[h] != -1 && next[next[next[h]]] != h) throw new IllegalStateException("face cycle broken at half-edge " + h);
        }
        for (int v = 0; v < vertexCount; v++) {
            if (origin[vertexHalfEdge[v]] != v) throw new IllegalStateException("incident half-edge of vertex " + v);
        }
        for (int f = 0; f < faceCount; f++) {
            if (face[faceHalfEdge[f]] != f) throw new IllegalStateException("incident half-edge of face " + f);
        }
    }

    /** N_V. */
    public int vertexCount() {
        return vertexCount;
    }

    /** N_HE = 2 × the number of undirected edges. */
    public int halfEdgeCount() {
        return origin.length;
    }

    /** N_F. */
    public int faceCount() {
        return faceCount;
    }

    /** The number of undirected edges E (= N_HE / 2); half-edges 0..E-1 run from the smaller to the larger vertex index. */
    public int edgeCount() {
        return edgeCount;
    }

    /** Tail vertex of half-edge he. */
    public int origin(int he) {
        return origin[he];
    }

    /** Head vertex of half-edge he. */
    public int destination(int he) {
        return destination[he];
    }

    /** The same edge traversed the other way. */
    public int twin(int he) {
        return he < edgeCount ? he + edgeCount : he - edgeCount;
    }

    /** The next half-edge round the same face, or along the boundary loop for a boundary half-edge. */
    public int next(int he) {
        return next[he];
    }

    /** The inverse of {@link #next}. */
    public int prev(int he) {
        return prev[he];
    }

    /** The face to the left of he, or −1 for a boundary half-edge. */
    public int face(int he) {
        return face[he];
    }

    /** Whether no face uses he. */
    public boolean isBoundary(int he) {
        return face[he] == -1;
    }

    /** Whether he or its twin is a boundary half-edge. */
    public boolean isBoundaryEdge(int he) {
        return face[he] == -1 || face[twin(he)] == -1;
    }

    /** The number of boundary half-edges (equal to the number of boundary edges). */
    public int boundaryHalfEdgeCount() {
        return boundaryHalfEdgeCount;
    }

    /** The number of closed boundary loops. */
    public int boundaryLoopCount() {
        boolean[] seen = new boolean[origin.length];
        int loops = 0;
        for (int h = 0; h < origin.length; h++) {
            if (face[h] != -1 || seen[h]) continue;
            loops++;
            for (int cur = h; !seen[cur]; cur = next[cur]) seen[cur] = true;
        }
        return loops;
    }

    /** The smallest-index outgoing half-edge of vertex v. */
    public int vertexHalfEdge(int v) {
        return vertexHalfEdge[v];
    }

    /** The smallest-index half-edge of face f. */
    public int faceHalfEdge(int f) {
        return faceHalfEdge[f];
    }

    /** The outgoing half-edges of v in counter-clockwise order (for CCW faces), starting at {@link #vertexHalfEdge}. */
    public int[] outgoingHalfEdges(int v) {
        int[] buf = new int[8];
        int n = 0, start = vertexHalfEdge[v], cur = start;
        do {
            if (n == buf.length) buf = Arrays.copyOf(buf, 2 * n);
            buf[n++] = cur;
            cur = twin(prev[cur]);
        } while (cur != start);
        return Arrays.copyOf(buf, n);
    }

    /** Whether v lies on the boundary (it is the head of a boundary half-edge). */
    public boolean isBoundaryVertex(int v) {
        for (int h : outgoingHalfEdges(v)) {
            if (face[h] == -1) return true;
        }
        return false;
    }

    /**
     * The faces as vertex triples, 3·N_F entries: face f is (origin(fi), destination(fi),
     * destination(next(fi))) with fi = faceHalfEdge(f), a cyclic rotation of the input triangle.
     */
    public int[] faces() {
        int[] out = new int[3 * faceCount];
        for (int f = 0; f < faceCount; f++) {
            int h = faceHalfEdge[f];
            out[3 * f] = origin[h];
            out[3 * f + 1] = destination[h];
            out[3 * f + 2] = destination[next[h]];
        }
        return out;
    }

    /** V − E + F (1 for a disk, 2 for a sphere). */
    public int eulerCharacteristic() {
        return vertexCount - edgeCount + faceCount;
    }

    /** Copies of the raw arrays, for kernels and fingerprints: origin, destination, next, prev, face. */
    public int[] originArray() { return origin.clone(); }
    /** @see #originArray() */
    public int[] destinationArray() { return destination.clone(); }
    /** @see #originArray() */
    public int[] nextArray() { return next.clone(); }
    /** @see #originArray() */
    public int[] prevArray() { return prev.clone(); }
    /** @see #originArray() */
    public int[] faceArray() { return face.clone(); }

    @Override
    public String toString() {
        return "HalfEdgeMesh(N_V=" + vertexCount + ", N_HE=" + origin.length + ", N_F=" + faceCount + ")";
    }
}
