package org.physlab.vertexmesh.sensitivity;

import org.physlab.vertexmesh.mesh.HalfEdgeMesh;

/**
 * The tutorial's meta-loss L(V) = (1/H)·Σ_h (ℓ_h/m − 1)² (spec §8): how far the edge lengths of a
 * relaxed mesh are from the target m. As with the energy, the half-edge mean equals the mean over the
 * undirected edges. Immutable and thread-safe; nothing is allocated.
 */
public final class MetaLoss {
    private final int coordinateCount;
    private final int[] edges;
    private final double target;

    /**
     * @param topology    the mesh connectivity
     * @param targetEll0  the target edge length m (&gt; 0), {@code targetEll0} of the meta-training
     */
    public MetaLoss(HalfEdgeMesh topology, double targetEll0) {
        if (!(targetEll0 > 0) || !Double.isFinite(targetEll0)) {
            throw new IllegalArgumentException("the target edge length must be positive and finite, got " + targetEll0);
        }
        this.target = targetEll0;
        this.coordinateCount = 2 * topology.vertexCount();
        int halfEdges = topology.halfEdgeCount();
        this.edges = new int[halfEdges];
        int e = 0;
        for (int h = 0; h < halfEdges; h++) {
            if (topology.origin(h) < topology.destination(h)) {
                edges[e++] = 2 * topology.origin(h);
                edges[e++] = 2 * topology.destination(h);
            }
        }
        if (e != halfEdges) {
            throw new IllegalArgumentException("a half-edge mesh has two half-edges per edge; found " + e / 2
                    + " edges for " + halfEdges + " half-edges");
        }
    }

    /** The target edge length m. */
    public double target() {
        return target;
    }

    /** L(V). */
    public double value(double[] v) {
        int edgeCount = edges.length / 2;
        double sum = 0;
        for (int e = 0; e < edgeCount; e++) {
            int p = edges[2 * e];
            int q = edges[2 * e + 1];
            double dx = v[p] - v[q];
            double dy = v[p + 1] - v[q + 1];
            double r = Math.sqrt(dx * dx + dy * dy) / target - 1;
            sum += r * r;
        }
        return sum / edgeCount;
    }

    /** Returns L(V) and writes ∂L/∂V into {@code gradient} (overwritten; the adjoint's λ_N, spec §8.2). */
    public double valueAndGradient(double[] v, double[] gradient) {
        java.util.Arrays.fill(gradient, 0, coordinateCount, 0.0);
        int edgeCount = edges.length / 2;
        double scale = 2.0 / edgeCount / target;
        double sum = 0;
        for (int e = 0; e < edgeCount; e++) {
            int p = edges[2 * e];
            int q = edges[2 * e + 1];
            double dx = v[p] - v[q];
            double dy = v[p + 1] - v[q + 1];
            double l = Math.sqrt(dx * dx + dy * dy);
            double r = l / target - 1;
            sum += r * r;
            // c' = (2/E)(ℓ/m − 1)/m along u = d/ℓ, with opposite signs at the two ends
            double cOverL = scale * r / l;
            gradient[p] += cOverL * dx;
            gradient[p + 1] += cOverL * dy;
            gradient[q] -= cOverL * dx;
            gradient[q + 1] -= cOverL * dy;
        }
        return sum / edgeCount;
    }

    /** The edge lengths' mean of V (a summary figure: how close the relaxed mesh came to the target). */
    public double meanEdgeLength(double[] v) {
        int edgeCount = edges.length / 2;
        double sum = 0;
        for (int e = 0; e < edgeCount; e++) {
            int p = edges[2 * e];
            int q = edges[2 * e + 1];
            sum += Math.hypot(v[p] - v[q], v[p + 1] - v[q + 1]);
        }
        return sum / edgeCount;
    }
}
