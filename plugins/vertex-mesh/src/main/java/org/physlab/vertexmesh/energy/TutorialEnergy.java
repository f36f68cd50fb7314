package org.physlab.vertexmesh.energy;

import java.util.Objects;
import org.physlab.vertexmesh.mesh.HalfEdgeMesh;

/**
 * The energy of triangulax's tutorial 02 (spec §5), with rest length ℓ₀ and a₀ = (√3/4)·ℓ₀²:
 * <pre>
 *   E(V; ℓ₀) = (1/N_HE)·Σ_h (ℓ_h/ℓ₀ − 1)² + (1/N_F)·Σ_f (A_f/a₀ − 1)²
 * </pre>
 * over all half-edge lengths ℓ_h (every edge counted twice) and the signed face areas A_f, plus its
 * gradient, the Hessian-vector product and the ℓ₀-derivative of the gradient (spec §5.1–5.2), all
 * analytic. Vertex positions are interleaved x0, y0, x1, y1, … The methods allocate nothing; callers
 * pass the output arrays. An instance is immutable and may be shared between threads.
 */
public final class TutorialEnergy {
    private static final double SQRT3_4 = Math.sqrt(3) / 4;

    private final int vertexCount;
    private final int halfEdgeCount;
    private final int faceCount;
    /** unique edges (half-edges 0..E-1): tail and head vertex */
    private final int[] edgeTail;
    private final int[] edgeHead;
    /** face corners a, b, c (counter-clockwise), 3 per face */
    private final int[] corners;

    public TutorialEnergy(HalfEdgeMesh topology) {
        Objects.requireNonNull(topology, "topology");
        this.vertexCount = topology.vertexCount();
        this.halfEdgeCount = topology.halfEdgeCount();
        this.faceCount = topology.faceCount();
        int e = topology.edgeCount();
        this.edgeTail = new int[e];
        this.edgeHead = new int[e];
        for (int h = 0; h < e; h++) {
            edgeTail[h] = topology.origin(h);
            edgeHead[h] = topology.destination(h);
        }
        this.corners = topology.faces();
    }

    /** The number of doubles in a position (or gradient) vector: 2·N_V. */
    public int dimension() {
        return 2 * vertexCount;
    }

    /** E(v; ℓ₀). */
    public double energy(double[] v, double ell0) {
        check(v, ell0);
        double edgeSum = 0;
        for (int e = 0; e < edgeTail.length; e++) {
            int p = edgeTail[e], q = edgeHead[e];
            double dx = v[2 * p] - v[2 * q], dy = v[2 * p + 1] - v[2 * q + 1];
            double r = Math.sqrt(dx * dx + dy * dy) / ell0 - 1;
            edgeSum += r * r;
        }
        double a0 = SQRT3_4 * ell0 * ell0;
        double areaSum = 0;
        for (int f = 0; f < faceCount; f++) {
            double r = area(v, f) / a0 - 1;
            areaSum += r * r;
        }
        return 2 * edgeSum / halfEdgeCount + areaSum / faceCount;
    }

    /** The edge-length part (1/N_HE)·Σ_h (ℓ_h/ℓ₀ − 1)² of the energy. */
    public double edgeEnergy(double[] v, double ell0) {
        check(v, ell0);
        double edgeSum = 0;
        for (int e = 0; e < edgeTail.length; e++) {
            int p = edgeTail[e], q = edgeHead[e];
            double dx = v[2 * p] - v[2 * q], dy = v[2 * p + 1] - v[2 * q + 1];
            double r = Math.sqrt(dx * dx + dy * dy) / ell0 - 1;
            edgeSum += r * r;
        }
        return 2 * edgeSum / halfEdgeCount;
    }

    /** out = ∇_V E(v; ℓ₀) (overwritten). */
    public void gradient(double[] v, double ell0, double[] out) {
        check(v, ell0);
        checkOut(out);
        java.util.Arrays.fill(out, 0, 2 * vertexCount, 0.0);
        // each edge stands for two half-edges with equal length and opposite direction
        double edgeScale = 4.0 / halfEdgeCount / ell0;
        for (int e = 0; e < edgeTail.length; e++) {
            int p = edgeTail[e], q = edgeHead[e];
            double dx = v[2 * p] - v[2 * q], dy = v[2 * p + 1] - v[2 * q + 1];
            double len = Math.sqrt(dx * dx + dy * dy);
            double c = edgeScale * (len / ell0 - 1) / len;
            double gx = c * dx, gy = c * dy;
            out[2 * p] += gx;
            out[2 * p + 1] += gy;
            out[2 * q] -= gx;
            out[2 * q + 1] -= gy;
        }
        double a0 = SQRT3_4 * ell0 * ell0;
        double faceScale = 2.0 / faceCount / a0;
        for (int f = 0; f < faceCount; f++) {
            int a = corners[3 * f], b = corners[3 * f + 1], c = corners[3 * f + 2];
            double ax = v[2 * a], ay = v[2 * a + 1], bx = v[2 * b], by = v[2 * b + 1], cx = v[2 * c], cy = v[2 * c + 1];
            double area = 0.5 * ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
            double k = 0.5 * faceScale * (area / a0 - 1); // ½ of ∂A/∂corner = ½J(…) folded in
            // ∂A/∂a = ½J(b − c), ∂A/∂b = ½J(c − a), ∂A/∂c = ½J(a − b) with J(w) = (w_y, −w_x)
            out[2 * a] += k * (by - cy);
            out[2 * a + 1] -= k * (bx - cx);
            out[2 * b] += k * (cy - ay);
            out[2 * b + 1] -= k * (cx - ax);
            out[2 * c] += k * (ay - by);
            out[2 * c + 1] -= k * (ax - bx);
        }
    }

