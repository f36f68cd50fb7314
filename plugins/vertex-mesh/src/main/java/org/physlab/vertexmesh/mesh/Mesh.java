package org.physlab.vertexmesh.mesh;

import java.util.Objects;

/**
 * A planar triangle mesh: its connectivity and the vertex positions, interleaved as
 * x0, y0, x1, y1, … (2·N_V doubles). The record does not copy the array; treat it as read-only and
 * use {@link #withVertices} for a moved copy.
 */
public record Mesh(HalfEdgeMesh topology, double[] vertices) {

    public Mesh {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(vertices, "vertices");
        if (vertices.length != 2 * topology.vertexCount()) {
            throw new InvalidMeshException("expected " + 2 * topology.vertexCount() + " coordinates for "
                    + topology.vertexCount() + " vertices, got " + vertices.length);
        }
        for (int i = 0; i < vertices.length; i++) {
            if (!Double.isFinite(vertices[i])) {
                throw new InvalidMeshException("vertex " + i / 2 + " has a non-finite coordinate " + vertices[i]);
            }
        }
    }

    /** The same connectivity with other positions (2·N_V doubles, copied). */
    public Mesh withVertices(double[] positions) {
        return new Mesh(topology, positions.clone());
    }

    /** A defensive copy of the positions. */
    public double[] verticesCopy() {
        return vertices.clone();
    }

    public double x(int vertex) {
        return vertices[2 * vertex];
    }

    public double y(int vertex) {
        return vertices[2 * vertex + 1];
    }

    /** ½·cross(b − a, c − a) of face f, positive when counter-clockwise. */
    public double signedArea(int f) {
        int h = topology.faceHalfEdge(f);
        int a = topology.origin(h), b = topology.destination(h), c = topology.destination(topology.next(h));
        return 0.5 * ((x(b) - x(a)) * (y(c) - y(a)) - (y(b) - y(a)) * (x(c) - x(a)));
    }

    /**
     * Rejects meshes with a clockwise (flipped) or zero-area face: every face must have a signed area
     * above 1e-12 × the squared bounding-box diagonal.
     *
     * @return this mesh
     * @throws InvalidMeshException naming the first offending face and its vertices
     */
    public Mesh requirePositivelyOriented() {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < topology.vertexCount(); v++) {
            minX = Math.min(minX, x(v));
            maxX = Math.max(maxX, x(v));
            minY = Math.min(minY, y(v));
            maxY = Math.max(maxY, y(v));
        }
        double scale2 = (maxX - minX) * (maxX - minX) + (maxY - minY) * (maxY - minY);
        double tiny = 1e-12 * scale2;
        int[] faces = topology.faces();
        for (int f = 0; f < topology.faceCount(); f++) {
            double a = signedArea(f);
            String tri = "(" + faces[3 * f] + "," + faces[3 * f + 1] + "," + faces[3 * f + 2] + ")";
            if (Math.abs(a) <= tiny) {
                throw new InvalidMeshException("face " + f + " " + tri + " has zero area (" + a + "): its vertices are collinear or coincide", f);
            }
            if (a < 0) {
                throw new InvalidMeshException("face " + f + " " + tri + " is flipped: it runs clockwise (signed area " + a
                        + "); faces must be counter-clockwise seen from +z", f);
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return "Mesh(" + topology + ")";
    }
}