    /**
     * out = D(∇E)(v; ℓ₀)·(s, dEll0) = H(v)·s + dEll0·∂_ℓ₀∇E(v; ℓ₀) (overwritten). With dEll0 = 0 this is
     * the Hessian-vector product (H is symmetric, so it also serves the adjoint); with s = 0 and
     * dEll0 = 1 it is the ℓ₀-derivative of the gradient.
     */
    public void directionalDerivative(double[] v, double ell0, double[] s, double dEll0, double[] out) {
        check(v, ell0);
        checkOut(out);
        if (s == null || s.length < 2 * vertexCount) {
            throw new IllegalArgumentException("direction needs " + 2 * vertexCount + " entries, got " + (s == null ? "null" : s.length));
        }
        java.util.Arrays.fill(out, 0, 2 * vertexCount, 0.0);
        double ell02 = ell0 * ell0, ell03 = ell02 * ell0;
        double edgeScale = 4.0 / halfEdgeCount;
        for (int e = 0; e < edgeTail.length; e++) {
            int p = edgeTail[e], q = edgeHead[e];
            double dx = v[2 * p] - v[2 * q], dy = v[2 * p + 1] - v[2 * q + 1];
            double len = Math.sqrt(dx * dx + dy * dy);
            double ux = dx / len, uy = dy / len;
            double sx = s[2 * p] - s[2 * q], sy = s[2 * p + 1] - s[2 * q + 1];
            double dLen = ux * sx + uy * sy;
            double c = edgeScale * (len / ell0 - 1) / ell0;
            double dc = edgeScale * (dLen / ell02 + dEll0 * (1 / ell02 - 2 * len / ell03));
            // δu = (δe − u(u·δe))/ℓ
            double dux = (sx - ux * dLen) / len, duy = (sy - uy * dLen) / len;
            double gx = dc * ux + c * dux, gy = dc * uy + c * duy;
            out[2 * p] += gx;
            out[2 * p + 1] += gy;
            out[2 * q] -= gx;
            out[2 * q + 1] -= gy;
        }
        double a0 = SQRT3_4 * ell02;
        double da0 = 2 * SQRT3_4 * ell0 * dEll0;
        double faceScale = 2.0 / faceCount;
        for (int f = 0; f < faceCount; f++) {
            int a = corners[3 * f], b = corners[3 * f + 1], c = corners[3 * f + 2];
            double ax = v[2 * a], ay = v[2 * a + 1], bx = v[2 * b], by = v[2 * b + 1], cx = v[2 * c], cy = v[2 * c + 1];
            double sax = s[2 * a], say = s[2 * a + 1], sbx = s[2 * b], sby = s[2 * b + 1], scx = s[2 * c], scy = s[2 * c + 1];
            double area = 0.5 * ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
            // ∂A/∂corner (with J(w) = (w_y, −w_x))
            double gax = 0.5 * (by - cy), gay = -0.5 * (bx - cx);
            double gbx = 0.5 * (cy - ay), gby = -0.5 * (cx - ax);
            double gcx = 0.5 * (ay - by), gcy = -0.5 * (ax - bx);
            double dA = gax * sax + gay * say + gbx * sbx + gby * sby + gcx * scx + gcy * scy;
            double k = faceScale * (area / a0 - 1) / a0;
            double dk = faceScale * (dA / (a0 * a0) + da0 * (1 / (a0 * a0) - 2 * area / (a0 * a0 * a0)));
            out[2 * a] += dk * gax + k * 0.5 * (sby - scy);
            out[2 * a + 1] += dk * gay - k * 0.5 * (sbx - scx);
            out[2 * b] += dk * gbx + k * 0.5 * (scy - say);
            out[2 * b + 1] += dk * gby - k * 0.5 * (scx - sax);
            out[2 * c] += dk * gcx + k * 0.5 * (say - sby);
            out[2 * c + 1] += dk * gcy - k * 0.5 * (sax - sbx);
        }
    }

    private double area(double[] v, int f) {
        int a = corners[3 * f], b = corners[3 * f + 1], c = corners[3 * f + 2];
        return 0.5 * ((v[2 * b] - v[2 * a]) * (v[2 * c + 1] - v[2 * a + 1]) - (v[2 * b + 1] - v[2 * a + 1]) * (v[2 * c] - v[2 * a]));
    }

    private void check(double[] v, double ell0) {
        if (!(ell0 > 0) || !Double.isFinite(ell0)) throw new IllegalArgumentException("ℓ₀ must be positive and finite, got " + ell0);
        if (v == null || v.length < 2 * vertexCount) {
            throw new IllegalArgumentException("positions need " + 2 * vertexCount + " entries, got " + (v == null ? "null" : v.length));
        }
    }

    private void checkOut(double[] out) {
        if (out == null || out.length < 2 * vertexCount) {
            throw new IllegalArgumentException("output needs " + 2 * vertexCount + " entries, got " + (out == null ? "null" : out.length));
        }
    }
}
